-- The registry of people: identity documents other than the resident ID, households, vulnerability
-- tags, merges, and roster imports.

CREATE TYPE "IdType" AS ENUM ('RESIDENT_ID', 'HK_MACAO_PERMIT', 'TAIWAN_PERMIT', 'PASSPORT', 'FOREIGN_PERMANENT_ID', 'OTHER');
CREATE TYPE "Relation" AS ENUM ('HEAD', 'SPOUSE', 'CHILD', 'PARENT', 'GRANDCHILD', 'GRANDPARENT', 'SIBLING', 'OTHER');
CREATE TYPE "ImportStatus" AS ENUM ('RUNNING', 'DONE', 'FAILED');

CREATE TABLE "household" (
    "id" UUID NOT NULL,
    "community_id" UUID NOT NULL,
    "address" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "household_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "household_community_id_fkey" FOREIGN KEY ("community_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
CREATE INDEX "household_community_id_idx" ON "household"("community_id");

ALTER TABLE "person"
    ADD COLUMN "id_type" "IdType",
    ADD COLUMN "address_key" TEXT,
    ADD COLUMN "household_id" UUID,
    ADD COLUMN "relation" "Relation",
    ADD COLUMN "tags" TEXT[] NOT NULL DEFAULT ARRAY[]::TEXT[],
    ADD COLUMN "merged_into_id" UUID,
    ADD COLUMN "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    ADD CONSTRAINT "person_household_id_fkey" FOREIGN KEY ("household_id") REFERENCES "household"("id") ON DELETE SET NULL ON UPDATE CASCADE;
-- People registered before this migration carry a resident identity number when they have one.
UPDATE "person" SET "id_type" = 'RESIDENT_ID' WHERE "id_number_hash" IS NOT NULL;
CREATE INDEX "person_household_id_idx" ON "person"("household_id");
CREATE INDEX "person_address_key_idx" ON "person"("address_key");

CREATE TABLE "person_import" (
    "id" UUID NOT NULL,
    "filename" TEXT NOT NULL,
    "dry_run" BOOLEAN NOT NULL,
    "status" "ImportStatus" NOT NULL,
    "unit_id" UUID NOT NULL,
    "created_by_id" UUID NOT NULL,
    "total" INTEGER NOT NULL,
    "processed" INTEGER NOT NULL DEFAULT 0,
    "imported" INTEGER NOT NULL DEFAULT 0,
    "skipped" INTEGER NOT NULL DEFAULT 0,
    "rows" JSONB NOT NULL,
    "problems" JSONB NOT NULL DEFAULT '[]',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finished_at" TIMESTAMPTZ(3),
    CONSTRAINT "person_import_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "person_import_unit_id_fkey" FOREIGN KEY ("unit_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
CREATE INDEX "person_import_unit_id_created_at_idx" ON "person_import"("unit_id", "created_at");
