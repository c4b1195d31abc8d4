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

-- Reference data: the default SLA policy and the 2026–2027 calendar (prisma/seed/sla-policy.ts, calendar.ts).
INSERT INTO "sla_policy" ("task_kind", "normal", "emergency", "unit", "warn_at", "on_breach", "updated_at") VALUES
    ('REGISTER', 1, 0.25, 'WORKING_DAYS', 0.75, 'NOTIFY', CURRENT_TIMESTAMP),
    ('SCREEN', 3, 1, 'WORKING_DAYS', 0.75, 'NOTIFY', CURRENT_TIMESTAMP),
    ('MONITOR', 30, 10, 'WORKING_DAYS', 0.8, 'NOTIFY', CURRENT_TIMESTAMP),
    ('ASSESS', 5, 1, 'WORKING_DAYS', 0.75, 'NOTIFY', CURRENT_TIMESTAMP),
    ('PLAN', 5, 1, 'WORKING_DAYS', 0.75, 'NOTIFY', CURRENT_TIMESTAMP),
    ('APPROVE_PLAN', 2, 1, 'WORKING_DAYS', 0.75, 'NOTIFY', CURRENT_TIMESTAMP),
    ('MATCH', 10, 2, 'WORKING_DAYS', 0.75, 'AUTO_ESCALATE', CURRENT_TIMESTAMP),
    ('DELIVER', 10, 2, 'WORKING_DAYS', 0.75, 'NOTIFY', CURRENT_TIMESTAMP),
    ('FOLLOW_UP', 5, 2, 'WORKING_DAYS', 0.75, 'NOTIFY', CURRENT_TIMESTAMP),
    ('ACCEPT_ESCALATION', 2, 1, 'WORKING_DAYS', 0.75, 'NOTIFY', CURRENT_TIMESTAMP),
    ('JOINT_MEETING', 20, 3, 'WORKING_DAYS', 0.75, 'NOTIFY', CURRENT_TIMESTAMP),
    ('EMERGENCY_AID', 24, 4, 'HOURS', 0.5, 'NOTIFY', CURRENT_TIMESTAMP),
    ('APPROVE_CLOSURE', 2, 1, 'WORKING_DAYS', 0.75, 'NOTIFY', CURRENT_TIMESTAMP)
ON CONFLICT DO NOTHING;
INSERT INTO "calendar_day" ("date", "kind", "name") VALUES
    ('2026-01-01', 'HOLIDAY', '元旦'),
    ('2026-01-02', 'HOLIDAY', '元旦'),
    ('2026-01-03', 'HOLIDAY', '元旦'),
    ('2026-01-04', 'WORKDAY', '元旦调休上班'),
    ('2026-02-14', 'WORKDAY', '春节调休上班'),
    ('2026-02-15', 'HOLIDAY', '春节'),
    ('2026-02-16', 'HOLIDAY', '春节'),
    ('2026-02-17', 'HOLIDAY', '春节'),
    ('2026-02-18', 'HOLIDAY', '春节'),
    ('2026-02-19', 'HOLIDAY', '春节'),
    ('2026-02-20', 'HOLIDAY', '春节'),
    ('2026-02-21', 'HOLIDAY', '春节'),
    ('2026-02-22', 'HOLIDAY', '春节'),
    ('2026-02-23', 'HOLIDAY', '春节'),
    ('2026-02-28', 'WORKDAY', '春节调休上班'),
    ('2026-04-04', 'HOLIDAY', '清明节'),
    ('2026-04-05', 'HOLIDAY', '清明节'),
    ('2026-04-06', 'HOLIDAY', '清明节'),
    ('2026-05-01', 'HOLIDAY', '劳动节'),
    ('2026-05-02', 'HOLIDAY', '劳动节'),
    ('2026-05-03', 'HOLIDAY', '劳动节'),
    ('2026-05-04', 'HOLIDAY', '劳动节'),
    ('2026-05-05', 'HOLIDAY', '劳动节'),
    ('2026-05-09', 'WORKDAY', '劳动节调休上班'),
    ('2026-06-19', 'HOLIDAY', '端午节'),
    ('2026-06-20', 'HOLIDAY', '端午节'),
    ('2026-06-21', 'HOLIDAY', '端午节'),
    ('2026-09-20', 'WORKDAY', '国庆节调休上班'),
    ('2026-09-25', 'HOLIDAY', '中秋节'),
    ('2026-09-26', 'HOLIDAY', '中秋节'),
    ('2026-09-27', 'HOLIDAY', '中秋节'),
    ('2026-10-01', 'HOLIDAY', '国庆节'),
    ('2026-10-02', 'HOLIDAY', '国庆节'),
    ('2026-10-03', 'HOLIDAY', '国庆节'),
    ('2026-10-04', 'HOLIDAY', '国庆节'),
    ('2026-10-05', 'HOLIDAY', '国庆节'),
    ('2026-10-06', 'HOLIDAY', '国庆节'),
    ('2026-10-07', 'HOLIDAY', '国庆节'),
    ('2026-10-10', 'WORKDAY', '国庆节调休上班'),
    ('2027-01-01', 'HOLIDAY', '元旦'),
    ('2027-02-05', 'HOLIDAY', '春节'),
    ('2027-02-06', 'HOLIDAY', '春节'),
    ('2027-02-07', 'HOLIDAY', '春节'),
    ('2027-02-08', 'HOLIDAY', '春节'),
    ('2027-04-05', 'HOLIDAY', '清明节'),
    ('2027-05-01', 'HOLIDAY', '劳动节'),
    ('2027-05-02', 'HOLIDAY', '劳动节'),
    ('2027-06-09', 'HOLIDAY', '端午节'),
    ('2027-09-15', 'HOLIDAY', '中秋节'),
    ('2027-10-01', 'HOLIDAY', '国庆节'),
    ('2027-10-02', 'HOLIDAY', '国庆节'),
    ('2027-10-03', 'HOLIDAY', '国庆节')
ON CONFLICT DO NOTHING;
