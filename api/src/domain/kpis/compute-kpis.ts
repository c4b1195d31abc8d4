import type { Db } from '@guanai/db';

/**
 * 绩效综合评价 (§四(八)): the KPIs of a center over a month, from the case events, the tasks and the
 * delivery ledger. A center answers for the cases that started in its subtree (a township for its
 * communities, a district for its townships, the city for all), so tiers add up; its SLA compliance
 * is over the tasks its own unit completed.
 */
export interface Kpis {
  period: string;
  /** Cases opened in the month in the center's subtree. */
  cases: number;
  /** Median hours from opening to the screening decision (the first response, counted to the minute), or null. */
  firstResponseHours: number | null;
  /** Share of the center's tasks completed in the month by their due time, or null when none. */
  slaCompliance: number | null;
  tasksCompleted: number;
  /** Share of the month's cases escalated to a higher tier at least once. */
  escalationRate: number | null;
  /** Of the month's cases now closed: the share closed as resolved. */
  resolutionRate: number | null;
  /** Of the month's cases closed at some point: the share reopened. */
  reopenRate: number | null;
  /** Money given (yuan) to the month's resolved cases, per resolved case. */
  costPerResolvedCase: number | null;
  /** Mean satisfaction (1–5) of the recipients' surveys on the month's cases. */
  satisfaction: number | null;
  surveys: number;
  /** Mean supervision score (0–100) given to this center for the month by the administering department. */
  supervisionScore: number | null;
}

export function periodRange(period: string): [Date, Date] {
  const [year, month] = period.split('-').map(Number) as [number, number];
  // Months are Beijing months (so are the KPI counters' months: created_at + 8 h).
  return [new Date(Date.UTC(year, month - 1, 1) - 8 * 3_600_000), new Date(Date.UTC(year, month, 1) - 8 * 3_600_000)];
}

const ratio = (part: number, whole: number) => (whole === 0 ? null : Math.round((part / whole) * 10_000) / 10_000);
const round2 = (n: number | null) => (n === null ? null : Math.round(n * 100) / 100);

interface KpiRow {
  i: number;
  j: number;
  cases: number;
  escalated: number;
  closed: number;
  resolved: number;
  ever_closed: number;
  reopened: number;
  money: string | null;
  satisfaction: number | null;
  surveys: number;
  first_response_hours: number | null;
  completed: number;
  on_time: number;
  supervision: number | null;
}

/**
 * The KPIs of each center for each month, `[center][month]`, in one statement: the cohort's figures
 * from the counters the triggers of migration 20261203000000_kpi_counters keep per origin unit and
 * month (the months' rows, a row per unit, are read once and added up for every center whose
 * subtree holds their unit: no row per case), the median first response from the center's own
 * distribution of response times (to the minute), and the center's tasks and supervision scores.
 */
export async function computeKpisTable(
  db: Db,
  units: { id: string; path: string }[],
  periods: string[],
): Promise<Kpis[][]> {
  const ranges = periods.map(periodRange);
  const rows = await db.$queryRaw<KpiRow[]>`
    WITH c AS (
      SELECT * FROM unnest(${units.map((u) => u.id)}::uuid[], ${units.map((u) => u.path)}::text[]) WITH ORDINALITY AS c(id, path, i)
    ), p AS (
      SELECT * FROM unnest(${periods}::text[], ${ranges.map(([start]) => start.toISOString())}::timestamptz[],
                           ${ranges.map(([, end]) => end.toISOString())}::timestamptz[]) WITH ORDINALITY AS p(period, start_at, end_at, j)
    ), k AS (
      SELECT k.*, o.path FROM unit_kpi_count k JOIN org_unit o ON o.id = k.unit_id WHERE k.period IN (SELECT period FROM p)
    ), cohort AS (
      SELECT c.i, p.j,
        coalesce(sum(k.cases), 0)::int AS cases,
        coalesce(sum(k.escalated), 0)::int AS escalated,
        coalesce(sum(k.closed), 0)::int AS closed,
        coalesce(sum(k.resolved), 0)::int AS resolved,
        coalesce(sum(k.ever_closed), 0)::int AS ever_closed,
        coalesce(sum(k.reopened), 0)::int AS reopened,
        sum(k.money)::text AS money,
        (sum(k.score_sum) / nullif(sum(k.scored), 0))::float8 AS satisfaction,
        coalesce(sum(k.surveys), 0)::int AS surveys
      FROM c CROSS JOIN p LEFT JOIN k ON k.period = p.period AND starts_with(k.path, c.path)
      GROUP BY c.i, p.j
    )
    SELECT cohort.i::int AS i, cohort.j::int AS j, cohort.cases, cohort.escalated, cohort.closed, cohort.resolved,
      cohort.ever_closed, cohort.reopened, cohort.money, cohort.satisfaction, cohort.surveys,
      (SELECT ((min(h.minutes) FILTER (WHERE h.upto > (h.total - 1) / 2) + min(h.minutes) FILTER (WHERE h.upto > h.total / 2)) / 120.0)::float8
       FROM (SELECT r.minutes, sum(r.n) OVER (ORDER BY r.minutes) AS upto, sum(r.n) OVER () AS total
             FROM unit_kpi_response r WHERE r.unit_id = c.id AND r.period = p.period AND r.n > 0) h
      ) AS first_response_hours,
      sla.completed, sla.on_time,
      (SELECT AVG(v.score)::float8 FROM supervision_score v WHERE v.unit_id = c.id AND v.period = p.period) AS supervision
    FROM cohort JOIN c ON c.i = cohort.i JOIN p ON p.j = cohort.j
    CROSS JOIN LATERAL (
      SELECT COUNT(*)::int AS completed, COUNT(*) FILTER (WHERE t.completed_at <= t.due_at)::int AS on_time
      FROM task t WHERE t.unit_id = c.id AND t.status = 'DONE' AND t.completed_at >= p.start_at AND t.completed_at < p.end_at
    ) sla`;
  const table = units.map(() => new Array<Kpis>(periods.length));
  for (const row of rows) table[row.i - 1]![row.j - 1] = toKpis(periods[row.j - 1]!, row);
  return table;
}

/** One center's KPIs for one month. */
export async function computeKpis(db: Db, unit: { id: string; path: string }, period: string): Promise<Kpis> {
  return (await computeKpisTable(db, [unit], [period]))[0]![0]!;
}

function toKpis(period: string, row: KpiRow): Kpis {
  return {
    period,
    cases: row.cases,
    firstResponseHours: round2(row.first_response_hours),
    slaCompliance: ratio(row.on_time, row.completed),
    tasksCompleted: row.completed,
    escalationRate: ratio(row.escalated, row.cases),
    resolutionRate: ratio(row.resolved, row.closed),
    reopenRate: ratio(row.reopened, row.ever_closed),
    costPerResolvedCase: row.resolved === 0 ? null : round2(Number(row.money ?? 0) / row.resolved),
    satisfaction: round2(row.satisfaction),
    surveys: row.surveys,
    supervisionScore: round2(row.supervision),
  };
}
