-- Online self-application (网上申请, §四(一) 个人申请, issue 16): a resident or a relative applies without
-- an account; the application waits in its community station's queue until the station worker turns it
-- into a case (the case names it: case.application_id) or declines it with a reason the applicant reads
-- by the reference number. The phone is stored encrypted (AES-256-GCM, as identity numbers are) with a
-- masked form for lists; nothing about the applicant's address or device is kept.
CREATE TYPE "ApplicationStatus" AS ENUM ('SUBMITTED', 'ACCEPTED', 'DECLINED');
CREATE TYPE "Applicant" AS ENUM ('SELF', 'RELATIVE', 'OTHER');

CREATE TABLE "application" (
    "id" UUID NOT NULL,
    "reference" VARCHAR(13) NOT NULL,
    "name" TEXT NOT NULL,
    "phone_enc" TEXT NOT NULL,
    "phone_masked" TEXT NOT NULL,
    "applicant" "Applicant" NOT NULL,
    "applicant_name" TEXT,
    "community_id" UUID NOT NULL,
    "situation" TEXT NOT NULL,
    "status" "ApplicationStatus" NOT NULL DEFAULT 'SUBMITTED',
    "submitted_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "decided_at" TIMESTAMPTZ(3),
    "decided_by_id" UUID,
    "decline_reason" TEXT,

    CONSTRAINT "application_pkey" PRIMARY KEY ("id"),
    -- A decided application says who decided and when; a declined one, why (the applicant reads it).
    CONSTRAINT "application_decided" CHECK ((status = 'SUBMITTED') = (decided_at IS NULL AND decided_by_id IS NULL)),
    CONSTRAINT "application_decline_reason" CHECK ((status = 'DECLINED') = (decline_reason IS NOT NULL)),
    CONSTRAINT "application_applicant_name" CHECK (applicant = 'SELF' OR applicant_name IS NOT NULL)
);

CREATE UNIQUE INDEX "application_reference_key" ON "application"("reference");
CREATE INDEX "application_community_id_status_submitted_at_idx" ON "application"("community_id", "status", "submitted_at");

ALTER TABLE "application" ADD CONSTRAINT "application_community_id_fkey" FOREIGN KEY ("community_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "application" ADD CONSTRAINT "application_decided_by_id_fkey" FOREIGN KEY ("decided_by_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- The photos of documents sent with an application (at most three images of 2 MB each), in the
-- database so that every API replica reads what another stored.
CREATE TABLE "application_document" (
    "id" UUID NOT NULL,
    "application_id" UUID NOT NULL,
    -- Its place among the application's photos (0, 1, 2), in the order they were sent.
    "position" INTEGER NOT NULL,
    "filename" TEXT NOT NULL,
    "content_type" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "sha256" VARCHAR(64) NOT NULL,
    "bytes" BYTEA NOT NULL,

    CONSTRAINT "application_document_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "application_document_application_id_position_key" ON "application_document"("application_id", "position");

ALTER TABLE "application_document" ADD CONSTRAINT "application_document_application_id_fkey" FOREIGN KEY ("application_id") REFERENCES "application"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- The proof-of-work challenges already spent: a challenge token is stateless (signed by the API), so
-- each is accepted once by recording its nonce until the token has expired.
CREATE TABLE "application_challenge_use" (
    "nonce" VARCHAR(64) NOT NULL,
    "expires_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "application_challenge_use_pkey" PRIMARY KEY ("nonce")
);

CREATE INDEX "application_challenge_use_expires_at_idx" ON "application_challenge_use"("expires_at");

-- Hits of the API's rate limits other than the sign-in's (public applications per client address,
-- their status look-ups that found nothing), shared by every replica. `key` is a SHA-256 of the
-- address (no clear text); rows are purged once older than their limit's window.
CREATE TABLE "rate_limit_hit" (
    "id" BIGSERIAL NOT NULL,
    "bucket" VARCHAR(40) NOT NULL,
    "key" VARCHAR(64) NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "rate_limit_hit_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "rate_limit_hit_bucket_key_at_idx" ON "rate_limit_hit"("bucket", "key", "at");
CREATE INDEX "rate_limit_hit_at_idx" ON "rate_limit_hit"("at");

-- A case opened from an application names it (the column came with 20261206100000_case_doors).
ALTER TABLE "case" ADD CONSTRAINT "case_application_id_fkey" FOREIGN KEY ("application_id") REFERENCES "application"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
