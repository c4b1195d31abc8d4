// 3. Work-queue reads at scale: a unit's open queue sorted by due time (GET /api/tasks) and the
// manager's SLA view (GET /api/sla/overview) with 10,000 and then 100,000 cases loaded, each next
// to the same query in plain SQL. With options, at other scales and with the manager's home page
// (the KPI dashboard's reads and the SLA overview), as `npm run scale` measures them (scale-reads.ts).
import pg from 'pg';
import { addCommunities, counts, loadCases } from './bulk-load.ts';
import { expectStatus, listQuery, signIn, type Session } from './http.ts';
import { loadAverage, startCpuSampler, withDescendants } from './processes.ts';
import { result, versions, type BenchResult, type Target } from './results.ts';
import { round, summarise, table, timed, type Summary } from './stats.ts';
import { startSystem } from './system.ts';

const TASKS_PER_CASE = 5;
const WARM_UP = 30;

/** The inbox's unit queue as the admin asks for it: open tasks of my unit and below, by due time, first page. */
const queuePath = listQuery({ filter: { scope: 'unit', status: 'OPEN' }, sort: ['dueAt', 'ASC'], range: [0, 24] });

/**
 * The same page and total in plain SQL, as the API asks for them (api/src/domain/tasks/unit-queue.ts):
 * each unit of the subtree gives its first tasks through the index (unit_id, status, due_at) and
 * only those are sorted; the total is the sum of the per-unit open-task counters. The API runs the
 * two queries concurrently, so does this. For staff's unit queue the API has no case condition: a
 * task's unit is always in its case's chain.
 */
const QUEUE_PAGE_SQL = `
  SELECT t.id, t.case_id, t.kind, t.title, t.status, t.unit_id, u.name AS unit_name, t.assignee_id, a.display_name AS assignee_name,
         t.due_at, t.breached_at, t.created_at, t.completed_at, c.case_no, c.state, c.emergency, c.flags, p.name AS person_name
  FROM (SELECT t.* FROM org_unit u
        CROSS JOIN LATERAL (SELECT t.* FROM task t WHERE t.unit_id = u.id AND t.status = 'OPEN' ORDER BY t.due_at, t.id LIMIT 25) t
        WHERE u.path LIKE $1
        ORDER BY t.due_at, t.id
        LIMIT 25) t
  JOIN org_unit u ON u.id = t.unit_id
  JOIN "case" c ON c.id = t.case_id
  JOIN person p ON p.id = c.person_id
  LEFT JOIN app_user a ON a.id = t.assignee_id
  ORDER BY t.due_at, t.id`;
const QUEUE_COUNT_SQL = `
  SELECT coalesce(sum(s.open), 0)::int AS n
  FROM unit_sla_count s JOIN org_unit u ON u.id = s.unit_id
  WHERE u.path LIKE $1`;
/** What both must find: the page sorted over the whole subtree, and the open tasks counted. */
const QUEUE_CHECK_PAGE_SQL = `
  SELECT t.id FROM task t JOIN org_unit u ON u.id = t.unit_id
  WHERE t.status = 'OPEN' AND u.path LIKE $1
  ORDER BY t.due_at, t.id
  LIMIT 25`;
const QUEUE_CHECK_COUNT_SQL = `
  SELECT count(*)::int AS n
  FROM task t JOIN org_unit u ON u.id = t.unit_id
  WHERE t.status = 'OPEN' AND u.path LIKE $1`;
/** The API's SLA overview statement (api/src/routes/sla/sla.ts), verbatim. */
const SLA_SQL = `
  SELECT u.id AS unit_id, u.name, u.level::text AS level, s.open,
         (s.open_warned - coalesce(l.overdue_warned, 0) + coalesce(l.warned, 0))::int AS warned,
         (s.open_breached + coalesce(l.overdue, 0))::int AS overdue,
         s.breached, s.total
  FROM org_unit u JOIN unit_sla_count s ON s.unit_id = u.id LEFT JOIN sla_pending() l ON l.unit_id = u.id
  WHERE u.path LIKE $1 AND s.total > 0
  ORDER BY overdue DESC, s.open DESC, u.name`;

/** The unit of the user a query runs as. */
interface Reader {
  id: string;
  path: string;
}

interface Query {
  key: string;
  label: string;
  who: string;
  api: (s: Session) => Promise<unknown>;
  sql: (pool: pg.Pool, unit: Reader) => Promise<unknown>;
}

const READS: Query[] = [
  {
    key: 'queueTownship',
    label: 'unit queue of a township (caseworker, 锦官驿街道)',
    who: 'caseworker',
    api: async (s) => expectStatus(await s.request('GET', `/api/tasks${queuePath}`), 200, 'unit queue').json(),
    sql: (pool, { path }) =>
      Promise.all([pool.query(QUEUE_PAGE_SQL, [`${path}%`]), pool.query(QUEUE_COUNT_SQL, [`${path}%`])]),
  },
  {
    key: 'queueDistrict',
    label: 'unit queue of a district (supervisor, 锦江区)',
    who: 'district.supervisor',
    api: async (s) => expectStatus(await s.request('GET', `/api/tasks${queuePath}`), 200, 'unit queue').json(),
    sql: (pool, { path }) =>
      Promise.all([pool.query(QUEUE_PAGE_SQL, [`${path}%`]), pool.query(QUEUE_COUNT_SQL, [`${path}%`])]),
  },
  {
    key: 'slaCity',
    label: 'SLA overview, whole city (manager)',
    who: 'manager',
    api: async (s) => expectStatus(await s.request('GET', '/api/sla/overview'), 200, 'SLA overview').json(),
    sql: (pool, { path }) => pool.query(SLA_SQL, [`${path}%`]),
  },
  {
    key: 'slaTownship',
    label: 'SLA overview, one township (supervisor)',
    who: 'supervisor',
    api: async (s) => expectStatus(await s.request('GET', '/api/sla/overview'), 200, 'SLA overview').json(),
    sql: (pool, { path }) => pool.query(SLA_SQL, [`${path}%`]),
  },
];

/** Months are Beijing months, as the API counts them (api/src/domain/kpis/compute-kpis.ts periodRange). */
const BEIJING_MS = 8 * 3_600_000;
const monthOf = (at: number) => new Date(at + BEIJING_MS).toISOString().slice(0, 7);
function addMonths(month: string, n: number): string {
  const [year, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(year, m - 1 + n, 1)).toISOString().slice(0, 7);
}
function periodRange(period: string): [Date, Date] {
  const [year, month] = period.split('-').map(Number) as [number, number];
  return [new Date(Date.UTC(year, month - 1, 1) - BEIJING_MS), new Date(Date.UTC(year, month, 1) - BEIJING_MS)];
}
/** What the KPI dashboard (admin/src/evaluation/kpis/KpiDashboard.tsx) opens on: last month, and a trend of six months to this one. */
const KPI_PERIOD = addMonths(monthOf(Date.now()), -1);
const KPI_TREND = { from: addMonths(monthOf(Date.now()), -5), to: monthOf(Date.now()) };
const KPI_MONTHS = Array.from({ length: 6 }, (_, i) => addMonths(KPI_TREND.from, i));

/** findCenter and compareCenters' children (api/src/domain/kpis/), as Prisma asks for them. */
const CENTER_SQL = 'SELECT id, name, level::text AS level, path FROM org_unit WHERE id = $1';
const CHILDREN_SQL = `SELECT id, name, level::text AS level, path FROM org_unit WHERE parent_id = $1 AND level <> 'COMMUNITY' ORDER BY code`;
/** computeKpisTable's statement (api/src/domain/kpis/compute-kpis.ts), verbatim but for the placeholders. */
const KPI_SQL = `
    WITH c AS (
      SELECT * FROM unnest($1::uuid[], $2::text[]) WITH ORDINALITY AS c(id, path, i)
    ), p AS (
      SELECT * FROM unnest($3::text[], $4::timestamptz[],
                           $5::timestamptz[]) WITH ORDINALITY AS p(period, start_at, end_at, j)
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

/** The KPIs of centers for months in plain SQL, as computeKpisTable asks for them: one statement. */
async function kpisSql(pool: pg.Pool, units: Reader[], periods: string[]): Promise<{ cases: number }[]> {
  const ranges = periods.map(periodRange);
  const { rows } = await pool.query<{ cases: number }>(KPI_SQL, [
    units.map((u) => u.id),
    units.map((u) => u.path),
    periods,
    ranges.map(([start]) => start.toISOString()),
    ranges.map(([, end]) => end.toISOString()),
  ]);
  return rows;
}

const kpiPaths = {
  kpis: `/api/kpis?period=${KPI_PERIOD}`,
  compare: `/api/kpis/compare?period=${KPI_PERIOD}`,
  trend: `/api/kpis/trend?from=${KPI_TREND.from}&to=${KPI_TREND.to}`,
};
const getJson = async (s: Session, path: string, what: string) =>
  expectStatus(await s.request('GET', path), 200, what).json() as unknown;

const managerKpis: Pick<Query, 'api' | 'sql'> = {
  api: (s) => getJson(s, kpiPaths.kpis, 'KPIs'),
  sql: async (pool, unit) => {
    await pool.query(CENTER_SQL, [unit.id]);
    return (await kpisSql(pool, [unit], [KPI_PERIOD]))[0]!;
  },
};
const managerCompare: Pick<Query, 'api' | 'sql'> = {
  api: (s) => getJson(s, kpiPaths.compare, 'KPI comparison'),
  sql: async (pool, unit) => {
    await pool.query(CENTER_SQL, [unit.id]);
    const children = await pool.query<Reader>(CHILDREN_SQL, [unit.id]);
    return kpisSql(pool, [unit, ...children.rows], [KPI_PERIOD]);
  },
};
const managerTrend: Pick<Query, 'api' | 'sql'> = {
  api: (s) => getJson(s, kpiPaths.trend, 'KPI trend'),
  sql: async (pool, unit) => {
    await pool.query(CENTER_SQL, [unit.id]);
    return kpisSql(pool, [unit], KPI_MONTHS);
  },
};
const managerSla: Pick<Query, 'api' | 'sql'> = {
  api: (s) => getJson(s, '/api/sla/overview', 'SLA overview'),
  sql: (pool, { path }) => pool.query(SLA_SQL, [`${path}%`]),
};

/**
 * The manager's home page as it can be put together today (the page itself is a later issue): the
 * KPI dashboard's three reads, which it sends at once, and the SLA overview; each read alone, and
 * the four at once (the page is there when the last one answers).
 */
const MANAGER_HOME: Query[] = [
  { key: 'kpisCity', label: 'KPIs of the city, last month (manager)', who: 'manager', ...managerKpis },
  {
    key: 'kpisCompareCity',
    label: 'KPIs of the city and its districts (manager)',
    who: 'manager',
    ...managerCompare,
  },
  { key: 'kpisTrendCity', label: 'KPI trend of the city, 6 months (manager)', who: 'manager', ...managerTrend },
  {
    key: 'managerHome',
    label: "manager's home page: the 3 KPI reads + SLA overview at once",
    who: 'manager',
    api: (s) => Promise.all([managerKpis, managerCompare, managerTrend, managerSla].map((q) => q.api(s))),
    sql: (pool, unit) =>
      Promise.all([managerKpis, managerCompare, managerTrend, managerSla].map((q) => q.sql(pool, unit))),
  },
];

export interface QueueReadsOptions {
  /** The result's name, hence its file under bench/results/. */
  name?: string;
  /** Cases to load, in increasing order; every read is measured at each. */
  scales?: number[];
  /** Measured requests per read and scale, at most. */
  iterations?: number;
  /** A read is measured at most this long per scale. */
  budgetMs?: number;
  /** Also measure the manager's home page (the KPI dashboard's reads and the SLA overview, at once). */
  managerHome?: boolean;
  /** Whether API p95 / plain SQL p95 < 3× is a target (issue 7) or only reported. */
  vsSqlTarget?: boolean;
}

const QUEUE_READS_DEFAULTS = {
  name: 'queue-reads',
  scales: (process.env.BENCH_QUEUE_SCALES ?? '10000,100000').split(',').map(Number),
  iterations: Number(process.env.BENCH_QUEUE_ITERATIONS ?? 500),
  /** The SLA aggregate at 100,000 cases used to be slow. */
  budgetMs: Number(process.env.BENCH_QUEUE_BUDGET_S ?? 45) * 1000,
  managerHome: false,
  vsSqlTarget: true,
} satisfies Required<QueueReadsOptions>;

interface Measured {
  api: Summary;
  sql: Summary;
  ratioP95: number;
}

/**
 * Loads each scale in turn and measures every read at it, API and plain SQL interleaved; the result
 * has per scale the p50/p95 of both and their ratio, and the p95 growth from the first scale to the last.
 */
export async function queueReads(options: QueueReadsOptions = {}): Promise<BenchResult> {
  const {
    name,
    scales: SCALES,
    iterations: ITERATIONS,
    budgetMs: BUDGET_MS,
    managerHome,
    vsSqlTarget,
  } = { ...QUEUE_READS_DEFAULTS, ...options };
  const QUERIES = managerHome ? [...READS, ...MANAGER_HOME] : READS;
  const started = performance.now();
  const loadBefore = loadAverage();
  // Reads need no worker; the API still connects to Temporal at start.
  const sys = await startSystem({ worker: false });
  // As many connections as the API's pool: the manager's KPI reads run their statements concurrently.
  const pool = new pg.Pool({ connectionString: sys.database.url, max: 10 });
  // The loader's own connection (the measured plain SQL runs on the pool).
  const client = new pg.Client({ connectionString: sys.database.url });
  await client.connect();
  const notes: string[] = [];
  try {
    const user = async (username: string) =>
      (
        await client.query<{ id: string; org_unit_id: string; path: string }>(
          'SELECT u.id, u.org_unit_id, o.path FROM app_user u JOIN org_unit o ON o.id = u.org_unit_id WHERE username = $1',
          [username],
        )
      ).rows[0]!;
    const [station, caseworker] = [await user('station'), await user('caseworker')];
    const added = await addCommunities(client);
    console.log(`  ${added} service stations (communities) added so that every township has some`);
    const sessions: Record<string, Session> = {};
    const units: Record<string, Reader> = {};
    for (const q of QUERIES) {
      sessions[q.who] = await signIn(sys.baseUrl, q.who);
      const { org_unit_id: id, path } = await user(q.who);
      units[q.who] = { id, path };
    }

    const perScale: Record<
      string,
      {
        rows: Awaited<ReturnType<typeof counts>>;
        loadSeconds: number;
        queueSizes: Record<string, number>;
        /** Cases the city's KPIs of last month count. */
        kpiCohort: number | undefined;
        queries: Record<string, Measured>;
      }
    > = {};
    let loaded = 0;
    for (const scale of SCALES) {
      const load = await timed(async () => {
        // As any bulk load would: the per-row counter triggers (SLA on task, KPIs on case) off, the
        // counters rebuilt once after.
        await client.query('ALTER TABLE task DISABLE TRIGGER task_sla_count');
        await client.query('ALTER TABLE "case" DISABLE TRIGGER case_kpi_count');
        for (let from = loaded; from < scale; from += 25_000) {
          const to = Math.min(from + 25_000, scale);
          await loadCases(client, {
            from,
            to,
            createdById: station.id,
            caseworkerId: caseworker.id,
            demoTownshipId: caseworker.org_unit_id,
          });
          process.stdout.write(`\r  loading cases: ${to.toLocaleString('en')} / ${scale.toLocaleString('en')}`);
        }
        await client.query('SELECT unit_sla_count_rebuild()');
        await client.query('SELECT unit_kpi_count_rebuild()');
        await client.query('ALTER TABLE task ENABLE TRIGGER task_sla_count');
        await client.query('ALTER TABLE "case" ENABLE TRIGGER case_kpi_count');
        await client.query('VACUUM ANALYZE task');
        await client.query('VACUUM ANALYZE "case"');
        await client.query('VACUUM ANALYZE person');
        await client.query('VACUUM ANALYZE case_kpi, unit_kpi_count, unit_kpi_response');
        await client.query('ANALYZE org_unit');
      });
      loaded = scale;
      const rows = await counts(client);
      console.log(
        `\r  ${rows.cases.toLocaleString('en')} cases, ${rows.tasks.toLocaleString('en')} tasks (${rows.openTasks.toLocaleString('en')} open) loaded in ${round(load.ms / 1000)} s`,
      );

      // The queues as the API and the plain SQL answer them must be the page and the count taken over
      // the whole subtree.
      const queueSizes: Record<string, number> = {};
      for (const q of QUERIES.filter((each) => each.key.startsWith('queue'))) {
        const prefix = `${units[q.who]!.path}%`;
        const checkIds = (await client.query<{ id: string }>(QUEUE_CHECK_PAGE_SQL, [prefix])).rows.map((r) => r.id);
        const checkTotal = (await client.query<{ n: number }>(QUEUE_CHECK_COUNT_SQL, [prefix])).rows[0]!.n;
        const res = await sessions[q.who]!.request('GET', `/api/tasks${queuePath}`);
        const apiIds = (res.json() as { id: string }[]).map((t) => t.id);
        const apiTotal = Number(String(res.headers['content-range']).split('/')[1]);
        const [page, total] = (await q.sql(pool, units[q.who]!)) as [
          pg.QueryResult<{ id: string }>,
          pg.QueryResult<{ n: number }>,
        ];
        const sqlIds = page.rows.map((r) => r.id);
        if (JSON.stringify(apiIds) !== JSON.stringify(checkIds) || JSON.stringify(sqlIds) !== JSON.stringify(checkIds))
          throw new Error(`${q.key}: the API's or the plain SQL's page differs from the subtree's first 25 tasks`);
        if (apiTotal !== checkTotal || total.rows[0]!.n !== checkTotal)
          throw new Error(
            `${q.key}: the API counts ${apiTotal}, the plain SQL ${total.rows[0]!.n}, the task table ${checkTotal}`,
          );
        queueSizes[q.key] = apiTotal;
      }
      // The manager's KPIs, read from counters, must count the cases the case table holds.
      let kpiCohort: number | undefined;
      if (managerHome) {
        const [start, end] = periodRange(KPI_PERIOD);
        const { rows: counted } = await client.query<{ n: number }>(
          'SELECT count(*)::int AS n FROM "case" c JOIN org_unit o ON o.id = c.origin_unit_id WHERE o.path LIKE $1 AND c.created_at >= $2 AND c.created_at < $3',
          [`${units.manager!.path}%`, start, end],
        );
        kpiCohort = counted[0]!.n;
        const apiCases = ((await managerKpis.api(sessions.manager!)) as { cases: number }).cases;
        const sqlCases = ((await managerKpis.sql(pool, units.manager!)) as { cases: number }).cases;
        if (apiCases !== kpiCohort || sqlCases !== kpiCohort)
          throw new Error(
            `kpisCity: the API counts ${apiCases} cases, the plain SQL ${sqlCases}, the case table ${kpiCohort}`,
          );
      }

      const queries: Record<string, Measured> = {};
      const cpu = startCpuSampler({
        api: () => withDescendants(sys.pids.api),
        postgres: async () =>
          (
            await client.query<{ pid: number }>('SELECT pid FROM pg_stat_activity WHERE datname = current_database()')
          ).rows.map((r) => r.pid),
        bench: () => [process.pid],
      });
      for (const q of QUERIES) {
        const session = sessions[q.who]!;
        const unit = units[q.who]!;
        const api: number[] = [];
        const sql: number[] = [];
        // Warm-up, cut short for a slow read (a tenth of its budget, at least three requests).
        const warming = performance.now();
        for (let i = 0; i < WARM_UP && (i < 3 || performance.now() - warming < BUDGET_MS / 10); i++) {
          await q.api(session);
          await q.sql(pool, unit);
        }
        const began = performance.now();
        // API and plain SQL interleaved, so both see the same machine.
        for (let i = 0; i < ITERATIONS && performance.now() - began < BUDGET_MS; i++) {
          api.push((await timed(() => q.api(session))).ms);
          sql.push((await timed(() => q.sql(pool, unit))).ms);
        }
        const [a, s] = [summarise(api), summarise(sql)];
        queries[q.key] = { api: a, sql: s, ratioP95: round(a.p95 / s.p95, 2) };
      }
      const cpuFigures = await cpu.stop();
      perScale[String(scale)] = { rows, loadSeconds: round(load.ms / 1000), queueSizes, kpiCohort, queries };
      console.log(
        table([
          [`${scale.toLocaleString('en')} cases`, 'n', 'API p50', 'API p95', 'SQL p50', 'SQL p95', 'API/SQL p95'],
          ...QUERIES.map((q) => {
            const m = queries[q.key]!;
            return [q.label, m.api.n, m.api.p50, m.api.p95, m.sql.p50, m.sql.p95, `${m.ratioP95}×`];
          }),
        ]),
      );
      console.log(
        `  CPU (% of one core): ${Object.entries(cpuFigures)
          .map(([k, v]) => `${k} ${v.meanPct}`)
          .join(', ')}`,
      );
      if (cpuFigures.other!.meanPct > 20)
        notes.push(
          `At ${scale.toLocaleString('en')} cases processes outside the benchmark used ${cpuFigures.other!.meanPct} % of a core on average: the figures are disturbed.`,
        );
    }

    const [small, large] = [perScale[String(SCALES[0])]!, perScale[String(SCALES.at(-1))]!];
    const growth = (key: string, of: 'api' | 'sql' = 'api') =>
      round(large.queries[key]![of].p95 / small.queries[key]![of].p95, 2);
    const targets: Record<string, Target> = {};
    const targeted: [string, string][] = [
      ['queueTownship', "a township's unit queue (GET /api/tasks)"],
      ['queueDistrict', "a district's unit queue (GET /api/tasks)"],
      ['slaCity', 'manager SLA view (GET /api/sla/overview)'],
      ...(managerHome
        ? ([
            ['managerHome', "manager's home page (GET /api/kpis, /kpis/compare, /kpis/trend, /sla/overview at once)"],
          ] as [string, string][])
        : []),
    ];
    for (const [key, what] of targeted) {
      const m = large.queries[key]!;
      targets[`${key}P95`] = {
        what: `${what} p95 at ${SCALES.at(-1)!.toLocaleString('en')} cases`,
        target: '< 30 ms',
        value: m.api.p95,
        unit: 'ms',
        met: m.api.p95 < 30,
      };
      if (vsSqlTarget)
        targets[`${key}VsSql`] = {
          what: `${what} p95 / plain SQL p95`,
          target: '< 3×',
          value: m.ratioP95,
          unit: '×',
          met: m.ratioP95 < 3,
        };
      targets[`${key}Growth`] = {
        what: `${what} p95 growth ${SCALES[0]!.toLocaleString('en')} → ${SCALES.at(-1)!.toLocaleString('en')} cases`,
        target: '< 1.5×',
        value: growth(key),
        unit: '×',
        met: growth(key) < 1.5,
      };
    }
    notes.push(
      `Cases and tasks are loaded with INSERT … SELECT generate_series (bench/src/bulk-load.ts), ${TASKS_PER_CASE} tasks a case, spread evenly over the ${added ? 'townships (three stations added to each township the seed has none for)' : 'townships'}: about 25 % of cases closed, 5 % escalated to the district, the rest with one open task (one in ten with two), due from 3 days overdue to 17 days ahead.`,
      `Each query: ${WARM_UP} warm-up requests, then up to ${ITERATIONS} (or ${BUDGET_MS / 1000} s) sequential requests, API and plain SQL interleaved; plain SQL runs through pg from the benchmark process (for the queue: the page and the total, concurrently, as the API does).`,
      `The unit queue is answered by the API as one query for the page's ids (each unit of the subtree gives its first tasks through the index (unit_id, status, due_at), only those are sorted), Prisma's query for those rows and four for the included relations, and the sum of the per-unit open-task counters for the total, plus the session look-up; the plain SQL is one query for the page (the same per-unit reading, with joins) and one for the total. Both are checked at each scale against the page sorted over the whole subtree and the open tasks counted.`,
      `The SLA overview reads per-unit counters that a trigger on task keeps (rebuilt once after each bulk load, with the trigger off during it), plus the open tasks whose warning or breach the workflows have not recorded yet (few here: the loader records them as the SLA timers would, and only those that fall due during the run stay unrecorded, no worker running), so its cost follows the number of units, not of tasks; that second part runs without JIT compilation (migration 20261203010000_sla_pending_no_jit), which the planner's estimate would otherwise start at 1,000,000 cases.`,
    );
    if (managerHome)
      notes.push(
        `The manager's home page does not exist yet: it is measured as what a manager opens today, the KPI dashboard (admin/src/evaluation/kpis/KpiDashboard.tsx: GET /api/kpis?period=${KPI_PERIOD}, /api/kpis/compare?period=${KPI_PERIOD} and /api/kpis/trend?from=${KPI_TREND.from}&to=${KPI_TREND.to}, sent at once) and the SLA overview, the four requests at once; the plain SQL runs the same statements (api/src/domain/kpis/compute-kpis.ts verbatim: one statement for all the centers and months of a request; Prisma's look-ups of the center and its children written out) with the same concurrency, on a pool as large as the API's (10).`,
        `The KPIs read per-unit monthly counters that triggers on case, case_event, match, delivery and survey keep (migration 20261203000000_kpi_counters; rebuilt once after each bulk load, with the case trigger off during it), so their cost follows the number of units, not of cases; before them, each KPI request aggregated every case of the month under the center (the city's last month: about a third of all cases loaded).`,
        `The loader writes no case events, deliveries, surveys or supervision scores: the counters of escalation, reopening, first response, cost and satisfaction are zero here (which does not change the counters' read cost, one row per unit and month).`,
      );
    return result({
      name,
      description: managerHome
        ? "Reads at scale: a unit's open queue by due time, the SLA view and the manager's home page (KPI dashboard and SLA overview), with bulk-loaded cases, next to plain SQL"
        : "Work-queue reads at scale: a unit's open queue by due time and the manager's SLA view, with bulk-loaded cases, next to plain SQL",
      startedAt: new Date(Date.now() - (performance.now() - started)).toISOString(),
      loadBefore,
      started,
      versions: await versions(sys.database.url, sys.temporal.cli),
      figures: {
        scales: perScale,
        growthP95: Object.fromEntries(QUERIES.map((q) => [q.key, growth(q.key)])),
        sqlGrowthP95: Object.fromEntries(QUERIES.map((q) => [q.key, growth(q.key, 'sql')])),
        labels: Object.fromEntries(QUERIES.map((q) => [q.key, q.label])),
      },
      targets,
      notes,
    });
  } finally {
    await client.end();
    await pool.end();
    await sys.stop();
  }
}
