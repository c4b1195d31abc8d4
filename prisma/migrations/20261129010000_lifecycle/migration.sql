-- The whole case lifecycle: SLA policy and working-day calendar as data, SLA marks on tasks,
-- case flags, in-app notifications and note attachments.

CREATE TYPE "DurationUnit" AS ENUM ('HOURS', 'WORKING_DAYS');
CREATE TYPE "BreachEffect" AS ENUM ('NOTIFY', 'AUTO_ESCALATE');
CREATE TYPE "CalendarDayKind" AS ENUM ('HOLIDAY', 'WORKDAY');

ALTER TABLE "task" ADD COLUMN "warn_at" TIMESTAMPTZ(3), ADD COLUMN "warned_at" TIMESTAMPTZ(3), ADD COLUMN "breached_at" TIMESTAMPTZ(3);
ALTER TABLE "case" ADD COLUMN "flags" JSONB NOT NULL DEFAULT '[]';

CREATE TABLE "sla_policy" (
    "task_kind" TEXT NOT NULL,
    "normal" DOUBLE PRECISION NOT NULL,
    "emergency" DOUBLE PRECISION NOT NULL,
    "unit" "DurationUnit" NOT NULL,
    "warn_at" DOUBLE PRECISION NOT NULL,
    "on_breach" "BreachEffect" NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    "updated_by_id" UUID,
    CONSTRAINT "sla_policy_pkey" PRIMARY KEY ("task_kind"),
    CONSTRAINT "sla_policy_durations_check" CHECK ("normal" > 0 AND "emergency" > 0 AND "warn_at" > 0 AND "warn_at" < 1)
);

CREATE TABLE "calendar_day" (
    "date" DATE NOT NULL,
    "kind" "CalendarDayKind" NOT NULL,
    "name" TEXT NOT NULL,
    CONSTRAINT "calendar_day_pkey" PRIMARY KEY ("date")
);

CREATE TABLE "notification" (
    "id" BIGSERIAL NOT NULL,
    "user_id" UUID NOT NULL,
    "case_id" UUID NOT NULL,
    "task_id" TEXT,
    "kind" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "read_at" TIMESTAMPTZ(3),
    CONSTRAINT "notification_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "notification_case_id_seq_user_id_kind_key" ON "notification"("case_id", "seq", "user_id", "kind");
CREATE INDEX "notification_user_id_read_at_idx" ON "notification"("user_id", "read_at");

CREATE TABLE "attachment" (
    "id" UUID NOT NULL,
    "case_id" UUID NOT NULL,
    "filename" TEXT NOT NULL,
    "content_type" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "sha256" VARCHAR(64) NOT NULL,
    "uploaded_by_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "attachment_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "attachment_case_id_idx" ON "attachment"("case_id");

ALTER TABLE "notification" ADD CONSTRAINT "notification_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "notification" ADD CONSTRAINT "notification_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "case"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "attachment" ADD CONSTRAINT "attachment_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "case"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
