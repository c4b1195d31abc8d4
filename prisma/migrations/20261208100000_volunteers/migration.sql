-- Volunteers (志愿者, §四(三) 志愿服务, issue 19): a registry of volunteers with a login of their own
-- (role VOLUNTEER), their assignments to visits and deliveries of cases, their check-in and check-out
-- on the phone, and the ledger of their service hours, which is never edited: a correction is a new
-- entry with a reason.
--
-- The migration runner applies each file in one transaction. ALTER TYPE … ADD VALUE may run inside a
-- transaction (PostgreSQL 12 and later), but the new value cannot be used before the transaction
-- commits: nothing below names 'VOLUNTEER'.
ALTER TYPE "Role" ADD VALUE 'VOLUNTEER';

CREATE TYPE "VolunteerStatus" AS ENUM ('PENDING', 'ACTIVE', 'DECLINED', 'SUSPENDED');
CREATE TYPE "VolunteerAssignmentKind" AS ENUM ('VISIT', 'DELIVERY');
CREATE TYPE "VolunteerAssignmentStatus" AS ENUM ('ASSIGNED', 'DONE', 'CANCELLED');
CREATE TYPE "VolunteerHoursKind" AS ENUM ('SERVICE', 'CORRECTION');

-- A volunteer: as little personal data as the work needs (no identity number). The phone is stored
-- encrypted (AES-256-GCM, as identity numbers are) with a masked form for everyone but the volunteer.
CREATE TABLE "volunteer" (
    "id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "phone_enc" TEXT NOT NULL,
    "phone_masked" TEXT NOT NULL,
    "skills" TEXT[] NOT NULL,
    "languages" TEXT[] NOT NULL,
    "availability" TEXT,
    "team_id" UUID,
    "community_ids" UUID[] NOT NULL,
    "status" "VolunteerStatus" NOT NULL DEFAULT 'PENDING',
    "decline_reason" TEXT,
    "registered_by_id" UUID,
    "decided_by_id" UUID,
    "decided_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "volunteer_pkey" PRIMARY KEY ("id"),
    -- Serves at least one community (村/社区).
    CONSTRAINT "volunteer_serves_a_community" CHECK (cardinality("community_ids") >= 1),
    -- A decided registration says who decided and when; a declined one, why (the volunteer reads it).
    CONSTRAINT "volunteer_decided" CHECK ("status" = 'PENDING' OR ("decided_at" IS NOT NULL AND "decided_by_id" IS NOT NULL)),
    CONSTRAINT "volunteer_decline_reason" CHECK (("status" = 'DECLINED') = ("decline_reason" IS NOT NULL))
);

CREATE UNIQUE INDEX "volunteer_user_id_key" ON "volunteer"("user_id");
CREATE INDEX "volunteer_team_id_status_idx" ON "volunteer"("team_id", "status");
-- "Volunteers serving a community of my subtree": the array's overlap with the subtree's communities.
CREATE INDEX "volunteer_community_ids_idx" ON "volunteer" USING GIN ("community_ids");

ALTER TABLE "volunteer" ADD CONSTRAINT "volunteer_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "volunteer" ADD CONSTRAINT "volunteer_team_id_fkey" FOREIGN KEY ("team_id") REFERENCES "partner"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "volunteer" ADD CONSTRAINT "volunteer_registered_by_id_fkey" FOREIGN KEY ("registered_by_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "volunteer" ADD CONSTRAINT "volunteer_decided_by_id_fkey" FOREIGN KEY ("decided_by_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- A visit or a delivery of a case given to a volunteer, by the case's center or by the volunteer's
-- team for a match the team accepted. Open ones end (CANCELLED) when the case closes.
CREATE TABLE "volunteer_assignment" (
    "id" UUID NOT NULL,
    "volunteer_id" UUID NOT NULL,
    "case_id" UUID NOT NULL,
    "match_id" UUID,
    "kind" "VolunteerAssignmentKind" NOT NULL,
    "scheduled_on" DATE NOT NULL,
    "note" TEXT,
    "status" "VolunteerAssignmentStatus" NOT NULL DEFAULT 'ASSIGNED',
    "assigned_by_id" UUID NOT NULL,
    "cancel_reason" TEXT,
    "cancelled_by_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "volunteer_assignment_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "volunteer_assignment_cancelled" CHECK (("status" = 'CANCELLED') = ("cancel_reason" IS NOT NULL))
);

CREATE INDEX "volunteer_assignment_volunteer_id_status_idx" ON "volunteer_assignment"("volunteer_id", "status");
CREATE INDEX "volunteer_assignment_case_id_status_idx" ON "volunteer_assignment"("case_id", "status");

ALTER TABLE "volunteer_assignment" ADD CONSTRAINT "volunteer_assignment_volunteer_id_fkey" FOREIGN KEY ("volunteer_id") REFERENCES "volunteer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "volunteer_assignment" ADD CONSTRAINT "volunteer_assignment_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "case"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "volunteer_assignment" ADD CONSTRAINT "volunteer_assignment_match_id_fkey" FOREIGN KEY ("match_id") REFERENCES "match"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "volunteer_assignment" ADD CONSTRAINT "volunteer_assignment_assigned_by_id_fkey" FOREIGN KEY ("assigned_by_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "volunteer_assignment" ADD CONSTRAINT "volunteer_assignment_cancelled_by_id_fkey" FOREIGN KEY ("cancelled_by_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- 签到 / 签退: one attendance per assignment; the check-out is written once and never changed.
CREATE TABLE "volunteer_attendance" (
    "id" UUID NOT NULL,
    "assignment_id" UUID NOT NULL,
    "volunteer_id" UUID NOT NULL,
    "checked_in_at" TIMESTAMPTZ(3) NOT NULL,
    "checked_out_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "volunteer_attendance_pkey" PRIMARY KEY ("id"),
    -- A duty lasts at most 24 hours and ends after it began.
    CONSTRAINT "volunteer_attendance_span" CHECK (
      "checked_out_at" IS NULL
      OR ("checked_out_at" >= "checked_in_at" AND "checked_out_at" <= "checked_in_at" + interval '24 hours'))
);

CREATE UNIQUE INDEX "volunteer_attendance_assignment_id_key" ON "volunteer_attendance"("assignment_id");
CREATE INDEX "volunteer_attendance_volunteer_id_idx" ON "volunteer_attendance"("volunteer_id");
-- At most one open attendance (on duty) per volunteer.
CREATE UNIQUE INDEX "volunteer_attendance_one_open" ON "volunteer_attendance"("volunteer_id") WHERE "checked_out_at" IS NULL;

ALTER TABLE "volunteer_attendance" ADD CONSTRAINT "volunteer_attendance_assignment_id_fkey" FOREIGN KEY ("assignment_id") REFERENCES "volunteer_assignment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "volunteer_attendance" ADD CONSTRAINT "volunteer_attendance_volunteer_id_fkey" FOREIGN KEY ("volunteer_id") REFERENCES "volunteer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- The only change an attendance takes is its check-out, once; it is never deleted.
CREATE FUNCTION "volunteer_attendance_check_out_once"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'volunteer_attendance is never deleted';
  END IF;
  IF OLD."checked_out_at" IS NOT NULL
     OR NEW."checked_out_at" IS NULL
     OR NEW."id" <> OLD."id"
     OR NEW."assignment_id" <> OLD."assignment_id"
     OR NEW."volunteer_id" <> OLD."volunteer_id"
     OR NEW."checked_in_at" <> OLD."checked_in_at"
     OR NEW."created_at" <> OLD."created_at" THEN
    RAISE EXCEPTION 'volunteer_attendance takes only its check-out, once';
  END IF;
  RETURN NEW;
END;
$$;
CREATE TRIGGER "volunteer_attendance_check_out_once" BEFORE UPDATE OR DELETE ON "volunteer_attendance"
  FOR EACH ROW EXECUTE FUNCTION "volunteer_attendance_check_out_once"();

-- 志愿服务时长台账: the ledger of service hours. A SERVICE entry is written by a check-out (one per
-- attendance); a CORRECTION names why (and, where it corrects one, the entry), and may be negative.
-- A volunteer's hours are SUM(minutes) over the entries; nothing is ever updated or deleted.
CREATE TABLE "volunteer_hours" (
    "id" UUID NOT NULL,
    "volunteer_id" UUID NOT NULL,
    "kind" "VolunteerHoursKind" NOT NULL,
    "minutes" INTEGER NOT NULL,
    "service_date" DATE NOT NULL,
    "attendance_id" UUID,
    "corrects_id" UUID,
    "reason" TEXT,
    "created_by_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "volunteer_hours_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "volunteer_hours_kind" CHECK (
      ("kind" = 'SERVICE' AND "attendance_id" IS NOT NULL AND "corrects_id" IS NULL AND "minutes" >= 0 AND "minutes" <= 1440)
      OR ("kind" = 'CORRECTION' AND "attendance_id" IS NULL AND "minutes" <> 0
          AND "reason" IS NOT NULL AND length(btrim("reason")) > 0))
);

CREATE UNIQUE INDEX "volunteer_hours_attendance_id_key" ON "volunteer_hours"("attendance_id");
CREATE INDEX "volunteer_hours_volunteer_id_service_date_idx" ON "volunteer_hours"("volunteer_id", "service_date");
CREATE INDEX "volunteer_hours_corrects_id_idx" ON "volunteer_hours"("corrects_id");

ALTER TABLE "volunteer_hours" ADD CONSTRAINT "volunteer_hours_volunteer_id_fkey" FOREIGN KEY ("volunteer_id") REFERENCES "volunteer"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "volunteer_hours" ADD CONSTRAINT "volunteer_hours_attendance_id_fkey" FOREIGN KEY ("attendance_id") REFERENCES "volunteer_attendance"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "volunteer_hours" ADD CONSTRAINT "volunteer_hours_corrects_id_fkey" FOREIGN KEY ("corrects_id") REFERENCES "volunteer_hours"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "volunteer_hours" ADD CONSTRAINT "volunteer_hours_created_by_id_fkey" FOREIGN KEY ("created_by_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- The ledger is append-only: refuse updates and deletes at the database.
CREATE FUNCTION "volunteer_hours_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'volunteer_hours is an append-only ledger: record a correction instead';
END;
$$;
CREATE TRIGGER "volunteer_hours_no_update" BEFORE UPDATE OR DELETE ON "volunteer_hours"
  FOR EACH ROW EXECUTE FUNCTION "volunteer_hours_append_only"();
