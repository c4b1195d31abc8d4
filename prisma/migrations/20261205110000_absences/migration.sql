-- Issue 15: absences (休假) and their delegates (代理人). While an absence runs, new assignments and
-- notifications for the absent user go to the delegate.
CREATE TABLE "absence" (
    "id" UUID NOT NULL,
    "user_id" UUID NOT NULL,
    "delegate_id" UUID NOT NULL,
    "starts_at" TIMESTAMPTZ(3) NOT NULL,
    "ends_at" TIMESTAMPTZ(3) NOT NULL,
    "note" TEXT,
    "created_by_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "absence_pkey" PRIMARY KEY ("id")
);

CREATE INDEX "absence_user_id_ends_at_idx" ON "absence"("user_id", "ends_at");
CREATE INDEX "absence_delegate_id_ends_at_idx" ON "absence"("delegate_id", "ends_at");

ALTER TABLE "absence" ADD CONSTRAINT "absence_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
ALTER TABLE "absence" ADD CONSTRAINT "absence_delegate_id_fkey" FOREIGN KEY ("delegate_id") REFERENCES "app_user"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
