-- The supervisors' morning digest (每日待办摘要, issue 18): a notification of no one case, one per
-- supervisor and Beijing working day, whose body holds the counts it tells.
ALTER TABLE "notification" ALTER COLUMN "case_id" DROP NOT NULL;
ALTER TABLE "notification" ADD COLUMN "day" DATE;
ALTER TABLE "notification" ADD COLUMN "body" JSONB;
CREATE UNIQUE INDEX "notification_user_id_kind_day_key" ON "notification" ("user_id", "kind", "day");
