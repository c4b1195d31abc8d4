// 1. Action latency: a case action through the API (HTTP → Update → projection written → response),
// next to a bare Temporal Update round trip on the same server, in the same run.
import { fileURLToPath } from 'node:url';
import { Client, Connection } from '@temporalio/client';
import { DefaultLogger, NativeConnection, Runtime, Worker, bundleWorkflowCode } from '@temporalio/worker';
import { actUpdate, caseWorkflowId, syncUpdate, type ActRequest } from '@guanai/workflows';
import { openCase } from './cases.ts';
import { expectStatus, IDEMPOTENCY_KEYS, signIn } from './http.ts';
import { loadAverage, startCpuSampler, withDescendants } from './processes.ts';
import { result, versions, type BenchResult } from './results.ts';
import { summarise, table, timed } from './stats.ts';
import { startSystem } from './system.ts';
import { noopUpdate, stopSignal } from './bare/workflows.ts';
import { historyBreakdown } from './history.ts';

const CASES = 25;
const WARM_UP = 50;
const ITERATIONS = Number(process.env.BENCH_LATENCY_ITERATIONS ?? 500);

export async function latency(): Promise<BenchResult> {
  const started = performance.now();
  const loadBefore = loadAverage();
  const sys = await startSystem();
  const notes: string[] = [];
  try {
    const [station, caseworker] = [await signIn(sys.baseUrl, 'station'), await signIn(sys.baseUrl, 'caseworker')];
    const db = sys.database.db;
    const me = await db.user.findUniqueOrThrow({ where: { username: 'caseworker' } });
    const actor = { id: me.id, role: 'CASEWORKER' as const, unitId: me.orgUnitId };

    // Cases in screening: A for actions through the API, B for the same Update sent straight to Temporal.
    console.log(`  opening ${2 * CASES} cases…`);
    const screenTask = async (caseId: string) =>
      (await db.task.findFirstOrThrow({ where: { caseId, kind: 'SCREEN', status: 'OPEN' } })).id;
    const viaApi: { caseId: string; taskId: string; held: boolean }[] = [];
    const direct: { caseId: string; taskId: string; held: boolean }[] = [];
    for (let i = 0; i < CASES; i++) {
      for (const list of [viaApi, direct]) {
        const caseId = await openCase(station);
        list.push({ caseId, taskId: await screenTask(caseId), held: false });
      }
    }

    // The bare Update: a benchmark-only workflow whose Update does nothing, on its own worker in this process.
    try {
      Runtime.install({ logger: new DefaultLogger('ERROR') });
    } catch {
      // already installed by an earlier benchmark in this process
    }
    const [connection, nativeConnection] = await Promise.all([
      Connection.connect({ address: sys.temporal.address }),
      NativeConnection.connect({ address: sys.temporal.address }),
    ]);
    const client = new Client({ connection });
    const taskQueue = 'bench-bare';
    const workflowBundle = await bundleWorkflowCode({
      workflowsPath: fileURLToPath(new URL('./bare/workflows.ts', import.meta.url)),
      logger: { log() {}, trace() {}, debug() {}, info() {}, warn() {}, error: (m: string) => console.error(m) },
    });
    const bareWorker = await Worker.create({ connection: nativeConnection, taskQueue, workflowBundle });
    const bareRunning = bareWorker.run();
    const bare = await Promise.all(
      Array.from({ length: CASES }, (_, i) =>
        client.workflow.start('bareWorkflow', { workflowId: `bench-bare-${process.pid}-${i}`, taskQueue }),
      ),
    );

    const samples = {
      httpAction: [] as number[],
      directAct: [] as number[],
      caseSync: [] as number[],
      bareNoop: [] as number[],
      httpRead: [] as number[],
    };
    const iteration = async (i: number, record: boolean) => {
      const a = viaApi[i % CASES]!;
      const b = direct[i % CASES]!;
      const add = (key: keyof typeof samples, ms: number) => record && samples[key].push(ms);
      // A claim or a release through the API: session, jurisdiction check, the act Update (validator,
      // machine, projection activity), reload of the task row.
      const http = await timed(() =>
        caseworker.request('POST', `/api/tasks/${a.taskId}/${a.held ? 'release' : 'claim'}`),
      );
      expectStatus(http.value, 200, a.held ? 'release' : 'claim');
      a.held = !a.held;
      add('httpAction', http.ms);
      // The same Update straight to the case workflow: no HTTP, no API.
      const request = { type: b.held ? 'RELEASE' : 'CLAIM', taskId: b.taskId, actor } as ActRequest;
      add(
        'directAct',
        (
          await timed(() =>
            client.workflow.getHandle(caseWorkflowId(b.caseId)).executeUpdate(actUpdate, { args: [request] }),
          )
        ).ms,
      );
      b.held = !b.held;
      // The case workflow's `sync` Update: the case worker, no machine event, no activity.
      add(
        'caseSync',
        (await timed(() => client.workflow.getHandle(caseWorkflowId(a.caseId)).executeUpdate(syncUpdate))).ms,
      );
      // The bare round trip.
      add('bareNoop', (await timed(() => bare[i % CASES]!.executeUpdate(noopUpdate, { args: [i] }))).ms);
      // A read of one task through the API: HTTP, session and two queries, no Temporal.
      const read = await timed(() => caseworker.request('GET', `/api/tasks/${a.taskId}`));
      expectStatus(read.value, 200, 'read a task');
      add('httpRead', read.ms);
    };

    console.log(`  warm-up: ${WARM_UP} iterations`);
    for (let i = 0; i < WARM_UP; i++) await iteration(i, false);
    console.log(`  measuring: ${ITERATIONS} iterations, each one of every kind, sequentially (one client)`);
    const cpu = startCpuSampler({
      api: () => withDescendants(sys.pids.api),
      worker: () => withDescendants(sys.pids.worker!),
      temporal: () => [sys.pids.temporal],
      postgres: async () =>
        (
          await sys.database.db.$queryRaw<
            { pid: number }[]
          >`SELECT pid FROM pg_stat_activity WHERE datname = current_database()`
        ).map((r) => r.pid),
      bench: () => [process.pid],
    });
    for (let i = 0; i < ITERATIONS; i++) await iteration(WARM_UP + i, true);
    const cpuFigures = await cpu.stop();

    const inTemporal = await historyBreakdown(
      client,
      direct.map((b) => caseWorkflowId(b.caseId)),
    );
    for (const handle of bare) await handle.signal(stopSignal);
    bareWorker.shutdown();
    await bareRunning;
    await Promise.all([connection.close(), nativeConnection.close()]);

    const s = Object.fromEntries(Object.entries(samples).map(([k, v]) => [k, summarise(v)])) as Record<
      keyof typeof samples,
      ReturnType<typeof summarise>
    >;
    const ratio = Math.round((s.httpAction.p95 / s.bareNoop.p95) * 100) / 100;
    const ratioP50 = Math.round((s.httpAction.p50 / s.bareNoop.p50) * 100) / 100;
    const label: Record<keyof typeof samples, string> = {
      httpAction: 'case action via API (claim/release over HTTP)',
      directAct: 'act Update straight to the case workflow',
      caseSync: 'case workflow sync Update (no event, no activity)',
      bareNoop: 'bare no-op Update (benchmark workflow)',
      httpRead: 'GET one task via API (no Temporal)',
    };
    console.log(
      table([
        ['', 'n', 'p50 ms', 'p95 ms', 'p99 ms', 'mean ms'],
        ...Object.entries(s).map(([k, v]) => [label[k as keyof typeof samples], v.n, v.p50, v.p95, v.p99, v.mean]),
      ]),
    );
    console.log(
      table([
        ['inside Temporal (case workflow histories)', 'n', 'p50 ms', 'p95 ms'],
        ...Object.entries(inTemporal).map(([k, v]) =>
          k === 'localActivityMarkers' ? [k, v.n, '—', '—'] : [k, v.n, v.p50, v.p95],
        ),
      ]),
    );
    console.log(`  ratio action/bare Update: p95 ${ratio}×, p50 ${ratioP50}×`);
    console.log(
      `  CPU (% of one core, mean over the measured part): ${Object.entries(cpuFigures)
        .map(([k, v]) => `${k} ${v.meanPct}`)
        .join(', ')}`,
    );

    const apiShare = s.httpAction.p50 - s.directAct.p50;
    const projectionShare = s.directAct.p50 - s.caseSync.p50;
    const syncOverBare = Math.round(s.caseSync.p50 - s.bareNoop.p50);
    const syncVsBare =
      Math.abs(syncOverBare) < 3
        ? 'takes about as long as the bare no-op one'
        : `≈ ${syncOverBare} ms over the bare no-op one`;
    notes.push(
      "The bare Update is a no-op Update on a benchmark-only workflow (bench/src/bare/workflows.ts) whose worker runs in the benchmark process, on the same Temporal dev server; the case workflow's own `sync` Update (served by the real worker process, no activity) is given too.",
      `The case action is a claim or a release of a SCREEN task (POST /api/tasks/:id/claim|release), alternating over 25 cases, by one client, one request at a time; each iteration also sends the other four requests, so the five series are interleaved and share whatever disturbs the machine. ${IDEMPOTENCY_KEYS ? "Each write carries a fresh Idempotency-Key, as the admin sends one with each action (the API claims the key and stores the answer in the request's transaction, with the audit entry)." : 'The writes carry no Idempotency-Key in this run (BENCH_IDEMPOTENCY_KEYS=0); the admin sends one with each action.'}`,
      `Where the time goes (p50): the API around the Update (HTTP, session, jurisdiction query, ${IDEMPOTENCY_KEYS ? 'the Idempotency-Key claim and stored answer, ' : ''}audit-log append, reload of the task) ≈ ${Math.round(apiShare)} ms; the machine event and its projection (a local activity: one SQL statement run by the worker inside the same workflow task) ≈ ${Math.round(projectionShare)} ms over the case workflow's sync Update; that Update ${syncVsBare}.`,
      `Inside Temporal (event times of the direct-act cases' histories, p50): a workflow task waits ${inTemporal.workflowTaskDispatch!.p50} ms for the worker and takes ${inTemporal.workflowTaskRun!.p50} ms there, the projection included (${inTemporal.localActivityMarkers!.n} local-activity markers, one per projection${inTemporal.activityRun ? `; ordinary activities: ${inTemporal.activityRun.n}` : ', no ordinary activity'}). An act Update takes one workflow task, as the bare Update does.`,
      `Against the ratio target: the bare Update is one workflow task with no I/O; a case action's act Update is one workflow task that also runs the machine and writes the projection to PostgreSQL — the act Update alone is ${Math.round((s.directAct.p95 / s.bareNoop.p95) * 100) / 100}× the bare Update at p95 before the API adds anything.`,
    );
    const loadAfter = loadAverage();
    if (loadBefore[0]! > 1 || loadAfter[0]! > 2.5 || cpuFigures.other!.meanPct > 20) {
      notes.push(
        `The machine was not quiet: load average ${loadBefore.join(' / ')} before, ${loadAfter.join(' / ')} after; processes other than the benchmark's used ${cpuFigures.other!.meanPct} % of a core on average. Re-run when it is quiet.`,
      );
    }
    return result({
      name: 'latency',
      description:
        'A case action through the API (HTTP → Update → projection written → response) next to a bare Temporal Update round trip on the same server',
      startedAt: new Date(Date.now() - (performance.now() - started)).toISOString(),
      loadBefore,
      started,
      versions: await versions(sys.database.url, sys.temporal.cli),
      figures: {
        iterations: ITERATIONS,
        warmUp: WARM_UP,
        idempotencyKeys: IDEMPOTENCY_KEYS,
        latencyMs: s,
        ratioActionToBareUpdate: {
          p95: ratio,
          p50: ratioP50,
          bare: 'no-op Update on a benchmark-only workflow (bench/src/bare/workflows.ts)',
        },
        ratioActionToCaseSyncUpdate: {
          p95: Math.round((s.httpAction.p95 / s.caseSync.p95) * 100) / 100,
          p50: Math.round((s.httpAction.p50 / s.caseSync.p50) * 100) / 100,
        },
        cpuPctOfOneCore: cpuFigures,
        insideTemporalMs: inTemporal,
      },
      targets: {
        p95: {
          what: 'case action via API, p95',
          target: '< 150 ms',
          value: s.httpAction.p95,
          unit: 'ms',
          met: s.httpAction.p95 < 150,
        },
        ratio: { what: 'action p95 / bare Update p95', target: '< 2', value: ratio, unit: '×', met: ratio < 2 },
      },
      notes,
    });
  } finally {
    await sys.stop();
  }
}
