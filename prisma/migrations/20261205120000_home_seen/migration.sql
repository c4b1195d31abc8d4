-- The home page (issue 15): when each user last looked at "cases changed since I last looked", set
-- by POST /api/home/seen only, and the index that counts the cases changed since then as a range.
CREATE TABLE "home_seen" (
    "user_id" UUID NOT NULL,
    "seen_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "home_seen_pkey" PRIMARY KEY ("user_id")
);

CREATE INDEX "case_updated_at_idx" ON "case"("updated_at");
