-- §四(二) 个性化方案 item by item (issue 17): matching starts from the plan's items. A proposal may
-- name the approved plan item it answers (the item's id in the case's plan; plans live in the case's
-- machine context, so there is no foreign key).
ALTER TABLE "match" ADD COLUMN "plan_item_id" TEXT;
