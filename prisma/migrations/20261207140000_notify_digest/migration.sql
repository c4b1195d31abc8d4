-- Notifications of no case event (issue 18): the supervisors' morning digest (每日待办摘要), one per
-- supervisor and Beijing working day with the counts it tells in its body; and the steps of a match
-- (proposed to the partner, accepted or declined to the caseworker), written in the step's own
-- transaction and made unique by `ref` (match:<id>), so a retried request writes none twice.
ALTER TABLE "notification" ALTER COLUMN "case_id" DROP NOT NULL;
ALTER TABLE "notification" ALTER COLUMN "seq" DROP NOT NULL;
ALTER TABLE "notification" ADD COLUMN "day" DATE;
ALTER TABLE "notification" ADD COLUMN "body" JSONB;
ALTER TABLE "notification" ADD COLUMN "ref" TEXT;
CREATE UNIQUE INDEX "notification_user_id_kind_day_key" ON "notification" ("user_id", "kind", "day");
CREATE UNIQUE INDEX "notification_user_id_kind_ref_key" ON "notification" ("user_id", "kind", "ref");
