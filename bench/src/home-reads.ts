// 5. Home pages and the map at scale (issue 15): GET /api/home for each role and GET /api/home/map
// (the districts, and one district's townships) with 100,000 cases loaded, each next to the plain SQL
// it needs. Target: p95 under 300 ms at 100,000 cases.
import pg from 'pg';
import { addCommunities, counts, loadCases } from './bulk-load.ts';
import { expectStatus, signIn, type Session } from './http.ts';
import { loadAverage, startCpuSampler, withDescendants } from './processes.ts';
import { result, versions, type BenchResult, type Target } from './results.ts';
import { round, summarise, table, timed, type Summary } from './stats.ts';
import { startSystem } from './system.ts';
import { MAP_SQL } from '@guanai/api/home/map';
import { OPEN_BY_STATE_AND_TIER_SQL } from '@guanai/api/home/manager';

const SCALES = (process.env.BENCH_HOME_SCALES ?? '100000').split(',').map(Number);
const ITERATIONS = Number(process.env.BENCH_HOME_ITERATIONS ?? 200);
const BUDGET_MS = Number(process.env.BENCH_HOME_BUDGET_S ?? 20) * 1000;
const WARM_UP = 20;
const TARGET_MS = 300;
const BEIJING_MS = 8 * 3_600_000;

/** The caseworker's five counts (api/src/domain/home/caseworker-home.ts), as Prisma asks for them, at once. */
const CASEWORKER_SQL = [
  `SELECT count(*)::int AS n FROM task WHERE assignee_id = $1 AND status = 'OPEN' AND due_at >= $2 AND due_at < $3`,
  `SELECT count(*)::int AS n FROM task WHERE assignee_id = $1 AND status = 'OPEN' AND due_at < $2`,
  `SELECT count(*)::int AS n FROM task t JOIN "case" c ON c.id = t.case_id WHERE t.assignee_id = $1 AND t.status = 'OPEN' AND c.emergency`,
  `SELECT count(*)::int AS n FROM task t JOIN org_unit u ON u.id = t.unit_id WHERE u.path LIKE $1 AND t.status = 'OPEN' AND t.assignee_id IS NULL`,
  `SELECT count(*)::int AS n FROM "case" c WHERE c.updated_at > $2 AND (
     c.owning_unit_id = ANY(ARRAY(SELECT id FROM org_unit WHERE path LIKE $1)) OR c.origin_unit_id = ANY(ARRAY(SELECT id FROM org_unit WHERE path LIKE $1)))`,
];
/** The supervisor's team, approvals, escalations and returned cases (supervisor-home.ts). */
const TEAM_SQL = `
  SELECT u.id, u.display_name AS name, u.role::text AS role,
         count(t.id)::int AS open, (count(t.id) FILTER (WHERE t.due_at < $2))::int AS overdue
  FROM app_user u LEFT JOIN task t ON t.assignee_id = u.id AND t.status = 'OPEN'
  WHERE u.org_unit_id = $1::uuid AND u.active AND u.role IN ('CASEWORKER', 'SUPERVISOR')
  GROUP BY u.id ORDER BY overdue DESC, open DESC, u.display_name`;
const AT_UNIT_SQL = `SELECT count(*)::int AS n FROM task WHERE unit_id = $1 AND status = 'OPEN' AND kind = $2`;
const UNIT_OVERDUE_SQL = `SELECT count(*)::int AS n FROM task t JOIN org_unit u ON u.id = t.unit_id WHERE u.path LIKE $1 AND t.status = 'OPEN' AND t.due_at < $2`;
const RETURNED_SQL = `
  SELECT count(*)::int AS n FROM "case" c WHERE c.status = 'OPEN' AND (c.data #> '{escalations,-1,outcome}') = '"RETURNED"'
    AND (c.owning_unit_id = ANY(ARRAY(SELECT id FROM org_unit WHERE path LIKE $1)) OR c.origin_unit_id = ANY(ARRAY(SELECT id FROM org_unit WHERE path LIKE $1)))`;
/** sla-overview.ts, verbatim. */
const SLA_SQL = `
  SELECT u.id AS unit_id, u.name, u.level::text AS level, s.open,
         (s.open_warned - coalesce(l.overdue_warned, 0) + coalesce(l.warned, 0))::int AS warned,
         (s.open_breached + coalesce(l.overdue, 0))::int AS overdue,
         s.breached, s.total
  FROM org_unit u JOIN unit_sla_count s ON s.unit_id = u.id LEFT JOIN sla_pending() l ON l.unit_id = u.id
  WHERE u.path LIKE $1 AND s.total > 0
  ORDER BY overdue DESC, s.open DESC, u.name`;
/** compute-kpis.ts's counters for one center and two months (the cohort part; the API adds the median and the tasks). */
const KPI_SQL = `
  SELECT k.period, sum(k.cases)::int AS cases, sum(k.closed)::int AS closed, sum(k.resolved)::int AS resolved,
         (SELECT count(*)::int FROM task t WHERE t.unit_id = $2 AND t.status = 'DONE' AND t.completed_at >= $4) AS completed
  FROM unit_kpi_count k JOIN org_unit o ON o.id = k.unit_id
  WHERE starts_with(o.path, $1) AND k.period = ANY($3::text[])
  GROUP BY k.period`;
const SESSION_SQL = `SELECT u.id FROM app_user u JOIN org_unit o ON o.id = u.org_unit_id WHERE u.id = $1`;

interface Reader {
  userId: string;
  unitId: string;
  path: string;
}
interface Read {
  key: string;
  label: string;
  who: string;
  path: string;
  sql: (pool: pg.Pool, r: Reader) => Promise<unknown>;
}

const endOfBeijingDay = (at: number) => {
  const local = new Date(at + BEIJING_MS);
  return new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate() + 1) - BEIJING_MS);
};
const months = (at: number) => {
  const local = new Date(at + BEIJING_MS);
  const previous = new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth() - 1, 1));
  return [local.toISOString().slice(0, 7), previous.toISOString().slice(0, 7)];
};
const monthStart = (period: string) => {
  const [y, m] = period.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m - 1, 1) - BEIJING_MS);
};

const caseworkerSql = (pool: pg.Pool, r: Reader) => {
  const now = new Date();
  const since = new Date(now.getTime() - 24 * 3_600_000);
  return Promise.all([
    pool.query(SESSION_SQL, [r.userId]),
    pool.query(CASEWORKER_SQL[0]!, [r.userId, now, endOfBeijingDay(now.getTime())]),
    pool.query(CASEWORKER_SQL[1]!, [r.userId, now]),
    pool.query(CASEWORKER_SQL[2]!, [r.userId]),
    pool.query(CASEWORKER_SQL[3]!, [`${r.path}%`]),
    pool.query(CASEWORKER_SQL[4]!, [`${r.path}%`, since]),
  ]);
};
const supervisorSql = (pool: pg.Pool, r: Reader) => {
  const now = new Date();
  return Promise.all([
    pool.query(TEAM_SQL, [r.unitId, now]),
    pool.query(CASEWORKER_SQL[3]!, [`${r.path}%`]),
    pool.query(UNIT_OVERDUE_SQL, [`${r.path}%`, now]),
    ...['APPROVE_PLAN', 'APPROVE_CLOSURE', 'ACCEPT_ESCALATION'].map((kind) =>
      pool.query(AT_UNIT_SQL, [r.unitId, kind]),
    ),
    pool.query(RETURNED_SQL, [`${r.path}%`]),
  ]);
};
const managerSql = (pool: pg.Pool, r: Reader) => {
  const periods = months(Date.now());
  return Promise.all([
    pool.query(OPEN_BY_STATE_AND_TIER_SQL, [r.path]),
    pool.query(SLA_SQL, [`${r.path}%`]),
    pool.query(KPI_SQL, [r.path, r.unitId, periods, monthStart(periods[1]!)]),
  ]);
};
const stationSql = (pool: pg.Pool, r: Reader) =>
  Promise.all([
    pool.query(
      `SELECT state, count(*)::int AS n FROM "case" c WHERE c.status = 'OPEN' AND (c.owning_unit_id = ANY(ARRAY(SELECT id FROM org_unit WHERE path LIKE $1)) OR c.origin_unit_id = ANY(ARRAY(SELECT id FROM org_unit WHERE path LIKE $1))) GROUP BY state`,
      [`${r.path}%`],
    ),
    pool.query(
      `SELECT c.id, c.case_no, c.state, c.updated_at, p.name FROM "case" c JOIN person p ON p.id = c.person_id WHERE (c.owning_unit_id = ANY(ARRAY(SELECT id FROM org_unit WHERE path LIKE $1)) OR c.origin_unit_id = ANY(ARRAY(SELECT id FROM org_unit WHERE path LIKE $1))) ORDER BY c.updated_at DESC, c.id LIMIT 10`,
      [`${r.path}%`],
    ),
  ]);

const READS: Read[] = [
  {
    key: 'caseworker',
    label: 'caseworker home (锦官驿街道)',
    who: 'caseworker',
    path: '/api/home',
    sql: caseworkerSql,
  },
  {
    key: 'supervisor',
    label: 'supervisor home (锦官驿街道)',
    who: 'supervisor',
    path: '/api/home',
    sql: supervisorSql,
  },
  {
    key: 'supervisorCity',
    label: 'supervisor home (city center)',
    who: 'city.supervisor',
    path: '/api/home',
    sql: supervisorSql,
  },
  { key: 'managerCity', label: 'manager home, whole city', who: 'manager', path: '/api/home', sql: managerSql },
  {
    key: 'managerDistrict',
    label: 'manager home, 锦江区',
    who: 'district.manager',
    path: '/api/home',
    sql: managerSql,
  },
  { key: 'station', label: 'station worker home (水井坊社区)', who: 'station', path: '/api/home', sql: stationSql },
  {
    key: 'partner',
    label: 'partner home (成都市慈善总会)',
    who: 'partner',
    path: '/api/home',
    sql: async () => undefined,
  },
  {
    key: 'mapCity',
    label: 'map: 23 districts, overdue rate',
    who: 'manager',
    path: '/api/home/map?figure=overdueRate',
    sql: (pool, r) => pool.query(MAP_SQL, [r.path, 'DISTRICT', null]),
  },
  {
    key: 'mapDistrict',
    label: 'map: 锦江区’s townships',
    who: 'manager',
    path: '/api/home/map?figure=open&district=510104000000',
    sql: async (pool) => {
      const { rows } = await pool.query<{ id: string; path: string }>(
        `SELECT id, path FROM org_unit WHERE code = '510104000000'`,
      );
      return pool.query(MAP_SQL, [rows[0]!.path, 'TOWNSHIP', rows[0]!.id]);
    },
  },
];

interface Measured {
  api: Summary;
  sql: Summary;
  ratioP95: number;
}

/** Loads the cases, then measures each home page and the map, API and plain SQL interleaved. */
export async function homeReads(): Promise<BenchResult> {
  const started = performance.now();
  const loadBefore = loadAverage();
  const sys = await startSystem({ worker: false });
  const pool = new pg.Pool({ connectionString: sys.database.url, max: 10 });
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
    const sessions: Record<string, Session> = {};
    const readers: Record<string, Reader> = {};
    for (const r of READS) {
      sessions[r.who] ??= await signIn(sys.baseUrl, r.who);
      const u = await user(r.who);
      readers[r.who] = { userId: u.id, unitId: u.org_unit_id, path: u.path };
    }
    const perScale: Record<string, { rows: Awaited<ReturnType<typeof counts>>; queries: Record<string, Measured> }> =
      {};
    let loaded = 0;
    for (const scale of SCALES) {
      const load = await timed(async () => {
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
        // What the home pages look for beyond the queue: 2 % of open cases returned with guidance, 3 % changed
        // in the last day.
        await client.query(`
          UPDATE "case" SET data = '{"escalations":[{"outcome":"RETURNED","guidance":"基准"}]}'::jsonb
          WHERE status = 'OPEN' AND abs(hashtext(id::text)) % 50 = 0`);
        await client.query(
          `UPDATE "case" SET updated_at = now() - interval '1 minute' * (abs(hashtext(id::text || 'u')) % 1400) WHERE abs(hashtext(id::text || 'c')) % 33 = 0`,
        );
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

      // The API's numbers must be the plain SQL's: the manager's open cases and the map's.
      const home = expectStatus(await sessions.manager!.request('GET', '/api/home'), 200, 'manager home').json() as {
        openTotal: { value: number };
      };
      const open = (await managerSql(pool, readers.manager!))[0].rows as { n: number }[];
      const sqlOpen = open.reduce((sum, row) => sum + row.n, 0);
      if (home.openTotal.value !== sqlOpen)
        throw new Error(`manager home: the API counts ${home.openTotal.value} open cases, the plain SQL ${sqlOpen}`);
      const map = expectStatus(await sessions.manager!.request('GET', '/api/home/map'), 200, 'map').json() as {
        areas: { code: string; open: number }[];
      };
      const cw = expectStatus(
        await sessions.caseworker!.request('GET', '/api/home'),
        200,
        'caseworker home',
      ).json() as {
        unclaimed: { value: number };
      };
      const cwSql = (await caseworkerSql(pool, readers.caseworker!))[4].rows[0] as { n: number };
      if (cw.unclaimed.value !== cwSql.n)
        throw new Error(
          `caseworker home: the API counts ${cw.unclaimed.value} unclaimed tasks, the plain SQL ${cwSql.n}`,
        );
      notes.push(
        `At ${scale.toLocaleString('en')} cases: ${sqlOpen.toLocaleString('en')} open cases in the city (API and plain SQL agree), ${map.areas.length} districts on the map, the busiest ${map.areas.reduce((a, b) => (b.open > a.open ? b : a)).code}; the caseworker's unit has ${cw.unclaimed.value} unclaimed tasks.`,
      );

      const queries: Record<string, Measured> = {};
      const cpu = startCpuSampler({
        api: () => withDescendants(sys.pids.api),
        postgres: async () =>
          (
            await client.query<{ pid: number }>('SELECT pid FROM pg_stat_activity WHERE datname = current_database()')
          ).rows.map((r) => r.pid),
        bench: () => [process.pid],
      });
      for (const read of READS) {
        const session = sessions[read.who]!;
        const reader = readers[read.who]!;
        const get = async () => expectStatus(await session.request('GET', read.path), 200, read.key);
        for (let i = 0; i < WARM_UP; i++) {
          await get();
          await read.sql(pool, reader);
        }
        const api: number[] = [];
        const sql: number[] = [];
        const began = performance.now();
        for (let i = 0; i < ITERATIONS && performance.now() - began < BUDGET_MS; i++) {
          api.push((await timed(get)).ms);
          sql.push((await timed(() => read.sql(pool, reader))).ms);
        }
        const [a, s] = [summarise(api), summarise(sql)];
        queries[read.key] = { api: a, sql: s, ratioP95: round(a.p95 / Math.max(s.p95, 0.1), 2) };
      }
      const cpuFigures = await cpu.stop();
      perScale[String(scale)] = { rows, queries };
      console.log(
        table([
          [`${scale.toLocaleString('en')} cases`, 'n', 'API p50', 'API p95', 'SQL p50', 'SQL p95', 'API/SQL p95'],
          ...READS.map((r) => {
            const m = queries[r.key]!;
            return [r.label, m.api.n, m.api.p50, m.api.p95, m.sql.p50, m.sql.p95, `${m.ratioP95}×`];
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
    const large = perScale[String(SCALES.at(-1))]!;
    const targets: Record<string, Target> = {};
    for (const read of READS) {
      const m = large.queries[read.key]!;
      targets[`${read.key}P95`] = {
        what: `${read.label} (GET ${read.path}) p95 at ${SCALES.at(-1)!.toLocaleString('en')} cases`,
        target: `< ${TARGET_MS} ms`,
        value: m.api.p95,
        unit: 'ms',
        met: m.api.p95 < TARGET_MS,
      };
    }
    notes.push(
      `Cases and tasks are loaded as for the work-queue benchmark (bench/src/bulk-load.ts, ${added ? 'with three stations added to each township the seed has none for' : 'over the seeded communities'}); then 2 % of open cases get a last escalation returned with guidance and 3 % a change within the last day, so that the supervisor's and the caseworker's counts find some.`,
      `Each read: ${WARM_UP} warm-up requests, then up to ${ITERATIONS} (or ${BUDGET_MS / 1000} s) sequential requests, API and plain SQL interleaved; the plain SQL is the statements the API runs (copied from api/src/domain/home/ and the SLA overview; the KPIs' cohort part only), sent concurrently as the API sends them, on a pool of 10.`,
      'The loader writes no matches: the partner home counts nothing here (its reads use the match indexes by resource and status), and it has no plain SQL beside it.',
      'Population per district is not in the data (data/chengdu-divisions.csv, prisma/seed): the map offers no per-10,000 figure.',
    );
    return result({
      name: 'home-reads',
      description:
        "Home pages per role and the manager's map (GET /api/home, /api/home/map) with bulk-loaded cases, next to plain SQL",
      startedAt: new Date(Date.now() - (performance.now() - started)).toISOString(),
      loadBefore,
      started,
      versions: await versions(sys.database.url, sys.temporal.cli),
      figures: {
        scales: perScale,
        labels: Object.fromEntries(READS.map((r) => [r.key, r.label])),
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
