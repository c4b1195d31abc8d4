-- Fundraising that can be audited (§四(三) 募捐, §四(七) 过程信息公开): a directed campaign names its
-- beneficiary; the donations table becomes an append-only ledger with receipt numbers, refunds and
-- reversals; a disclosure month lists the ledger's corrections.

CREATE TYPE "DonationKind" AS ENUM ('DONATION', 'REFUND', 'REVERSAL');

-- 定向募捐: the case raised for, or a group (a need category in a township). Checked by the API (422).
ALTER TABLE "resource" ADD COLUMN "beneficiary_case_id" UUID,
    ADD COLUMN "beneficiary_category" TEXT,
    ADD COLUMN "beneficiary_township_id" UUID,
    ADD CONSTRAINT "resource_beneficiary_case_id_fkey" FOREIGN KEY ("beneficiary_case_id") REFERENCES "case"("id") ON DELETE SET NULL ON UPDATE CASCADE,
    ADD CONSTRAINT "resource_beneficiary_township_id_fkey" FOREIGN KEY ("beneficiary_township_id") REFERENCES "org_unit"("id") ON DELETE SET NULL ON UPDATE CASCADE;

ALTER TABLE "donation" ADD COLUMN "kind" "DonationKind" NOT NULL DEFAULT 'DONATION',
    ADD COLUMN "receipt_no" TEXT,
    ADD COLUMN "reverses_id" UUID,
    ADD COLUMN "reason" TEXT,
    ADD CONSTRAINT "donation_reverses_id_fkey" FOREIGN KEY ("reverses_id") REFERENCES "donation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Donations recorded before receipts existed get numbers now, per year (Beijing time) in the order recorded.
UPDATE "donation" d SET "receipt_no" = n."receipt_no"
FROM (
    SELECT "id", 'JZ' || to_char("created_at" AT TIME ZONE 'Asia/Shanghai', 'YYYY') || '-' ||
           lpad(row_number() OVER (PARTITION BY to_char("created_at" AT TIME ZONE 'Asia/Shanghai', 'YYYY')
                                   ORDER BY "created_at", "id")::text, 6, '0') AS "receipt_no"
    FROM "donation"
) n
WHERE n."id" = d."id";

CREATE UNIQUE INDEX "donation_receipt_no_key" ON "donation"("receipt_no");
CREATE INDEX "donation_reverses_id_idx" ON "donation"("reverses_id");

-- A donation is positive with a receipt; a refund or reversal negative, naming its donation and why.
ALTER TABLE "donation" DROP CONSTRAINT "donation_amount_check",
    ADD CONSTRAINT "donation_entry_check" CHECK (
        ("kind" = 'DONATION' AND "amount" > 0 AND "receipt_no" IS NOT NULL AND "reverses_id" IS NULL)
        OR ("kind" <> 'DONATION' AND "amount" < 0 AND "receipt_no" IS NULL AND "reverses_id" IS NOT NULL
            AND "reason" IS NOT NULL AND btrim("reason") <> '')
    );

-- The ledger is never edited: corrections are new entries.
CREATE FUNCTION "donation_immutable"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'donation is an append-only ledger: record a refund or reversal instead'
    USING ERRCODE = 'check_violation';
END;
$$;
CREATE TRIGGER "donation_no_update" BEFORE UPDATE OR DELETE ON "donation"
  FOR EACH ROW EXECUTE FUNCTION "donation_immutable"();

-- The last receipt number per year; its row is locked by the donation's transaction, so a rolled-back
-- donation gives its number back and numbers stay gap-free.
CREATE TABLE "donation_receipt_counter" (
    "year" INTEGER NOT NULL,
    "last_no" INTEGER NOT NULL,
    CONSTRAINT "donation_receipt_counter_pkey" PRIMARY KEY ("year")
);
INSERT INTO "donation_receipt_counter" ("year", "last_no")
SELECT substring("receipt_no" FROM 3 FOR 4)::integer, max(substring("receipt_no" FROM 8)::integer)
FROM "donation" GROUP BY 1;

-- A month's refunds and reversals as published; null (not an empty list) for a month without any, so
-- months published before keep their content and hash.
ALTER TABLE "disclosure_snapshot" ADD COLUMN "corrections" JSONB;
