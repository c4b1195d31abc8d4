-- KPI counters per unit and month, kept by triggers, so that a center's KPIs (api/src/domain/kpis/
-- compute-kpis.ts) read a row per unit of its subtree instead of every case opened in the month
-- under it (at 1,000,000 cases the city's month is some 360,000 cases, each probed for its events).
-- A case counts in its cohort: the unit it started in (origin_unit_id) and the Beijing month it was
-- opened in (created_at + 8 h, as periodRange counts months).
--
-- case_kpi_source  what each case contributes, worked out from the case, its events, its accepted
--                  matches' money deliveries and its submitted surveys (the definitions of the KPIs)
-- case_kpi         that contribution as last counted, one row per case, so that a change is counted
--                  as the difference between the two
-- unit_kpi_count   the sums per origin unit and month (a center adds up the units of its subtree)
-- unit_kpi_response  first-response times to the minute, per unit and month, counted at the unit the
--                  case started in and at every unit above it: a median cannot be added up across
--                  units, so each center has its own distribution (a few thousand rows at most)
-- Whatever changes one of those sources calls case_kpi_refresh(case), which works the case's
-- contribution out again and applies the difference; it is idempotent. A partial index on task
-- serves the other part of the KPIs, the tasks a center completed in the month.

CREATE VIEW "case_kpi_source" AS
SELECT c."id" AS "case_id", c."origin_unit_id" AS "unit_id",
       to_char((c."created_at" AT TIME ZONE 'UTC') + interval '8 hours', 'YYYY-MM') AS "period",
       c."status" = 'CLOSED' AS "closed",
       c."status" = 'CLOSED' AND c."closure_reason" IS NOT DISTINCT FROM 'resolved' AS "resolved",
       EXISTS (SELECT 1 FROM "case_event" e WHERE e."case_id" = c."id" AND e."type" = 'ESCALATE') AS "escalated",
       EXISTS (SELECT 1 FROM "case_event" e WHERE e."case_id" = c."id" AND e."to_state" = 'closed') AS "ever_closed",
       EXISTS (SELECT 1 FROM "case_event" e WHERE e."case_id" = c."id" AND e."type" = 'REOPEN') AS "reopened",
       (SELECT round(EXTRACT(EPOCH FROM (min(e."at") - c."created_at")) / 60)::int
        FROM "case_event" e WHERE e."case_id" = c."id" AND e."type" = 'SCREENED') AS "response_minutes",
       coalesce((SELECT sum(d."amount") FROM "match" m JOIN "delivery" d ON d."match_id" = m."id"
                 WHERE m."case_id" = c."id" AND m."status" = 'ACCEPTED' AND d."kind" = 'MONEY'), 0)::numeric(18, 2) AS "money",
       s."surveys", s."scored", s."score_sum"
FROM "case" c
CROSS JOIN LATERAL (
  SELECT count(*)::int AS "surveys", count(v."score")::int AS "scored", coalesce(sum(v."score"::numeric), 0)::numeric(65, 30) AS "score_sum"
  FROM "survey" v WHERE v."case_id" = c."id" AND v."submitted_at" IS NOT NULL
) s;

CREATE TABLE "case_kpi" (
  "case_id" UUID NOT NULL,
  "unit_id" UUID NOT NULL,
  "period" TEXT NOT NULL,
  "closed" BOOLEAN NOT NULL,
  "resolved" BOOLEAN NOT NULL,
  "escalated" BOOLEAN NOT NULL,
  "ever_closed" BOOLEAN NOT NULL,
  "reopened" BOOLEAN NOT NULL,
  "response_minutes" INTEGER,
  "money" NUMERIC(18, 2) NOT NULL,
  "surveys" INTEGER NOT NULL,
  "scored" INTEGER NOT NULL,
  "score_sum" NUMERIC(65, 30) NOT NULL,
  CONSTRAINT "case_kpi_pkey" PRIMARY KEY ("case_id")
);

-- Keyed by month first: a center reads one month of the units below it.
CREATE TABLE "unit_kpi_count" (
  "period" TEXT NOT NULL,
  "unit_id" UUID NOT NULL,
  "cases" INTEGER NOT NULL,
  "escalated" INTEGER NOT NULL,
  "closed" INTEGER NOT NULL,
  "resolved" INTEGER NOT NULL,
  "ever_closed" INTEGER NOT NULL,
  "reopened" INTEGER NOT NULL,
  -- Money given to the cases now closed as resolved.
  "money" NUMERIC(18, 2) NOT NULL,
  "surveys" INTEGER NOT NULL,
  -- Of the surveys, those with a score, and the sum of their scores.
  "scored" INTEGER NOT NULL,
  "score_sum" NUMERIC(65, 30) NOT NULL,
  CONSTRAINT "unit_kpi_count_pkey" PRIMARY KEY ("period", "unit_id")
);

CREATE TABLE "unit_kpi_response" (
  "unit_id" UUID NOT NULL,
  "period" TEXT NOT NULL,
  "minutes" INTEGER NOT NULL,
  "n" INTEGER NOT NULL,
  CONSTRAINT "unit_kpi_response_pkey" PRIMARY KEY ("unit_id", "period", "minutes")
);

-- A unit and the units above it, up the parent chain.
CREATE FUNCTION "org_unit_and_ancestors"("p_unit_id" UUID) RETURNS SETOF UUID LANGUAGE sql STABLE AS $$
  WITH RECURSIVE up AS (
    SELECT "id", "parent_id" FROM "org_unit" WHERE "id" = "p_unit_id"
    UNION ALL
    SELECT o."id", o."parent_id" FROM "org_unit" o JOIN up ON o."id" = up."parent_id"
  )
  SELECT "id" FROM up
$$;

-- Adds (sign 1) or takes away (sign -1) one case's contribution; its response time too when asked.
CREATE FUNCTION "case_kpi_add"("k" "case_kpi", "sign" INTEGER, "with_response" BOOLEAN) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "unit_kpi_count" AS u ("period", "unit_id", "cases", "escalated", "closed", "resolved", "ever_closed",
                                     "reopened", "money", "surveys", "scored", "score_sum")
  VALUES (k."period", k."unit_id", "sign", "sign" * k."escalated"::int, "sign" * k."closed"::int,
          "sign" * k."resolved"::int, "sign" * k."ever_closed"::int, "sign" * k."reopened"::int,
          "sign" * CASE WHEN k."resolved" THEN k."money" ELSE 0 END, "sign" * k."surveys", "sign" * k."scored",
          "sign" * k."score_sum")
  ON CONFLICT ("period", "unit_id") DO UPDATE SET
    "cases" = u."cases" + EXCLUDED."cases", "escalated" = u."escalated" + EXCLUDED."escalated",
    "closed" = u."closed" + EXCLUDED."closed", "resolved" = u."resolved" + EXCLUDED."resolved",
    "ever_closed" = u."ever_closed" + EXCLUDED."ever_closed", "reopened" = u."reopened" + EXCLUDED."reopened",
    "money" = u."money" + EXCLUDED."money", "surveys" = u."surveys" + EXCLUDED."surveys",
    "scored" = u."scored" + EXCLUDED."scored", "score_sum" = u."score_sum" + EXCLUDED."score_sum";
  IF "with_response" AND k."response_minutes" IS NOT NULL THEN
    -- In unit order, so that two transactions take the rows' locks in the same order.
    INSERT INTO "unit_kpi_response" AS r ("unit_id", "period", "minutes", "n")
    SELECT a, k."period", k."response_minutes", "sign" FROM "org_unit_and_ancestors"(k."unit_id") a ORDER BY a
    ON CONFLICT ("unit_id", "period", "minutes") DO UPDATE SET "n" = r."n" + EXCLUDED."n";
  END IF;
END
$$;

-- Counts one case again: its contribution now, less what was counted before.
CREATE FUNCTION "case_kpi_refresh"("p_case_id" UUID) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  o "case_kpi";
  n "case_kpi";
  had BOOLEAN;
  has BOOLEAN;
  moved BOOLEAN;
BEGIN
  -- The row lock orders two transactions refreshing the same case: the second works the
  -- contribution out after the first has committed (each statement here sees what is committed).
  SELECT * INTO o FROM "case_kpi" WHERE "case_id" = "p_case_id" FOR UPDATE;
  had := FOUND;
  SELECT "case_id", "unit_id", "period", "closed", "resolved", "escalated", "ever_closed", "reopened",
         "response_minutes", "money", "surveys", "scored", "score_sum"
  INTO n FROM "case_kpi_source" WHERE "case_id" = "p_case_id";
  has := FOUND;
  IF had AND has AND o IS NOT DISTINCT FROM n THEN RETURN; END IF;
  moved := NOT (had AND has) OR (o."unit_id", o."period", o."response_minutes") IS DISTINCT FROM (n."unit_id", n."period", n."response_minutes");
  IF had THEN PERFORM "case_kpi_add"(o, -1, moved); END IF;
  IF has THEN
    PERFORM "case_kpi_add"(n, 1, moved);
    INSERT INTO "case_kpi" SELECT n.*
    ON CONFLICT ("case_id") DO UPDATE SET
      "unit_id" = EXCLUDED."unit_id", "period" = EXCLUDED."period", "closed" = EXCLUDED."closed",
      "resolved" = EXCLUDED."resolved", "escalated" = EXCLUDED."escalated", "ever_closed" = EXCLUDED."ever_closed",
      "reopened" = EXCLUDED."reopened", "response_minutes" = EXCLUDED."response_minutes", "money" = EXCLUDED."money",
      "surveys" = EXCLUDED."surveys", "scored" = EXCLUDED."scored", "score_sum" = EXCLUDED."score_sum";
  ELSE
    DELETE FROM "case_kpi" WHERE "case_id" = "p_case_id";
  END IF;
END
$$;

-- The triggers: each refreshes the case (or cases) a changed row belongs to.
CREATE FUNCTION "case_kpi_track_case"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN PERFORM "case_kpi_refresh"(OLD."id"); END IF;
  IF TG_OP <> 'DELETE' AND (TG_OP = 'INSERT' OR NEW."id" <> OLD."id") THEN PERFORM "case_kpi_refresh"(NEW."id"); END IF;
  RETURN NULL;
END
$$;

CREATE FUNCTION "case_kpi_track_case_id"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN PERFORM "case_kpi_refresh"(OLD."case_id"); END IF;
  IF TG_OP <> 'DELETE' AND (TG_OP = 'INSERT' OR NEW."case_id" <> OLD."case_id") THEN PERFORM "case_kpi_refresh"(NEW."case_id"); END IF;
  RETURN NULL;
END
$$;

CREATE FUNCTION "case_kpi_track_delivery"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN PERFORM "case_kpi_refresh"(m."case_id") FROM "match" m WHERE m."id" = OLD."match_id"; END IF;
  IF TG_OP <> 'DELETE' AND (TG_OP = 'INSERT' OR NEW."match_id" <> OLD."match_id") THEN
    PERFORM "case_kpi_refresh"(m."case_id") FROM "match" m WHERE m."id" = NEW."match_id";
  END IF;
  RETURN NULL;
END
$$;

-- The case projection rewrites the case row at every event: only what the KPIs read counts.
CREATE TRIGGER "case_kpi_count" AFTER INSERT OR DELETE ON "case"
  FOR EACH ROW EXECUTE FUNCTION "case_kpi_track_case"();
CREATE TRIGGER "case_kpi_count_update" AFTER UPDATE OF "status", "closure_reason", "origin_unit_id", "created_at" ON "case"
  FOR EACH ROW WHEN (OLD."status" IS DISTINCT FROM NEW."status" OR OLD."closure_reason" IS DISTINCT FROM NEW."closure_reason"
                     OR OLD."origin_unit_id" IS DISTINCT FROM NEW."origin_unit_id" OR OLD."created_at" IS DISTINCT FROM NEW."created_at")
  EXECUTE FUNCTION "case_kpi_track_case"();
-- Events are only appended (case_event_no_update); only the kinds the KPIs read count.
CREATE TRIGGER "case_kpi_count" AFTER INSERT ON "case_event"
  FOR EACH ROW WHEN (NEW."type" IN ('ESCALATE', 'REOPEN', 'SCREENED') OR NEW."to_state" = 'closed')
  EXECUTE FUNCTION "case_kpi_track_case_id"();
-- A new match has no deliveries yet: its status and its case matter once it has.
CREATE TRIGGER "case_kpi_count" AFTER UPDATE OF "status", "case_id" OR DELETE ON "match"
  FOR EACH ROW EXECUTE FUNCTION "case_kpi_track_case_id"();
CREATE TRIGGER "case_kpi_count" AFTER INSERT OR UPDATE OF "kind", "amount", "match_id" OR DELETE ON "delivery"
  FOR EACH ROW EXECUTE FUNCTION "case_kpi_track_delivery"();
CREATE TRIGGER "case_kpi_count" AFTER INSERT OR UPDATE OF "submitted_at", "score", "case_id" OR DELETE ON "survey"
  FOR EACH ROW EXECUTE FUNCTION "case_kpi_track_case_id"();

-- A center's SLA compliance counts the tasks its own unit completed in the month: read from this
-- index alone, instead of every task the unit ever completed (a township's 15,000 at 1,000,000 cases).
CREATE INDEX "task_done_unit_completed" ON "task" ("unit_id", "completed_at") INCLUDE ("due_at") WHERE "status" = 'DONE';

-- Counts every case again (after a bulk load with the case trigger off).
CREATE FUNCTION "unit_kpi_count_rebuild"() RETURNS void LANGUAGE sql AS $$
  TRUNCATE "case_kpi", "unit_kpi_count", "unit_kpi_response";
  INSERT INTO "case_kpi" ("case_id", "unit_id", "period", "closed", "resolved", "escalated", "ever_closed", "reopened",
                          "response_minutes", "money", "surveys", "scored", "score_sum")
  SELECT "case_id", "unit_id", "period", "closed", "resolved", "escalated", "ever_closed", "reopened",
         "response_minutes", "money", "surveys", "scored", "score_sum"
  FROM "case_kpi_source";
  INSERT INTO "unit_kpi_count" ("period", "unit_id", "cases", "escalated", "closed", "resolved", "ever_closed",
                                "reopened", "money", "surveys", "scored", "score_sum")
  SELECT "period", "unit_id", count(*), count(*) FILTER (WHERE "escalated"), count(*) FILTER (WHERE "closed"),
         count(*) FILTER (WHERE "resolved"), count(*) FILTER (WHERE "ever_closed"), count(*) FILTER (WHERE "reopened"),
         coalesce(sum("money") FILTER (WHERE "resolved"), 0), sum("surveys"), sum("scored"), sum("score_sum")
  FROM "case_kpi" GROUP BY "period", "unit_id";
  INSERT INTO "unit_kpi_response" ("unit_id", "period", "minutes", "n")
  SELECT a, g."period", g."response_minutes", sum(g."n")
  FROM (SELECT "unit_id", "period", "response_minutes", count(*) AS "n" FROM "case_kpi"
        WHERE "response_minutes" IS NOT NULL GROUP BY "unit_id", "period", "response_minutes") g
  CROSS JOIN LATERAL "org_unit_and_ancestors"(g."unit_id") a
  GROUP BY a, g."period", g."response_minutes";
$$;
SELECT "unit_kpi_count_rebuild"();
