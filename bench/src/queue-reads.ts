// 3. Work-queue reads at scale: a unit's open queue sorted by due time (GET /api/tasks) and the
// manager's SLA view (GET /api/sla/overview) with 10,000 and then 100,000 cases loaded, each next
// to the same query in plain SQL.
import pg from 'pg';
import { addCommunities, counts, loadCases } from './bulk-load.ts';
import { expectStatus, listQuery, signIn, type Session } from './http.ts';
import { loadAverage, startCpuSampler, withDescendants } from './processes.ts';
import { result, versions, type BenchResult, type Target } from './results.ts';
import { round, summarise, table, timed, type Summary } from './stats.ts';
import { startSystem } from './system.ts';

const SCALES = (process.env.BENCH_QUEUE_SCALES ?? '10000,100000').split(',').map(Number);
const TASKS_PER_CASE = 5;
const WARM_UP = 30;
const ITERATIONS = Number(process.env.BENCH_QUEUE_ITERATIONS ?? 500);
/** A query is measured at most this long (the SLA aggregate at 100,000 cases is slow). */
const BUDGET_MS = Number(process.env.BENCH_QUEUE_BUDGET_S ?? 45) * 1000;

/** The inbox's unit queue as the admin asks for it: open tasks of my unit and below, by due time, first page. */
const queuePath = listQuery({ filter: { scope: 'unit', status: 'OPEN' }, sort: ['dueAt', 'ASC'], range: [0, 24] });

/**
 * The same page and total in plain SQL (the API runs the two queries concurrently, so does this).
 * For staff's unit queue the API has no case condition: a task's unit is always in its case's chain.
 */
const QUEUE_PAGE_SQL = `
  SELECT t.id, t.case_id, t.kind, t.title, t.status, t.unit_id, u.name AS unit_name, t.assignee_id, a.display_name AS assignee_name,
         t.due_at, t.breached_at, t.created_at, t.completed_at, c.case_no, c.state, c.emergency, c.flags, p.name AS person_name
  FROM (SELECT t.* FROM task t JOIN org_unit u ON u.id = t.unit_id
        WHERE t.status = 'OPEN' AND u.path LIKE $1
        ORDER BY t.due_at, t.id
        LIMIT 25) t
  JOIN org_unit u ON u.id = t.unit_id
  JOIN "case" c ON c.id = t.case_id
  JOIN person p ON p.id = c.person_id
  LEFT JOIN app_user a ON a.id = t.assignee_id
  ORDER BY t.due_at, t.id`;
const QUEUE_COUNT_SQL = `
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

interface Query {
  key: string;
  label: string;
  who: string;
  api: (s: Session) => Promise<unknown>;
  sql: (pool: pg.Pool, path: string) => Promise<unknown>;
}

const QUERIES: Query[] = [
  {
    key: 'queueTownship',
    label: 'unit queue of a township (caseworker, 锦官驿街道)',
    who: 'caseworker',
    api: async (s) => expectStatus(await s.request('GET', `/api/tasks${queuePath}`), 200, 'unit queue').json(),
    sql: (pool, path) =>
      Promise.all([pool.query(QUEUE_PAGE_SQL, [`${path}%`]), pool.query(QUEUE_COUNT_SQL, [`${path}%`])]),
  },
  {
    key: 'queueDistrict',
    label: 'unit queue of a district (supervisor, 锦江区)',
    who: 'district.supervisor',
    api: async (s) => expectStatus(await s.request('GET', `/api/tasks${queuePath}`), 200, 'unit queue').json(),
    sql: (pool, path) =>
      Promise.all([pool.query(QUEUE_PAGE_SQL, [`${path}%`]), pool.query(QUEUE_COUNT_SQL, [`${path}%`])]),
  },
  {
    key: 'slaCity',
    label: 'SLA overview, whole city (manager)',
    who: 'manager',
    api: async (s) => expectStatus(await s.request('GET', '/api/sla/overview'), 200, 'SLA overview').json(),
    sql: (pool, path) => pool.query(SLA_SQL, [`${path}%`]),
  },
  {
    key: 'slaTownship',
    label: 'SLA overview, one township (supervisor)',
    who: 'supervisor',
    api: async (s) => expectStatus(await s.request('GET', '/api/sla/overview'), 200, 'SLA overview').json(),
    sql: (pool, path) => pool.query(SLA_SQL, [`${path}%`]),
  },
];

interface Measured {
  api: Summary;
  sql: Summary;
  ratioP95: number;
}

export async function queueReads(): Promise<BenchResult> {
  const started = performance.now();
  const loadBefore = loadAverage();
  // Reads need no worker; the API still connects to Temporal at start.
  const sys = await startSystem({ worker: false });
  const pool = new pg.Pool({ connectionString: sys.database.url, max: 2 });
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
    const paths: Record<string, string> = {};
    for (const q of QUERIES) {
      sessions[q.who] = await signIn(sys.baseUrl, q.who);
      paths[q.who] = (await user(q.who)).path;
    }

    const perScale: Record<
      string,
      {
        rows: Awaited<ReturnType<typeof counts>>;
        loadSeconds: number;
        queueSizes: Record<string, number>;
        queries: Record<string, Measured>;
      }
    > = {};
    let loaded = 0;
    for (const scale of SCALES) {
      const load = await timed(async () => {
        // As any bulk load would: the per-row SLA counter trigger off, the counters rebuilt once after.
        await client.query('ALTER TABLE task DISABLE TRIGGER task_sla_count');
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
        await client.query('ALTER TABLE task ENABLE TRIGGER task_sla_count');
        await client.query('VACUUM ANALYZE task');
        await client.query('VACUUM ANALYZE "case"');
        await client.query('VACUUM ANALYZE person');
        await client.query('ANALYZE org_unit');
      });
      loaded = scale;
      const rows = await counts(client);
      console.log(
        `\r  ${rows.cases.toLocaleString('en')} cases, ${rows.tasks.toLocaleString('en')} tasks (${rows.openTasks.toLocaleString('en')} open) loaded in ${round(load.ms / 1000)} s`,
      );

      // The queues as the API answers them must be what the plain SQL finds.
      const queueSizes: Record<string, number> = {};
      for (const q of QUERIES.filter((each) => each.key.startsWith('queue'))) {
        const res = await sessions[q.who]!.request('GET', `/api/tasks${queuePath}`);
        const apiIds = (res.json() as { id: string }[]).map((t) => t.id);
        const [page, total] = (await q.sql(pool, paths[q.who]!)) as [
          pg.QueryResult<{ id: string }>,
          pg.QueryResult<{ n: number }>,
        ];
        const sqlIds = page.rows.map((r) => r.id);
        if (JSON.stringify(apiIds) !== JSON.stringify(sqlIds))
          throw new Error(`${q.key}: the API's page differs from the plain SQL's`);
        const apiTotal = Number(String(res.headers['content-range']).split('/')[1]);
        if (apiTotal !== total.rows[0]!.n)
          throw new Error(`${q.key}: the API counts ${apiTotal}, the plain SQL ${total.rows[0]!.n}`);
        queueSizes[q.key] = apiTotal;
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
        const path = paths[q.who]!;
        const api: number[] = [];
        const sql: number[] = [];
        for (let i = 0; i < WARM_UP; i++) {
          await q.api(session);
          await q.sql(pool, path);
        }
        const began = performance.now();
        // API and plain SQL interleaved, so both see the same machine.
        for (let i = 0; i < ITERATIONS && performance.now() - began < BUDGET_MS; i++) {
          api.push((await timed(() => q.api(session))).ms);
          sql.push((await timed(() => q.sql(pool, path))).ms);
        }
        const [a, s] = [summarise(api), summarise(sql)];
        queries[q.key] = { api: a, sql: s, ratioP95: round(a.p95 / s.p95, 2) };
      }
      const cpuFigures = await cpu.stop();
      perScale[String(scale)] = { rows, loadSeconds: round(load.ms / 1000), queueSizes, queries };
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
    const growth = (key: string) => round(large.queries[key]!.api.p95 / small.queries[key]!.api.p95, 2);
    const targets: Record<string, Target> = {};
    const targeted = [
      ['queueTownship', "a township's unit queue (GET /api/tasks)"],
      ['queueDistrict', "a district's unit queue (GET /api/tasks)"],
      ['slaCity', 'manager SLA view (GET /api/sla/overview)'],
    ] as const;
    for (const [key, what] of targeted) {
      const m = large.queries[key]!;
      targets[`${key}P95`] = {
        what: `${what} p95 at ${SCALES.at(-1)!.toLocaleString('en')} cases`,
        target: '< 30 ms',
        value: m.api.p95,
        unit: 'ms',
        met: m.api.p95 < 30,
      };
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
      `The unit queue is answered by Prisma as one query with joins for the page, four queries for the included relations and a count, plus the session look-up; the plain SQL is one query for the page and one for the count.`,
      `The SLA overview reads per-unit counters that a trigger on task keeps (rebuilt once after each bulk load, with the trigger off during it), plus the open tasks whose warning or breach the workflows have not recorded yet (none here: the loader records them as the SLA timers would), so its cost follows the number of units, not of tasks.`,
    );
    return result({
      name: 'queue-reads',
      description:
        "Work-queue reads at scale: a unit's open queue by due time and the manager's SLA view, with bulk-loaded cases, next to plain SQL",
      startedAt: new Date(Date.now() - (performance.now() - started)).toISOString(),
      loadBefore,
      started,
      versions: await versions(sys.database.url, sys.temporal.cli),
      figures: {
        scales: perScale,
        growthP95: Object.fromEntries(QUERIES.map((q) => [q.key, growth(q.key)])),
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
