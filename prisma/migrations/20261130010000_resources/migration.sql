-- Resources, matching, delivery and the project publishing platform (§四(三)–(六)).

CREATE TYPE "PartnerKind" AS ENUM ('CHARITY', 'SOCIAL_WORK_AGENCY', 'VOLUNTEER_TEAM', 'SERVICE_PROVIDER', 'GOVERNMENT_DEPARTMENT');
CREATE TYPE "ResourceKind" AS ENUM ('GOVERNMENT_SCHEME', 'CHARITY_PROJECT', 'VOLUNTEER_SERVICE', 'PURCHASED_SERVICE', 'FUNDRAISING');
CREATE TYPE "ResourceStatus" AS ENUM ('DRAFT', 'PUBLISHED', 'PAUSED', 'CLOSED');
CREATE TYPE "CampaignType" AS ENUM ('PUBLIC', 'DIRECTED');
CREATE TYPE "MatchStatus" AS ENUM ('PROPOSED', 'ACCEPTED', 'DECLINED', 'CANCELLED');
CREATE TYPE "DeliveryKind" AS ENUM ('MONEY', 'GOODS', 'SERVICE');
CREATE TYPE "ProjectStatus" AS ENUM ('PUBLISHED', 'FUNDED', 'WITHDRAWN');

CREATE TABLE "partner" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "kind" "PartnerKind" NOT NULL,
    "credit_code" VARCHAR(18),
    "contact" TEXT,
    "phone" TEXT,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "partner_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "partner_name_key" ON "partner"("name");
CREATE UNIQUE INDEX "partner_credit_code_key" ON "partner"("credit_code");

ALTER TABLE "app_user" ADD COLUMN "partner_id" UUID,
    ADD CONSTRAINT "app_user_partner_id_fkey" FOREIGN KEY ("partner_id") REFERENCES "partner"("id") ON DELETE SET NULL ON UPDATE CASCADE;
ALTER TABLE "household" ADD COLUMN "monthly_income" DECIMAL(12,2);

CREATE TABLE "resource" (
    "id" UUID NOT NULL,
    "kind" "ResourceKind" NOT NULL,
    "name" TEXT NOT NULL,
    "description" TEXT,
    "provider_id" UUID NOT NULL,
    "coverage_unit_id" UUID NOT NULL,
    "categories" TEXT[] NOT NULL,
    "eligibility" JSONB NOT NULL DEFAULT '{}',
    "capacity" INTEGER,
    "reserved_places" INTEGER NOT NULL DEFAULT 0,
    "budget" DECIMAL(14,2),
    "reserved_amount" DECIMAL(14,2) NOT NULL DEFAULT 0,
    "valid_from" DATE,
    "valid_to" DATE,
    "status" "ResourceStatus" NOT NULL DEFAULT 'DRAFT',
    "contract_no" TEXT,
    "service_standard" TEXT,
    "campaign_type" "CampaignType",
    "target" DECIMAL(14,2),
    "deadline" DATE,
    "created_by_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "resource_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "resource_provider_id_fkey" FOREIGN KEY ("provider_id") REFERENCES "partner"("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "resource_coverage_unit_id_fkey" FOREIGN KEY ("coverage_unit_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    -- What is reserved never exceeds what there is (the last guard against overbooking).
    CONSTRAINT "resource_places_check" CHECK ("reserved_places" >= 0 AND ("capacity" IS NULL OR "reserved_places" <= "capacity")),
    CONSTRAINT "resource_amount_check" CHECK ("reserved_amount" >= 0 AND ("budget" IS NULL OR "reserved_amount" <= "budget"))
);
CREATE INDEX "resource_status_kind_idx" ON "resource"("status", "kind");
CREATE INDEX "resource_coverage_unit_id_idx" ON "resource"("coverage_unit_id");

CREATE TABLE "donation" (
    "id" UUID NOT NULL,
    "resource_id" UUID NOT NULL,
    "donor_name" TEXT NOT NULL,
    "amount" DECIMAL(14,2) NOT NULL,
    "received_on" DATE NOT NULL,
    "channel" TEXT,
    "created_by_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "donation_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "donation_resource_id_fkey" FOREIGN KEY ("resource_id") REFERENCES "resource"("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "donation_amount_check" CHECK ("amount" > 0)
);
CREATE INDEX "donation_resource_id_idx" ON "donation"("resource_id");

CREATE TABLE "match" (
    "id" UUID NOT NULL,
    "case_id" UUID NOT NULL,
    "need_index" INTEGER NOT NULL,
    "category" TEXT NOT NULL,
    "resource_id" UUID NOT NULL,
    "places" INTEGER NOT NULL DEFAULT 0,
    "amount" DECIMAL(14,2) NOT NULL DEFAULT 0,
    "status" "MatchStatus" NOT NULL,
    "live_key" TEXT,
    "note" TEXT,
    "proposed_by_id" UUID NOT NULL,
    "decided_by_id" UUID,
    "decided_at" TIMESTAMPTZ(3),
    "decline_reason" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "match_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "match_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "case"("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "match_resource_id_fkey" FOREIGN KEY ("resource_id") REFERENCES "resource"("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "match_live_key_key" ON "match"("live_key");
CREATE INDEX "match_case_id_idx" ON "match"("case_id");
CREATE INDEX "match_resource_id_status_idx" ON "match"("resource_id", "status");

CREATE TABLE "delivery" (
    "id" UUID NOT NULL,
    "match_id" UUID NOT NULL,
    "kind" "DeliveryKind" NOT NULL,
    "description" TEXT NOT NULL,
    "amount" DECIMAL(14,2),
    "quantity" DECIMAL(12,2),
    "hours" DECIMAL(8,2),
    "delivered_on" DATE NOT NULL,
    "delivered_by_id" UUID NOT NULL,
    "evidence" TEXT[] NOT NULL DEFAULT ARRAY[]::TEXT[],
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "delivery_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "delivery_match_id_fkey" FOREIGN KEY ("match_id") REFERENCES "match"("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
CREATE INDEX "delivery_match_id_idx" ON "delivery"("match_id");

CREATE TABLE "project" (
    "id" UUID NOT NULL,
    "case_id" UUID NOT NULL,
    "need_index" INTEGER NOT NULL,
    "category" TEXT NOT NULL,
    "township_id" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "amount" DECIMAL(14,2),
    "service" TEXT,
    "status" "ProjectStatus" NOT NULL DEFAULT 'PUBLISHED',
    "published_by_id" UUID NOT NULL,
    "published_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "project_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "project_case_id_fkey" FOREIGN KEY ("case_id") REFERENCES "case"("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "project_township_id_fkey" FOREIGN KEY ("township_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "project_case_id_need_index_key" ON "project"("case_id", "need_index");
CREATE INDEX "project_status_category_idx" ON "project"("status", "category");

CREATE TABLE "project_response" (
    "id" UUID NOT NULL,
    "project_id" UUID NOT NULL,
    "partner_id" UUID NOT NULL,
    "resource_id" UUID,
    "message" TEXT NOT NULL,
    "amount" DECIMAL(14,2),
    "created_by_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "project_response_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "project_response_project_id_fkey" FOREIGN KEY ("project_id") REFERENCES "project"("id") ON DELETE RESTRICT ON UPDATE CASCADE,
    CONSTRAINT "project_response_partner_id_fkey" FOREIGN KEY ("partner_id") REFERENCES "partner"("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
CREATE UNIQUE INDEX "project_response_project_id_partner_id_key" ON "project_response"("project_id", "partner_id");
