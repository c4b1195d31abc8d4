-- One case that is not closed per person (OPEN or SUSPENDED; CLOSED cases are history, any number).
-- The API serialises opening, reopening and merging per person (an advisory lock), so that the
-- loser of a race never starts a workflow; this index is the last guard. It is partial, so it lives
-- here only: the schema language cannot state it (see prisma/src/drift.ts).
-- A database that already holds two open cases for one person cannot take the index: name them, so
-- that a supervisor closes one as a duplicate (through the workflow) before the migration is rerun.
DO $$
DECLARE
  clash TEXT;
BEGIN
  SELECT string_agg(numbers, '; ') INTO clash FROM (
    SELECT person_id::text || ': ' || string_agg(case_no, ', ' ORDER BY case_no) AS numbers
    FROM "case" WHERE "status" <> 'CLOSED' GROUP BY person_id HAVING count(*) > 1
  ) AS clashes;
  IF clash IS NOT NULL THEN
    RAISE EXCEPTION 'people with more than one open case (close all but one as duplicate first): %', clash;
  END IF;
END $$;

CREATE UNIQUE INDEX "case_one_open_per_person" ON "case" ("person_id") WHERE "status" <> 'CLOSED';

-- A roster import is worked by one process at a time: the one holding its lease. The holder renews
-- the lease after every batch; an import whose process died is taken over once the lease runs out.
ALTER TABLE "person_import" ADD COLUMN "claimed_by" TEXT;
ALTER TABLE "person_import" ADD COLUMN "claimed_until" TIMESTAMPTZ(3);
