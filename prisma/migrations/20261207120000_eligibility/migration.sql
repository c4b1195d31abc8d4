-- Eligibility as data (issue 17, §二 无缝衔接, §四(二)): each scheme's standard per district and date,
-- and the household facts screening compares with it.

-- 家庭财产 and 特困 (三无): financial assets in total, and whether a legal supporter is able to support.
ALTER TABLE "household" ADD COLUMN "assets" DECIMAL(14,2);
ALTER TABLE "household" ADD COLUMN "has_supporter" BOOLEAN;
-- 劳动能力: null is not recorded (judged by age).
ALTER TABLE "person" ADD COLUMN "can_work" BOOLEAN;

-- 救助标准: never edited once in force; a new row with a later effective date supersedes it.
CREATE TABLE "eligibility_standard" (
    "id" UUID NOT NULL,
    "scheme" TEXT NOT NULL,
    "district_id" UUID,
    "effective_from" DATE NOT NULL,
    "income_per_person" DECIMAL(12,2) NOT NULL,
    "assets_per_person" DECIMAL(14,2),
    "require_no_able_worker" BOOLEAN NOT NULL DEFAULT false,
    "require_no_supporter" BOOLEAN NOT NULL DEFAULT false,
    "source_document" TEXT NOT NULL,
    "note" TEXT,
    "sample" BOOLEAN NOT NULL DEFAULT false,
    "created_by_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "eligibility_standard_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "eligibility_standard_scheme_check"
      CHECK ("scheme" IN ('DIBAO', 'TEKUN', 'LINSHI', 'YILIAO', 'JIAOYU', 'ZHUFANG', 'JIUYE', 'SHOUZAI')),
    CONSTRAINT "eligibility_standard_amounts_check"
      CHECK ("income_per_person" >= 0 AND ("assets_per_person" IS NULL OR "assets_per_person" >= 0))
);
CREATE UNIQUE INDEX "eligibility_standard_scheme_district_id_effective_from_key"
  ON "eligibility_standard"("scheme", "district_id", "effective_from");
-- One city-wide row per scheme and date (a plain unique index treats NULL district ids as distinct).
CREATE UNIQUE INDEX "eligibility_standard_city_key"
  ON "eligibility_standard"("scheme", "effective_from") WHERE "district_id" IS NULL;
CREATE INDEX "eligibility_standard_scheme_effective_from_idx" ON "eligibility_standard"("scheme", "effective_from");
ALTER TABLE "eligibility_standard" ADD CONSTRAINT "eligibility_standard_district_id_fkey"
  FOREIGN KEY ("district_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
