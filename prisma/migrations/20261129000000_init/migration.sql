-- Guanai initial schema: the network, staff, sessions, people, cases, tasks and case events.

CREATE TYPE "OrgLevel" AS ENUM ('CITY', 'DISTRICT', 'TOWNSHIP', 'COMMUNITY');
CREATE TYPE "Role" AS ENUM ('DISCOVERER', 'STATION_WORKER', 'CASEWORKER', 'SUPERVISOR', 'MANAGER', 'PARTNER', 'ADMIN');
CREATE TYPE "Hukou" AS ENUM ('CHENGDU', 'OTHER');
CREATE TYPE "Sex" AS ENUM ('M', 'F');
CREATE TYPE "CaseOrigin" AS ENUM ('SELF_APPLICATION', 'OUTREACH', 'REFERRAL');
CREATE TYPE "CaseStatus" AS ENUM ('OPEN', 'SUSPENDED', 'CLOSED');
CREATE TYPE "TaskStatus" AS ENUM ('OPEN', 'DONE', 'CANCELLED');

CREATE TABLE "org_unit" (
    "id" UUID NOT NULL,
    "code" VARCHAR(12) NOT NULL,
    "name" TEXT NOT NULL,
    "level" "OrgLevel" NOT NULL,
    "parent_id" UUID,
    "path" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "org_unit_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "org_unit_code_key" ON "org_unit"("code");
CREATE INDEX "org_unit_parent_id_idx" ON "org_unit"("parent_id");
CREATE INDEX "org_unit_path_idx" ON "org_unit"("path");

CREATE TABLE "app_user" (
    "id" UUID NOT NULL,
    "username" TEXT NOT NULL,
    "display_name" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "org_unit_id" UUID NOT NULL,
    "password_hash" TEXT NOT NULL,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "app_user_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "app_user_username_key" ON "app_user"("username");
CREATE INDEX "app_user_org_unit_id_idx" ON "app_user"("org_unit_id");

CREATE TABLE "session" (
    "id" TEXT NOT NULL,
    "user_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,
    "revoked_at" TIMESTAMPTZ(3),
    CONSTRAINT "session_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "session_user_id_idx" ON "session"("user_id");

CREATE TABLE "person" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "sex" "Sex",
    "birth_date" DATE,
    "id_number_enc" TEXT,
    "id_number_hash" VARCHAR(64),
    "id_number_masked" TEXT,
    "phone" TEXT,
    "address" TEXT,
    "hukou" "Hukou" NOT NULL,
    "community_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "created_by_id" UUID,
    CONSTRAINT "person_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "person_id_number_hash_idx" ON "person"("id_number_hash");
CREATE INDEX "person_phone_idx" ON "person"("phone");
CREATE INDEX "person_community_id_idx" ON "person"("community_id");

CREATE TABLE "case" (
    "id" UUID NOT NULL,
    "case_no" TEXT NOT NULL,
    "person_id" UUID NOT NULL,
    "origin" "CaseOrigin" NOT NULL,
    "situation" TEXT NOT NULL,
    "emergency" BOOLEAN NOT NULL DEFAULT false,
    "state" TEXT NOT NULL,
    "status" "CaseStatus" NOT NULL DEFAULT 'OPEN',
    "closure_reason" TEXT,
    "owning_unit_id" UUID NOT NULL,
    "origin_unit_id" UUID NOT NULL,
    "created_by_id" UUID NOT NULL,
    "last_seq" INTEGER NOT NULL DEFAULT 0,
    "data" JSONB NOT NULL DEFAULT '{}',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "case_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "case_case_no_key" ON "case"("case_no");
CREATE INDEX "case_owning_unit_id_status_idx" ON "case"("owning_unit_id", "status");
CREATE INDEX "case_origin_unit_id_idx" ON "case"("origin_unit_id");
CREATE INDEX "case_person_id_idx" ON "case"("person_id");

CREATE TABLE "task" (
    "id" TEXT NOT NULL,
    "case_id" UUID NOT NULL,
    "kind" TEXT NOT NULL,
    "status" "TaskStatus" NOT NULL DEFAULT 'OPEN',
    "unit_id" UUID NOT NULL,
    "assignee_id" UUID,
    "due_at" TIMESTAMPTZ(3) NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL,
    "completed_at" TIMESTAMPTZ(3),
    "completed_by_id" UUID,
    CONSTRAINT "task_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "task_unit_id_status_due_at_idx" ON "task"("unit_id", "status", "due_at");
CREATE INDEX "task_assignee_id_status_due_at_idx" ON "task"("assignee_id", "status", "due_at");
CREATE INDEX "task_case_id_idx" ON "task"("case_id");

CREATE TABLE "case_event" (
    "id" BIGSERIAL NOT NULL,
    "case_id" UUID NOT NULL,
    "seq" INTEGER NOT NULL,
    "type" TEXT NOT NULL,
    "from_state" TEXT,
    "to_state" TEXT NOT NULL,
    "actor_id" UUID,
    "at" TIMESTAMPTZ(3) NOT NULL,
    "payload" JSONB NOT NULL DEFAULT '{}',
    CONSTRAINT "case_event_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "case_event_case_id_seq_key" ON "case_event"("case_id", "seq");

ALTER TABLE "org_unit" ADD CONSTRAINT "org_unit_parent_id_fkey" FOREIGN KEY ("parent_id") REFERENCES "org_unit"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "app_user" ADD CONSTRAINT "app_user_org_unit_id_fkey" FOREIGN KEY ("org_unit_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "session" ADD CONSTRAINT "session_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "person" ADD CONSTRAINT "person_community_id_fkey" FOREIGN KEY ("community_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "case" ADD CONSTRAINT "case_person_id_fkey" FOREIGN KEY ("person_id") REFERENCES "person"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "case" ADD CONSTRAINT "case_owning_unit_id_fkey" FOREIGN KEY ("owning_unit_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "case" ADD CONSTRAINT "case_origin_unit_id_fkey" FOREIGN KEY ("origin_unit_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "task" ADD CONSTRAINT "task_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "case"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "task" ADD CONSTRAINT "task_unit_id_fkey" FOREIGN KEY ("unit_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "task" ADD CONSTRAINT "task_assignee_id_fkey" FOREIGN KEY ("assignee_id") REFERENCES "app_user"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "case_event" ADD CONSTRAINT "case_event_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "case"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Case numbers (GA-<year>-<n>) are allocated by the API before the workflow starts.
CREATE SEQUENCE "case_no_seq";

-- Case events are append-only (rule 4): refuse updates and deletes at the database.
CREATE FUNCTION "case_event_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'case_event is append-only';
END;
$$;
CREATE TRIGGER "case_event_no_update" BEFORE UPDATE OR DELETE ON "case_event"
  FOR EACH ROW EXECUTE FUNCTION "case_event_append_only"();
