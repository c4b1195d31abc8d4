-- Public disclosure, performance evaluation and joint meetings (§四(七)–(九)).

CREATE TABLE "department" (
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "sort_order" INTEGER NOT NULL,
    CONSTRAINT "department_pkey" PRIMARY KEY ("code")
);
-- The member departments of the joint meetings, as data.
INSERT INTO "department" ("code", "name", "sort_order") VALUES
    ('EDUCATION', '教育局', 1),
    ('JUSTICE', '司法局', 2),
    ('FINANCE', '财政局', 3),
    ('HRSS', '人力资源和社会保障局', 4),
    ('HOUSING', '住房和城乡建设局', 5),
    ('HEALTH', '卫生健康委员会', 6),
    ('TRADE_UNION', '总工会', 7),
    ('YOUTH_LEAGUE', '团委', 8),
    ('WOMENS_FEDERATION', '妇联', 9),
    ('DISABLED_FEDERATION', '残联', 10),
    ('RED_CROSS', '红十字会', 11),
    ('CHARITY_FEDERATION', '慈善总会', 12),
    ('CIVIL_AFFAIRS', '民政局', 13);

-- A joint meeting's action is a task of the owning center; its title says which department does what.
ALTER TABLE "task" ADD COLUMN "title" TEXT;

INSERT INTO "sla_policy" ("task_kind", "normal", "emergency", "unit", "warn_at", "on_breach", "updated_at") VALUES
    ('MEETING_ACTION', 15, 5, 'WORKING_DAYS', 0.75, 'NOTIFY', CURRENT_TIMESTAMP)
ON CONFLICT ("task_kind") DO NOTHING;

CREATE TYPE "MeetingStatus" AS ENUM ('SCHEDULED', 'HELD', 'CANCELLED');
CREATE TABLE "joint_meeting" (
    "id" UUID NOT NULL,
    "unit_id" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "scheduled_at" TIMESTAMPTZ(3) NOT NULL,
    "location" TEXT,
    "departments" TEXT[] NOT NULL,
    "status" "MeetingStatus" NOT NULL DEFAULT 'SCHEDULED',
    "minutes" TEXT,
    "held_at" TIMESTAMPTZ(3),
    "created_by_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "joint_meeting_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "joint_meeting_unit_id_fkey" FOREIGN KEY ("unit_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
CREATE INDEX "joint_meeting_unit_id_status_scheduled_at_idx" ON "joint_meeting"("unit_id", "status", "scheduled_at");

CREATE TABLE "meeting_item" (
    "id" UUID NOT NULL,
    "meeting_id" UUID NOT NULL,
    "case_id" UUID NOT NULL,
    "resolution" TEXT NOT NULL,
    "next" TEXT NOT NULL,
    "actions" JSONB NOT NULL,
    "resolved_by_id" UUID NOT NULL,
    "resolved_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "meeting_item_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "meeting_item_meeting_id_fkey" FOREIGN KEY ("meeting_id") REFERENCES "joint_meeting"("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "meeting_item_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "case"("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "meeting_item_meeting_id_case_id_key" ON "meeting_item"("meeting_id", "case_id");

CREATE TYPE "SnapshotKind" AS ENUM ('ORIGINAL', 'CORRECTION');
CREATE TABLE "disclosure_snapshot" (
    "id" UUID NOT NULL,
    "period" VARCHAR(7) NOT NULL,
    "version" INTEGER NOT NULL,
    "kind" "SnapshotKind" NOT NULL,
    "reason" TEXT,
    "rows" JSONB NOT NULL,
    "projects" JSONB NOT NULL,
    "suppressed" INTEGER NOT NULL,
    "threshold" INTEGER NOT NULL,
    "hash" VARCHAR(64) NOT NULL,
    "prev_hash" VARCHAR(64),
    "published_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "disclosure_snapshot_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "disclosure_snapshot_period_version_key" ON "disclosure_snapshot"("period", "version");
-- Published is published: a correction is a new version, never an edit.
CREATE FUNCTION "disclosure_snapshot_immutable"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'disclosure_snapshot is immutable; publish a correction instead';
END;
$$;
CREATE TRIGGER "disclosure_snapshot_no_update" BEFORE UPDATE OR DELETE ON "disclosure_snapshot"
  FOR EACH ROW EXECUTE FUNCTION "disclosure_snapshot_immutable"();

CREATE TYPE "SurveyChannel" AS ENUM ('CASEWORKER', 'RECIPIENT_LINK');
CREATE TABLE "survey" (
    "id" UUID NOT NULL,
    "case_id" UUID NOT NULL,
    "channel" "SurveyChannel" NOT NULL,
    "token_hash" VARCHAR(64),
    "expires_at" TIMESTAMPTZ(3),
    "answers" JSONB,
    "score" DOUBLE PRECISION,
    "created_by_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "submitted_at" TIMESTAMPTZ(3),
    CONSTRAINT "survey_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "survey_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "case"("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "survey_token_hash_key" ON "survey"("token_hash");
CREATE INDEX "survey_case_id_idx" ON "survey"("case_id");

CREATE TABLE "self_report" (
    "id" UUID NOT NULL,
    "resource_id" UUID NOT NULL,
    "period" VARCHAR(7) NOT NULL,
    "served" INTEGER NOT NULL,
    "hours" DOUBLE PRECISION,
    "spent" DECIMAL(14,2),
    "narrative" TEXT NOT NULL,
    "score" DOUBLE PRECISION NOT NULL,
    "created_by_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "self_report_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "self_report_resource_id_fkey" FOREIGN KEY ("resource_id") REFERENCES "resource"("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "self_report_resource_id_period_key" ON "self_report"("resource_id", "period");

CREATE TABLE "supervision_score" (
    "id" UUID NOT NULL,
    "period" VARCHAR(7) NOT NULL,
    "unit_id" UUID,
    "resource_id" UUID,
    "score" DOUBLE PRECISION NOT NULL,
    "comment" TEXT,
    "created_by_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "supervision_score_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "supervision_score_unit_id_fkey" FOREIGN KEY ("unit_id") REFERENCES "org_unit"("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "supervision_score_resource_id_fkey" FOREIGN KEY ("resource_id") REFERENCES "resource"("id") ON DELETE SET NULL ON UPDATE CASCADE,
    CONSTRAINT "supervision_score_target_check" CHECK (("unit_id" IS NULL) <> ("resource_id" IS NULL)),
    CONSTRAINT "supervision_score_score_check" CHECK ("score" >= 0 AND "score" <= 100)
);
CREATE UNIQUE INDEX "supervision_score_period_unit_id_resource_id_key" ON "supervision_score"("period", "unit_id", "resource_id");
