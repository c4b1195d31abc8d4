-- One open case per person: the lock that opening, reopening and merging take on a person's cases is
-- a lease row written in its own statement (not an advisory lock held by a transaction): opening a
-- case waits for the workflow's projection, which on the embedded single-session PGlite cannot run
-- while another connection holds a transaction open. A lease of a process that died runs out.
CREATE TABLE "person_case_lease" (
    "person_id" UUID NOT NULL,
    "holder" UUID NOT NULL,
    "until" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "person_case_lease_pkey" PRIMARY KEY ("person_id")
);
