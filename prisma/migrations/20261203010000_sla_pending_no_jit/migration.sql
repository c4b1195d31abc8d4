-- sla_pending() (20261201010000_sla_pending) without JIT compilation. The planner estimates its two
-- range scans from the whole table's statistics, as most open tasks: at 1,000,000 cases the estimate
-- passes jit_above_cost, and compiling the plan takes 20 to 100 ms where the scans take 2 (they are
-- empty while the SLA timers keep up), which the SLA overview then pays on every request.
ALTER FUNCTION "sla_pending"() SET jit = off;
