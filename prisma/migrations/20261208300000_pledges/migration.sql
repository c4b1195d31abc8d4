-- §四(三) 动员社会力量, §四(六) 援助项目发布平台 (issue 19): a partner's response to a published project
-- becomes a pledge (认捐) of money, goods, places or hours from one of its own resources. The center that
-- owns the case accepts it (it then becomes a proposed match, held through the same capacity checks as any
-- other) or declines it with a reason the partner sees. A project records why it closed.
CREATE TYPE "PledgeKind" AS ENUM ('MONEY', 'GOODS', 'PLACES', 'HOURS');
CREATE TYPE "PledgeStatus" AS ENUM ('PENDING', 'ACCEPTED', 'DECLINED');
CREATE TYPE "ProjectClosedReason" AS ENUM ('CASE_CLOSED', 'NEED_COVERED', 'BY_CENTER');

-- Why a project left the platform: its case closed, its need was covered by accepted pledges, or its
-- center took it off. Projects closed before: withdrawn with their case closed is CASE_CLOSED, the rest
-- were taken off by hand.
ALTER TABLE "project" ADD COLUMN "closed_reason" "ProjectClosedReason",
  ADD COLUMN "closed_at" TIMESTAMPTZ(3);
UPDATE "project" p
SET closed_reason = (CASE WHEN p.status = 'WITHDRAWN' AND c.status = 'CLOSED' THEN 'CASE_CLOSED' ELSE 'BY_CENTER' END)::"ProjectClosedReason",
    closed_at = now()
FROM "case" c
WHERE c.id = p.case_id AND p.status <> 'PUBLISHED';
ALTER TABLE "project" ADD CONSTRAINT "project_closed_reason_check"
  CHECK ((status = 'PUBLISHED') = (closed_reason IS NULL));

ALTER TABLE "project_response" ADD COLUMN "kind" "PledgeKind",
  ADD COLUMN "places" INTEGER,
  ADD COLUMN "quantity" DECIMAL(12,2),
  ADD COLUMN "status" "PledgeStatus" NOT NULL DEFAULT 'PENDING',
  ADD COLUMN "decline_reason" TEXT,
  ADD COLUMN "decided_by_id" UUID,
  ADD COLUMN "decided_at" TIMESTAMPTZ(3),
  ADD COLUMN "match_id" UUID;

-- Responses written before: an amount is a money pledge; otherwise what the named resource gives
-- (volunteer hours, places), else goods. One place for a places pledge that named none.
UPDATE "project_response" r
SET kind = (CASE
  WHEN r.amount IS NOT NULL THEN 'MONEY'
  ELSE coalesce((SELECT CASE WHEN s.kind = 'VOLUNTEER_SERVICE' THEN 'HOURS' WHEN s.capacity IS NOT NULL THEN 'PLACES' END
                 FROM resource s WHERE s.id = r.resource_id), 'GOODS')
END)::"PledgeKind";
UPDATE "project_response" SET places = 1 WHERE kind = 'PLACES';
-- Responses to projects no longer on the platform are answered with the project's end.
UPDATE "project_response" r
SET status = 'DECLINED',
    decline_reason = CASE p.closed_reason WHEN 'CASE_CLOSED' THEN '个案已结案' ELSE '项目已结束' END,
    decided_at = now()
FROM "project" p
WHERE p.id = r.project_id AND p.status <> 'PUBLISHED';
ALTER TABLE "project_response" ALTER COLUMN "kind" SET NOT NULL;

ALTER TABLE "project_response" ADD CONSTRAINT "project_response_amount_check" CHECK (kind <> 'MONEY' OR amount > 0);
ALTER TABLE "project_response" ADD CONSTRAINT "project_response_places_check" CHECK (kind <> 'PLACES' OR places > 0);
ALTER TABLE "project_response" ADD CONSTRAINT "project_response_decision_check" CHECK (
  (status = 'PENDING' AND match_id IS NULL AND decided_at IS NULL)
  OR (status = 'ACCEPTED' AND match_id IS NOT NULL AND decided_at IS NOT NULL)
  OR (status = 'DECLINED' AND match_id IS NULL AND decline_reason IS NOT NULL AND decided_at IS NOT NULL));

-- A pledge becomes at most one match, and a match answers at most one pledge.
CREATE UNIQUE INDEX "project_response_match_id_key" ON "project_response"("match_id");
ALTER TABLE "project_response" ADD CONSTRAINT "project_response_match_id_fkey" FOREIGN KEY ("match_id") REFERENCES "match"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- One live (pending or accepted) pledge per partner and project; after a decline the partner may pledge again.
DROP INDEX "project_response_project_id_partner_id_key";
CREATE UNIQUE INDEX "project_response_live_key" ON "project_response"("project_id", "partner_id") WHERE status <> 'DECLINED';
CREATE INDEX "project_response_project_id_status_idx" ON "project_response"("project_id", "status");
