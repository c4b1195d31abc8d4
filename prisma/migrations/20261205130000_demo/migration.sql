-- Demo data (演示数据): cases loaded by the demo loader through the case workflow are marked, so the
-- admin can say so and nobody mistakes them for real people.
ALTER TABLE "case" ADD COLUMN "demo" BOOLEAN NOT NULL DEFAULT false;
