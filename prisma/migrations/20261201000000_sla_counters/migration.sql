-- SLA counters per unit, kept by a trigger on task, so that the SLA overview reads one row per unit
-- instead of aggregating every task under a manager's unit on each request.
--   total          tasks not cancelled
--   breached       of those, breached at some time (the breach rate's numerator)
--   open           open tasks
--   open_breached  open tasks whose breach has been recorded (the workflow's durable timer at due time)
--   open_warned    open tasks past their warning point (warning recorded) and not yet breached
-- What the workflows have not recorded yet (a timer that is late because the worker is down) is
-- added by the overview from two partial indexes that are empty in the steady state.
CREATE TABLE "unit_sla_count" (
  "unit_id" UUID NOT NULL,
  "total" INTEGER NOT NULL DEFAULT 0,
  "breached" INTEGER NOT NULL DEFAULT 0,
  "open" INTEGER NOT NULL DEFAULT 0,
  "open_breached" INTEGER NOT NULL DEFAULT 0,
  "open_warned" INTEGER NOT NULL DEFAULT 0,
  CONSTRAINT "unit_sla_count_pkey" PRIMARY KEY ("unit_id"),
  CONSTRAINT "unit_sla_count_unit_id_fkey" FOREIGN KEY ("unit_id") REFERENCES "org_unit"("id") ON DELETE RESTRICT ON UPDATE CASCADE
);

-- One task's contribution to its unit's counters.
CREATE FUNCTION "task_sla_contribution"("status" "TaskStatus", "warned_at" TIMESTAMPTZ, "breached_at" TIMESTAMPTZ)
RETURNS INTEGER[] LANGUAGE sql IMMUTABLE AS $$
  SELECT ARRAY[
    ("status" <> 'CANCELLED')::int,
    ("status" <> 'CANCELLED' AND "breached_at" IS NOT NULL)::int,
    ("status" = 'OPEN')::int,
    ("status" = 'OPEN' AND "breached_at" IS NOT NULL)::int,
    ("status" = 'OPEN' AND "warned_at" IS NOT NULL AND "breached_at" IS NULL)::int]
$$;

CREATE FUNCTION "unit_sla_count_add"("unit" UUID, "d" INTEGER[]) RETURNS void LANGUAGE sql AS $$
  INSERT INTO "unit_sla_count" AS c ("unit_id", "total", "breached", "open", "open_breached", "open_warned")
  SELECT "unit", "d"[1], "d"[2], "d"[3], "d"[4], "d"[5] WHERE "d" <> ARRAY[0, 0, 0, 0, 0]
  ON CONFLICT ("unit_id") DO UPDATE SET
    "total" = c."total" + EXCLUDED."total", "breached" = c."breached" + EXCLUDED."breached",
    "open" = c."open" + EXCLUDED."open", "open_breached" = c."open_breached" + EXCLUDED."open_breached",
    "open_warned" = c."open_warned" + EXCLUDED."open_warned"
$$;

CREATE FUNCTION "task_sla_count_track"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  o INTEGER[] := ARRAY[0, 0, 0, 0, 0];
  n INTEGER[] := ARRAY[0, 0, 0, 0, 0];
BEGIN
  IF TG_OP <> 'INSERT' THEN o := "task_sla_contribution"(OLD."status", OLD."warned_at", OLD."breached_at"); END IF;
  IF TG_OP <> 'DELETE' THEN n := "task_sla_contribution"(NEW."status", NEW."warned_at", NEW."breached_at"); END IF;
  IF TG_OP = 'UPDATE' AND OLD."unit_id" = NEW."unit_id" THEN
    PERFORM "unit_sla_count_add"(NEW."unit_id", ARRAY[n[1] - o[1], n[2] - o[2], n[3] - o[3], n[4] - o[4], n[5] - o[5]]);
  ELSE
    IF TG_OP <> 'INSERT' THEN PERFORM "unit_sla_count_add"(OLD."unit_id", ARRAY[-o[1], -o[2], -o[3], -o[4], -o[5]]); END IF;
    IF TG_OP <> 'DELETE' THEN PERFORM "unit_sla_count_add"(NEW."unit_id", n); END IF;
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER "task_sla_count" AFTER INSERT OR UPDATE OF "status", "unit_id", "warned_at", "breached_at" OR DELETE ON "task"
  FOR EACH ROW EXECUTE FUNCTION "task_sla_count_track"();

-- Recomputes every unit's counters from the task table (after a bulk load with the trigger off).
CREATE FUNCTION "unit_sla_count_rebuild"() RETURNS void LANGUAGE sql AS $$
  DELETE FROM "unit_sla_count";
  INSERT INTO "unit_sla_count" ("unit_id", "total", "breached", "open", "open_breached", "open_warned")
  SELECT t."unit_id", sum(c[1]), sum(c[2]), sum(c[3]), sum(c[4]), sum(c[5])
  FROM "task" t, LATERAL (SELECT "task_sla_contribution"(t."status", t."warned_at", t."breached_at") AS c) x
  GROUP BY t."unit_id";
$$;
SELECT "unit_sla_count_rebuild"();

-- What the workflows have not recorded yet: open tasks past due without a breach, and past their
-- warning point without a warning. Both are empty while the SLA timers keep up.
CREATE INDEX "task_open_unbreached_due" ON "task" ("due_at") WHERE "status" = 'OPEN' AND "breached_at" IS NULL;
CREATE INDEX "task_open_unwarned_warn" ON "task" ("warn_at") WHERE "status" = 'OPEN' AND "breached_at" IS NULL AND "warned_at" IS NULL;
