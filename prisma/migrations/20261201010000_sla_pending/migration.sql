-- What the workflows' SLA timers have not recorded yet, per unit, by the clock: open tasks past due
-- without a recorded breach (overdue; of those, how many had been warned) and open tasks past their
-- warning point without a recorded warning and not yet due (warned). Each half is a range scan of
-- its partial index (20261201000000_sla_counters), empty while the timers keep up. One process: the
-- planner, which estimates these ranges from the whole table's statistics (done tasks' due dates
-- are mostly past), would otherwise start parallel workers that cost more than the scans.
CREATE FUNCTION "sla_pending"() RETURNS TABLE ("unit_id" UUID, "overdue" INTEGER, "overdue_warned" INTEGER, "warned" INTEGER)
LANGUAGE sql STABLE
SET max_parallel_workers_per_gather = 0
AS $$
  SELECT p.unit_id, sum(p.overdue)::int, sum(p.overdue_warned)::int, sum(p.warned)::int
  FROM (
    SELECT t.unit_id, 1 AS overdue, (t.warned_at IS NOT NULL)::int AS overdue_warned, 0 AS warned
    FROM task t WHERE t.status = 'OPEN' AND t.breached_at IS NULL AND t.due_at < now()
    UNION ALL
    SELECT t.unit_id, 0, 0, (t.due_at >= now())::int
    FROM task t WHERE t.status = 'OPEN' AND t.breached_at IS NULL AND t.warned_at IS NULL AND t.warn_at <= now()
  ) p
  GROUP BY p.unit_id
$$;
