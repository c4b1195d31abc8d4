-- Every door into the network (issue 16, §四(一)): a case opened from an online self-application
-- names it (the application table and this column's foreign key come with it), and a referral names
-- who referred the person (a member department, or the 12345 hotline with its ticket number).
ALTER TABLE "case" ADD COLUMN "application_id" UUID;
CREATE UNIQUE INDEX "case_application_id_key" ON "case"("application_id");
ALTER TABLE "case" ADD COLUMN "referral" JSONB;
