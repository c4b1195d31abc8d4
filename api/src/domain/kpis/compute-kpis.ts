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
  /** Median hours from opening to the screening decision (the first response), or null. */
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
  // Months are Beijing months.
  return [new Date(Date.UTC(year, month - 1, 1) - 8 * 3_600_000), new Date(Date.UTC(year, month, 1) - 8 * 3_600_000)];
}

const ratio = (part: number, whole: number) => (whole === 0 ? null : Math.round((part / whole) * 10_000) / 10_000);
const round2 = (n: number | null) => (n === null ? null : Math.round(n * 100) / 100);

export async function computeKpis(db: Db, unit: { id: string; path: string }, period: string): Promise<Kpis> {
  const [start, end] = periodRange(period);
  const prefix = `${unit.path}%`;
  const [cohort] = await db.$queryRaw<
    [
      {
        cases: bigint;
        escalated: bigint;
        closed: bigint;
        resolved: bigint;
        ever_closed: bigint;
        reopened: bigint;
        first_response_hours: number | null;
        money: string | null;
        satisfaction: number | null;
        surveys: bigint;
      },
    ]
  >`
    WITH cohort AS (
      SELECT c.id, c.created_at, c.status, c.closure_reason
      FROM "case" c JOIN org_unit o ON o.id = c.origin_unit_id
      WHERE o.path LIKE ${prefix} AND c.created_at >= ${start} AND c.created_at < ${end}
    ),
    per_case AS (
      SELECT k.*,
        EXISTS (SELECT 1 FROM case_event e WHERE e.case_id = k.id AND e.type = 'ESCALATE') AS escalated,
        EXISTS (SELECT 1 FROM case_event e WHERE e.case_id = k.id AND e.type = 'REOPEN') AS reopened,
        EXISTS (SELECT 1 FROM case_event e WHERE e.case_id = k.id AND e.to_state = 'closed') AS ever_closed,
        (SELECT EXTRACT(EPOCH FROM (MIN(e.at) - k.created_at)) / 3600 FROM case_event e WHERE e.case_id = k.id AND e.type = 'SCREENED') AS response_hours
      FROM cohort k
    )
    SELECT
      COUNT(*) AS cases,
      COUNT(*) FILTER (WHERE escalated) AS escalated,
      COUNT(*) FILTER (WHERE status = 'CLOSED') AS closed,
      COUNT(*) FILTER (WHERE status = 'CLOSED' AND closure_reason = 'resolved') AS resolved,
      COUNT(*) FILTER (WHERE ever_closed) AS ever_closed,
      COUNT(*) FILTER (WHERE reopened) AS reopened,
      (percentile_cont(0.5) WITHIN GROUP (ORDER BY response_hours))::float8 AS first_response_hours,
      (SELECT SUM(d.amount) FROM delivery d JOIN match m ON m.id = d.match_id
        WHERE d.kind = 'MONEY' AND m.status = 'ACCEPTED'
          AND m.case_id IN (SELECT id FROM cohort WHERE status = 'CLOSED' AND closure_reason = 'resolved'))::text AS money,
      (SELECT AVG(s.score) FROM survey s WHERE s.submitted_at IS NOT NULL AND s.case_id IN (SELECT id FROM cohort))::float8 AS satisfaction,
      (SELECT COUNT(*) FROM survey s WHERE s.submitted_at IS NOT NULL AND s.case_id IN (SELECT id FROM cohort)) AS surveys
    FROM per_case`;
  const [sla] = await db.$queryRaw<[{ completed: bigint; on_time: bigint }]>`
    SELECT COUNT(*) AS completed, COUNT(*) FILTER (WHERE completed_at <= due_at) AS on_time
    FROM task WHERE unit_id = ${unit.id}::uuid AND status = 'DONE' AND completed_at >= ${start} AND completed_at < ${end}`;
  const [supervision] = await db.$queryRaw<[{ score: number | null }]>`
    SELECT AVG(score)::float8 AS score FROM supervision_score WHERE unit_id = ${unit.id}::uuid AND period = ${period}`;
  const n = (v: bigint) => Number(v);
  const resolved = n(cohort.resolved);
  return {
    period,
    cases: n(cohort.cases),
    firstResponseHours: round2(cohort.first_response_hours),
    slaCompliance: ratio(n(sla.on_time), n(sla.completed)),
    tasksCompleted: n(sla.completed),
    escalationRate: ratio(n(cohort.escalated), n(cohort.cases)),
    resolutionRate: ratio(resolved, n(cohort.closed)),
    reopenRate: ratio(n(cohort.reopened), n(cohort.ever_closed)),
    costPerResolvedCase: resolved === 0 ? null : round2(Number(cohort.money ?? 0) / resolved),
    satisfaction: round2(cohort.satisfaction),
    surveys: n(cohort.surveys),
    supervisionScore: round2(supervision.score),
  };
}
