import fc from 'fast-check';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seed } from '../seed/seed.ts';
import { createTestDatabase, type TestDatabase } from './testing.ts';

/**
 * The KPI counters (migration 20261203000000_kpi_counters) are kept by triggers on case, case_event,
 * match, delivery and survey; whatever is written, they must equal what the cases themselves give,
 * and a center's figures read from them must be those of the KPI statement they replace.
 */
let database: TestDatabase;
let client: pg.Client;
let user: string;
let resource: string;
/** Three communities: two in one township, one in another district. */
let communities: string[] = [];
/** Every unit the communities are in, up to the city: the centers whose KPIs are compared. */
let centers: { id: string; path: string }[] = [];
const CASES = 6;
const caseId = (i: number) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
const personId = (i: number) => `00000000-0000-4000-9000-${String(i).padStart(12, '0')}`;
const matchId = (i: number, k: number) => `00000000-0000-4000-a000-${String(i * 10 + k).padStart(12, '0')}`;
/** Opening times: the last minutes of August and September in Beijing (UTC+8), so months split at 16:00 UTC. */
const OPENED = ['2026-08-31T15:30:00Z', '2026-08-31T16:30:00Z', '2026-09-12T02:00:00Z'];
const PERIODS = ['2026-08', '2026-09'];

beforeAll(async () => {
  database = await createTestDatabase();
  await seed(database.db);
  client = new pg.Client({ connectionString: database.url });
  await client.connect();
  user = (await client.query<{ id: string }>(`SELECT id FROM app_user WHERE username = 'caseworker'`)).rows[0]!.id;
  resource = (await client.query<{ id: string }>(`SELECT id FROM resource ORDER BY name LIMIT 1`)).rows[0]!.id;
  const { rows } = await client.query<{ id: string; path: string }>(
    `(SELECT id, path FROM org_unit WHERE level = 'COMMUNITY' AND path LIKE '510100000000/510104000000/510104017000/%' ORDER BY code LIMIT 2)
     UNION ALL
     (SELECT id, path FROM org_unit WHERE level = 'COMMUNITY' AND path NOT LIKE '510100000000/510104000000/%' ORDER BY code LIMIT 1)`,
  );
  communities = rows.map((r) => r.id);
  centers = (
    await client.query<{ id: string; path: string }>(
      `SELECT DISTINCT a.id, a.path FROM org_unit c JOIN org_unit a ON starts_with(c.path, a.path) WHERE c.id = ANY($1::uuid[]) ORDER BY a.path`,
      [communities],
    )
  ).rows;
  for (let i = 0; i < CASES; i++)
    await client.query(
      `INSERT INTO person (id, name, hukou, community_id, created_at, updated_at, created_by_id)
       VALUES ($1, '测试' || $2, 'CHENGDU', $3, now(), now(), $4)`,
      [personId(i), i, communities[0], user],
    );
});
afterAll(async () => {
  await client?.end();
  await database?.drop();
});

async function reset() {
  await client.query('DELETE FROM delivery');
  await client.query('DELETE FROM match');
  await client.query('DELETE FROM survey');
  // Events are append-only; the test takes them away with that guard off (the cases' deletion then uncounts them).
  await client.query('ALTER TABLE case_event DISABLE TRIGGER case_event_no_update');
  await client.query('DELETE FROM case_event');
  await client.query('ALTER TABLE case_event ENABLE TRIGGER case_event_no_update');
  await client.query('DELETE FROM "case"');
}

/** The counters as kept, and as worked out from the cases now (rows that are all zero left out). */
const KEPT = `
  SELECT period, unit_id::text, cases, escalated, closed, resolved, ever_closed, reopened, money::text, surveys, scored, score_sum::float8
  FROM unit_kpi_count WHERE cases <> 0 OR surveys <> 0 OR money <> 0 ORDER BY period, unit_id`;
const COUNTED = `
  SELECT period, unit_id::text, count(*)::int AS cases, count(*) FILTER (WHERE escalated)::int AS escalated,
         count(*) FILTER (WHERE closed)::int AS closed, count(*) FILTER (WHERE resolved)::int AS resolved,
         count(*) FILTER (WHERE ever_closed)::int AS ever_closed, count(*) FILTER (WHERE reopened)::int AS reopened,
         coalesce(sum(money) FILTER (WHERE resolved), 0)::numeric(18, 2)::text AS money, sum(surveys)::int AS surveys,
         sum(scored)::int AS scored, sum(score_sum)::float8 AS score_sum
  FROM case_kpi_source GROUP BY period, unit_id ORDER BY period, unit_id`;
const KEPT_RESPONSES = `
  SELECT unit_id::text, period, minutes, n FROM unit_kpi_response WHERE n <> 0 ORDER BY unit_id, period, minutes`;
const COUNTED_RESPONSES = `
  SELECT a::text AS unit_id, k.period, k.response_minutes AS minutes, count(*)::int AS n
  FROM case_kpi_source k CROSS JOIN LATERAL org_unit_and_ancestors(k.unit_id) a
  WHERE k.response_minutes IS NOT NULL GROUP BY a, k.period, k.response_minutes ORDER BY 1, 2, 3`;

/** A center's month as the KPI statement worked it out from the cases before the counters (its cohort part). */
const BEFORE = `
  WITH cohort AS (
    SELECT c.id, c.created_at, c.status, c.closure_reason
    FROM "case" c JOIN org_unit o ON o.id = c.origin_unit_id
    WHERE o.path LIKE $1 AND c.created_at >= $2 AND c.created_at < $3
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
    COUNT(*)::int AS cases,
    COUNT(*) FILTER (WHERE escalated)::int AS escalated,
    COUNT(*) FILTER (WHERE status = 'CLOSED')::int AS closed,
    COUNT(*) FILTER (WHERE status = 'CLOSED' AND closure_reason = 'resolved')::int AS resolved,
    COUNT(*) FILTER (WHERE ever_closed)::int AS ever_closed,
    COUNT(*) FILTER (WHERE reopened)::int AS reopened,
    (percentile_cont(0.5) WITHIN GROUP (ORDER BY response_hours))::float8 AS first_response_hours,
    coalesce((SELECT SUM(d.amount) FROM delivery d JOIN match m ON m.id = d.match_id
      WHERE d.kind = 'MONEY' AND m.status = 'ACCEPTED'
        AND m.case_id IN (SELECT id FROM cohort WHERE status = 'CLOSED' AND closure_reason = 'resolved')), 0)::numeric(18, 2)::text AS money,
    (SELECT AVG(s.score) FROM survey s WHERE s.submitted_at IS NOT NULL AND s.case_id IN (SELECT id FROM cohort))::float8 AS satisfaction,
    (SELECT COUNT(*) FROM survey s WHERE s.submitted_at IS NOT NULL AND s.case_id IN (SELECT id FROM cohort))::int AS surveys
  FROM per_case`;
/** The same from the counters, as api/src/domain/kpis/compute-kpis.ts reads them. */
const FROM_COUNTERS = `
  SELECT coalesce(sum(k.cases), 0)::int AS cases, coalesce(sum(k.escalated), 0)::int AS escalated,
         coalesce(sum(k.closed), 0)::int AS closed, coalesce(sum(k.resolved), 0)::int AS resolved,
         coalesce(sum(k.ever_closed), 0)::int AS ever_closed, coalesce(sum(k.reopened), 0)::int AS reopened,
         (SELECT ((min(h.minutes) FILTER (WHERE h.upto > (h.total - 1) / 2) + min(h.minutes) FILTER (WHERE h.upto > h.total / 2)) / 120.0)::float8
          FROM (SELECT r.minutes, sum(r.n) OVER (ORDER BY r.minutes) AS upto, sum(r.n) OVER () AS total
                FROM unit_kpi_response r WHERE r.unit_id = $2::uuid AND r.period = $3 AND r.n > 0) h) AS first_response_hours,
         coalesce(sum(k.money), 0)::numeric(18, 2)::text AS money,
         (sum(k.score_sum) / nullif(sum(k.scored), 0))::float8 AS satisfaction,
         coalesce(sum(k.surveys), 0)::int AS surveys
  FROM unit_kpi_count k JOIN org_unit o ON o.id = k.unit_id
  WHERE k.period = $3 AND o.path LIKE $1`;

function monthRange(period: string): [Date, Date] {
  const [year, month] = period.split('-').map(Number) as [number, number];
  return [new Date(Date.UTC(year, month - 1, 1) - 8 * 3_600_000), new Date(Date.UTC(year, month, 1) - 8 * 3_600_000)];
}

async function expectCountersRight() {
  expect((await client.query(KEPT)).rows).toEqual((await client.query(COUNTED)).rows);
  expect((await client.query(KEPT_RESPONSES)).rows).toEqual((await client.query(COUNTED_RESPONSES)).rows);
  for (const center of centers)
    for (const period of PERIODS) {
      const [start, end] = monthRange(period);
      const before = (await client.query(BEFORE, [`${center.path}%`, start, end])).rows[0];
      const after = (await client.query(FROM_COUNTERS, [`${center.path}%`, center.id, period])).rows[0];
      // Response times are whole minutes here, so the median to the minute is the median.
      const fixed = (row: Record<string, unknown>) => ({
        ...row,
        first_response_hours: (row.first_response_hours as number | null)?.toFixed(9) ?? null,
        satisfaction: (row.satisfaction as number | null)?.toFixed(9) ?? null,
      });
      expect(fixed(after)).toEqual(fixed(before));
    }
}

const anyCase = fc.nat({ max: CASES - 1 });
const op = fc.oneof(
  fc.record({
    kind: fc.constant('case' as const),
    i: anyCase,
    unit: fc.nat({ max: 2 }),
    opened: fc.nat({ max: OPENED.length - 1 }),
    status: fc.constantFrom('OPEN', 'SUSPENDED', 'CLOSED'),
    reason: fc.constantFrom('resolved', 'declined', null),
  }),
  fc.record({
    kind: fc.constant('event' as const),
    i: anyCase,
    type: fc.constantFrom('SCREENED', 'ESCALATE', 'CLOSE', 'REOPEN', 'ASSIGN'),
    minutes: fc.integer({ min: 0, max: 3000 }),
  }),
  fc.record({
    kind: fc.constant('match' as const),
    i: anyCase,
    k: fc.nat({ max: 1 }),
    status: fc.constantFrom('PROPOSED', 'ACCEPTED', 'CANCELLED'),
  }),
  fc.record({
    kind: fc.constant('delivery' as const),
    i: anyCase,
    k: fc.nat({ max: 1 }),
    money: fc.boolean(),
    amount: fc.integer({ min: 1, max: 500_000 }),
  }),
  fc.record({ kind: fc.constant('undeliver' as const), i: anyCase }),
  fc.record({
    kind: fc.constant('survey' as const),
    i: anyCase,
    submitted: fc.boolean(),
    score: fc.option(fc.integer({ min: 3, max: 15 }).map((n) => n / 3)),
  }),
  fc.record({ kind: fc.constant('submit' as const), i: anyCase }),
);
type Op = typeof op extends fc.Arbitrary<infer T> ? T : never;

async function apply(o: Op) {
  switch (o.kind) {
    case 'case':
      // As the projection writes a case: inserted, then its status moving on.
      await client.query(
        `INSERT INTO "case" (id, case_no, person_id, origin, situation, state, status, closure_reason, owning_unit_id, origin_unit_id, created_by_id, created_at)
         VALUES ($1, 'K-' || $2, $3, 'SELF_APPLICATION', '测试', 'x', $4::"CaseStatus", $5, $6, $6, $7, $8)
         ON CONFLICT (id) DO UPDATE SET status = EXCLUDED.status, closure_reason = EXCLUDED.closure_reason, origin_unit_id = EXCLUDED.origin_unit_id, created_at = EXCLUDED.created_at`,
        [
          caseId(o.i),
          o.i,
          personId(o.i),
          o.status,
          o.status === 'CLOSED' ? o.reason : null,
          communities[o.unit],
          user,
          OPENED[o.opened],
        ],
      );
      return;
    case 'event':
      await client.query(
        `INSERT INTO case_event (case_id, seq, type, to_state, at)
         SELECT c.id, coalesce((SELECT max(seq) FROM case_event WHERE case_id = c.id), 0) + 1, $2,
                CASE $2 WHEN 'CLOSE' THEN 'closed' ELSE 'assessment' END, c.created_at + $3 * interval '1 minute'
         FROM "case" c WHERE c.id = $1`,
        [caseId(o.i), o.type, o.minutes],
      );
      return;
    case 'match':
      await client.query(
        `INSERT INTO match (id, case_id, need_index, category, resource_id, status, proposed_by_id)
         SELECT $1, c.id, 0, 'MEDICAL', $3, $4::"MatchStatus", $5 FROM "case" c WHERE c.id = $2
         ON CONFLICT (id) DO UPDATE SET status = EXCLUDED.status`,
        [matchId(o.i, o.k), caseId(o.i), resource, o.status, user],
      );
      return;
    case 'delivery':
      await client.query(
        `INSERT INTO delivery (id, match_id, kind, description, amount, delivered_on, delivered_by_id)
         SELECT gen_random_uuid(), m.id, $2::"DeliveryKind", '援助', $3::numeric / 100, current_date, $4 FROM match m WHERE m.id = $1`,
        [matchId(o.i, o.k), o.money ? 'MONEY' : 'SERVICE', o.amount, user],
      );
      return;
    case 'undeliver':
      await client.query(
        `DELETE FROM delivery WHERE id = (SELECT d.id FROM delivery d JOIN match m ON m.id = d.match_id WHERE m.case_id = $1 ORDER BY d.id LIMIT 1)`,
        [caseId(o.i)],
      );
      return;
    case 'survey':
      await client.query(
        `INSERT INTO survey (id, case_id, channel, score, created_by_id, submitted_at)
         SELECT gen_random_uuid(), c.id, 'CASEWORKER', $2, $3, CASE WHEN $4 THEN now() END FROM "case" c WHERE c.id = $1`,
        [caseId(o.i), o.score, user, o.submitted],
      );
      return;
    case 'submit':
      await client.query(`UPDATE survey SET submitted_at = now() WHERE case_id = $1 AND submitted_at IS NULL`, [
        caseId(o.i),
      ]);
      return;
  }
}

describe('KPI counters per unit and month', () => {
  it('equal what the cases give, and give each center the figures of the statement they replace, after any sequence of writes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 30 }), async (ops) => {
        await reset();
        for (const o of ops) await apply(o);
        await expectCountersRight();
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 40) },
    );
    // Everything deleted: nothing is left counted.
    await reset();
    expect((await client.query(KEPT)).rows).toEqual([]);
    expect((await client.query(KEPT_RESPONSES)).rows).toEqual([]);
  });

  it('stay right when transactions write to cases of the same unit and month at the same time', async () => {
    await reset();
    for (let i = 0; i < CASES; i++) await apply({ kind: 'case', i, unit: 0, opened: 2, status: 'OPEN', reason: null });
    const others = await Promise.all(
      Array.from({ length: CASES }, async () => {
        const c = new pg.Client({ connectionString: database.url });
        await c.connect();
        return c;
      }),
    );
    try {
      await Promise.all(
        others.map(async (c, i) => {
          for (let seq = 1; seq <= 6; seq++) {
            await c.query('BEGIN');
            // Whole minutes after opening, so that the median to the minute is the median.
            await c.query(
              `INSERT INTO case_event (case_id, seq, type, to_state, at)
               SELECT id, $2, $3, $4, created_at + $5 * interval '1 minute' FROM "case" WHERE id = $1`,
              [caseId(i), seq, seq % 2 ? 'SCREENED' : 'CLOSE', seq % 2 ? 'assessment' : 'closed', 7 * i + seq],
            );
            await c.query(`UPDATE "case" SET status = $2::"CaseStatus", closure_reason = $3 WHERE id = $1`, [
              caseId(i),
              seq % 2 ? 'OPEN' : 'CLOSED',
              seq % 2 ? null : 'resolved',
            ]);
            await c.query('COMMIT');
          }
        }),
      );
    } finally {
      await Promise.all(others.map((c) => c.end()));
    }
    expect((await client.query(KEPT)).rows).toEqual([
      expect.objectContaining({ cases: CASES, closed: CASES, resolved: CASES, ever_closed: CASES }),
    ]);
    await expectCountersRight();
  });

  it('are counted again by unit_kpi_count_rebuild() after a load with the case trigger off', async () => {
    await reset();
    await client.query('ALTER TABLE "case" DISABLE TRIGGER case_kpi_count');
    for (let i = 0; i < 3; i++)
      await apply({ kind: 'case', i, unit: i, opened: i, status: 'CLOSED', reason: 'resolved' });
    await client.query('ALTER TABLE "case" ENABLE TRIGGER case_kpi_count');
    expect((await client.query(KEPT)).rows).toEqual([]);
    await client.query('SELECT unit_kpi_count_rebuild()');
    expect((await client.query(KEPT)).rows).toHaveLength(3);
    await expectCountersRight();
  });
});
