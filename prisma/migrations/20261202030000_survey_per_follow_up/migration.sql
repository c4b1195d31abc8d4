-- §四(八): one satisfaction survey per follow-up visit, whoever records it (the caseworker in the
-- app, or the recipient through the one-time link): the visit's FOLLOW_UP task is the survey's slot,
-- and the slot is unique, so a second survey of the same visit is refused by the database too.
ALTER TABLE "survey" ADD COLUMN "follow_up_task_id" TEXT;

-- Surveys taken before: each goes to the latest follow-up visit of its case at the time it was
-- taken (not a cancelled one); where several fall on one visit, the first answered keeps the slot and
-- the others keep none (they stay as they were, counted in the KPIs as before).
WITH placed AS (
  SELECT s."id",
    (SELECT t."id" FROM "task" t
      WHERE t."case_id" = s."case_id" AND t."kind" = 'FOLLOW_UP' AND t."status" <> 'CANCELLED' AND t."created_at" <= s."created_at"
      ORDER BY t."created_at" DESC, t."id" DESC LIMIT 1) AS "task_id",
    s."submitted_at", s."created_at"
  FROM "survey" s
),
ranked AS (
  SELECT "id", "task_id",
    row_number() OVER (PARTITION BY "task_id" ORDER BY "submitted_at" ASC NULLS LAST, "created_at" ASC, "id" ASC) AS "n"
  FROM placed WHERE "task_id" IS NOT NULL
)
UPDATE "survey" s SET "follow_up_task_id" = r."task_id" FROM ranked r WHERE r."id" = s."id" AND r."n" = 1;
-- An unanswered link left without a slot (its visit has its survey, or there was no visit) would be
-- a second survey: it expires now.
UPDATE "survey" SET "expires_at" = now() WHERE "follow_up_task_id" IS NULL AND "submitted_at" IS NULL AND "token_hash" IS NOT NULL;

CREATE UNIQUE INDEX "survey_follow_up_task_id_key" ON "survey"("follow_up_task_id");

ALTER TABLE "survey" ADD CONSTRAINT "survey_follow_up_task_id_fkey" FOREIGN KEY ("follow_up_task_id") REFERENCES "task"("id") ON DELETE SET NULL ON UPDATE CASCADE;
