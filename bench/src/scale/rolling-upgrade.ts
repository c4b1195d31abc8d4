// Issue 14, the rolling upgrade: while cases run on a Temporal cluster in PostgreSQL, workers with a
// new version of the case workflow (patched-workflows.ts, a `patched()` branch that emits a command
// the old code never sends) start beside the old ones, the old ones are stopped one at a time, and
// every case opened still reaches the end of its path; then every case's history replays on the new
// code (and, where the old code wrote all of it, on the old code too).
import { Agent, createServer, request as httpRequest, type ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { Client, Connection } from '@temporalio/client';
import proto from '@temporalio/proto';
import { Worker, type WorkflowBundle } from '@temporalio/worker';
import { freePort, type Service } from '@guanai/api/chaos/processes';
import { caseWorkflowId, stateQuery } from '@guanai/workflows';
import { bundleWorkflows } from '@guanai/workflows/worker';
import { createLoad, type Action } from '../load.ts';
import { round, summarise } from '../stats.ts';
import { startScaleSystem } from './system.ts';

const PATCHED_ENTRY = fileURLToPath(new URL('./patched-workflows.ts', import.meta.url));
/** The patch id of patched-workflows.ts (not imported: that module is sandbox code). */
const PATCH_ID = 'scale-rolling-upgrade';

const seconds = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
/** Closed-loop clients, each with one action in flight. */
const CLIENTS = seconds('SCALE_UPGRADE_CLIENTS', 6);
/** Old workers only, before the new ones are started (cases reach every state). */
const OLD_S = seconds('SCALE_UPGRADE_OLD_S', 25);
/** Old and new workers side by side, before the first old one is stopped. */
const MIXED_S = seconds('SCALE_UPGRADE_MIXED_S', 20);
/** Between stopping the first and the second old worker. */
const BETWEEN_STOPS_S = seconds('SCALE_UPGRADE_BETWEEN_STOPS_S', 10);
/** New workers only, clients still opening cases. */
const NEW_S = seconds('SCALE_UPGRADE_NEW_S', 20);
/** The drain gives up when no case moves for this long. */
const STALL_S = seconds('SCALE_UPGRADE_STALL_S', 60);
/** The follow-up visit falls due 1.8 s after delivery (read by the API), so standard cases end in the run. */
const FOLLOW_UP_DELAY_HOURS = '0.0005';
/** Histories with the patch marker replayed on the old code, each of which must fail. */
const MARKED_SAMPLE = 10;

const { EventType } = proto.temporal.api.enums.v1;
type HistoryEvent = proto.temporal.api.history.v1.IHistoryEvent;

/**
 * A front of the system's proxy for the load: once `hold()` is called a case opening waits 250 ms and
 * is refused (503), every other request passes, so the clients finish the cases they have and open
 * none (load.ts has no such mode). Openings already forwarded are counted until they are answered.
 */
async function startOpeningGate(target: string) {
  const upstream = new URL(target);
  const agent = new Agent({ keepAlive: true, maxSockets: 256 });
  let holding = false;
  let refused = 0;
  let openingsInFlight = 0;
  const refuse = (res: ServerResponse) => {
    refused += 1;
    res.writeHead(503, { 'Content-Type': 'application/problem+json' });
    res.end(JSON.stringify({ title: 'rolling-upgrade benchmark: no new case while draining', status: 503 }));
  };
  const server = createServer((req, res) => {
    const opening = req.method === 'POST' && req.url === '/api/cases';
    if (opening && holding) {
      req.resume();
      setTimeout(() => refuse(res), 250);
      return;
    }
    if (opening) {
      openingsInFlight += 1;
      res.once('close', () => (openingsInFlight -= 1));
    }
    const forward = httpRequest(
      { agent, host: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: req.headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    forward.on('error', (error) => {
      if (res.headersSent) return res.destroy(error);
      res.writeHead(502, { 'Content-Type': 'text/plain' });
      res.end(error.message);
    });
    req.pipe(forward);
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${port}`,
    hold: () => (holding = true),
    refused: () => refused,
    openingsInFlight: () => openingsInFlight,
    close() {
      server.closeAllConnections();
      server.close();
      agent.destroy();
    },
  };
}

/** Whether a history records the patch's marker (the new code ran the case from its first task). */
const hasPatchMarker = (events: HistoryEvent[]) =>
  events.some((e) => {
    const marker = e.markerRecordedEventAttributes;
    if (e.eventType !== EventType.EVENT_TYPE_MARKER_RECORDED || !marker) return false;
    return Object.values(marker.details ?? {}).some((payloads) =>
      (payloads.payloads ?? []).some((p) =>
        Buffer.from(p.data ?? [])
          .toString('utf8')
          .includes(PATCH_ID),
      ),
    );
  });

const pick = ({ p50, p95, max }: { p50: number; p95: number; max: number }) => ({ p50, p95, max });

const countBy = <T>(items: T[], key: (item: T) => string) => {
  const counts: Record<string, number> = {};
  for (const item of items) counts[key(item)] = (counts[key(item)] ?? 0) + 1;
  return counts;
};

/** Runs `fn` over `items` with at most `n` at a time. */
async function pool<T, R>(items: T[], n: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(n, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        results[i] = await fn(items[i]!);
      }
    }),
  );
  return results;
}

/** Lines of a worker's output that report a failed workflow task (its log keeps the last 20 kB only). */
const taskFailureLines = (service: Service) =>
  service
    .output()
    .split('\n')
    .filter((line) => /nondetermin|failing workflow task|workflow task failed/i.test(line));

export async function rollingUpgrade(): Promise<Record<string, unknown>> {
  const t0 = performance.now();
  const wallT0 = Date.now();
  const at = (t = performance.now()) => round((t - t0) / 1000);
  const timeline: { s: number; what: string }[] = [];
  const mark = (what: string) => {
    timeline.push({ s: at(), what });
    console.log(`  ${at()} s  ${what}`);
  };

  const sys = await startScaleSystem({
    kind: 'cluster',
    workers: 2,
    apis: 1,
    // LOG_LEVEL info: the API's start waits for its 'API listening' line, logged at info (and a
    // system.ts that sets warn would never see it); the API logs nothing else at info.
    env: { FOLLOW_UP_DELAY_HOURS, LOG_LEVEL: 'info' },
  });
  /** Ends the clients' loops (also when the run fails half-way, before the system stops under them). */
  let drained = false;
  let gate: Awaited<ReturnType<typeof startOpeningGate>> | undefined;
  let connection: Connection | undefined;
  try {
    gate = await startOpeningGate(sys.baseUrl);
    connection = await Connection.connect({ address: sys.temporal.address });
    const client = new Client({ connection, namespace: 'default' });
    const { db } = sys.database;
    const oldWorkers = [...sys.workers];
    mark(`cluster up: ${oldWorkers.length} old workers, ${sys.apis.length} API`);

    const load = await createLoad(gate.url, db);
    const loadStart = performance.now();
    const clients = Promise.all(Array.from({ length: CLIENTS }, () => load.client(() => drained)));
    mark(`${CLIENTS} clients driving cases (old workers only)`);
    await sleep(OLD_S * 1000);

    // The cases the old code wrote from start to end: closed before any new worker ran.
    const closedBeforeUpgrade = new Set(
      (await db.case.findMany({ where: { status: 'CLOSED' }, select: { id: true } })).map((c) => c.id),
    );
    const statesAtUpgrade = countBy(await db.case.findMany({ select: { state: true } }), (c) => c.state.split('.')[0]!);
    mark(`starting 2 new workers (${PATCH_ID}); cases by state: ${JSON.stringify(statesAtUpgrade)}`);
    const newStartBegan = performance.now();
    const newWorkers = await Promise.all([1, 2].map(() => sys.addWorker({ GUANAI_WORKFLOWS_PATH: PATCHED_ENTRY })));
    const mixedStart = performance.now();
    mark(`new workers polling after ${round((mixedStart - newStartBegan) / 1000)} s (bundling included)`);
    await sleep(MIXED_S * 1000);

    const stops: { pid: number | undefined; at: number; stopMs: number }[] = [];
    for (const [k, worker] of oldWorkers.entries()) {
      if (k > 0) await sleep(BETWEEN_STOPS_S * 1000);
      mark(`stopping old worker ${k + 1} (SIGTERM)`);
      const began = performance.now();
      await worker.stop();
      stops.push({ pid: worker.pid, at: began, stopMs: round(performance.now() - began, 0) });
      mark(`old worker ${k + 1} exited after ${stops.at(-1)!.stopMs} ms`);
    }
    const newOnlyStart = performance.now();
    await sleep(NEW_S * 1000);

    // The drain: no new case; the clients take every case they hold to the end of its path.
    gate.hold();
    const drainStart = performance.now();
    const openAtDrain = await db.case.count({ where: { status: { not: 'CLOSED' } } });
    mark(`draining: no new case; ${await db.case.count()} opened, ${openAtDrain} of them not closed`);
    const progress = () => load.actions.filter((a) => a.ok).length;
    let lastProgress = progress();
    let lastMove = performance.now();
    let stalled = false;
    for (;;) {
      await sleep(1000);
      const open = await db.case.count({ where: { status: { not: 'CLOSED' } } });
      if (open === 0 && gate.openingsInFlight() === 0) break;
      if (progress() !== lastProgress) [lastProgress, lastMove] = [progress(), performance.now()];
      else if (performance.now() - lastMove > STALL_S * 1000) {
        stalled = true;
        mark(`drain stalled: ${open} cases not closed, nothing moved for ${STALL_S} s`);
        break;
      }
    }
    drained = true;
    await clients;
    const drainEnd = performance.now();
    mark(`drained in ${round((drainEnd - drainStart) / 1000)} s`);

    // ── The cases, against the end of their paths (every path of paths.ts ends closed) ──
    const cases = await db.case.findMany({
      select: {
        id: true,
        caseNo: true,
        state: true,
        status: true,
        events: { select: { seq: true }, orderBy: { seq: 'asc' } },
        tasks: { where: { status: 'OPEN' }, select: { kind: true } },
      },
    });
    const notClosed = cases.filter((c) => c.status !== 'CLOSED' || c.state !== 'closed');
    const openTasks = cases.filter((c) => c.tasks.length > 0);
    const badSeq = cases.filter((c) => !c.events.every((e, k) => e.seq === k + 1) || c.events.length === 0);
    const views = await pool(cases, 8, async (c) => {
      try {
        return (await client.workflow.getHandle(caseWorkflowId(c.id)).query(stateQuery)).state;
      } catch (error) {
        return `query failed: ${String(error).slice(0, 120)}`;
      }
    });
    const workflowNotClosed = cases.flatMap((c, k) => (views[k] === 'closed' ? [] : [`${c.caseNo}: ${views[k]}`]));
    mark(`checked ${cases.length} cases in the database and their workflows`);

    // ── The histories ──
    const oldPids = new Set(oldWorkers.map((w) => String(w.pid)));
    const newPids = new Set(newWorkers.map((w) => String(w.pid)));
    const workerOf = (pid: string) =>
      oldPids.has(pid) ? `old worker ${pid}` : newPids.has(pid) ? `new worker ${pid}` : `pid ${pid || '?'}`;
    const histories = await pool(cases, 8, async (c) => ({
      caseId: c.id,
      workflowId: caseWorkflowId(c.id),
      history: await client.workflow.getHandle(caseWorkflowId(c.id)).fetchHistory(),
    }));
    const perHistory = histories.map(({ caseId, history }) => {
      const events = history.events ?? [];
      const pids = new Set(
        events
          .filter((e) => e.eventType === EventType.EVENT_TYPE_WORKFLOW_TASK_STARTED)
          .map((e) => (e.workflowTaskStartedEventAttributes?.identity ?? '').split('@')[0]!),
      );
      const failed = events.filter((e) => e.eventType === EventType.EVENT_TYPE_WORKFLOW_TASK_FAILED);
      return {
        caseId,
        events: events.length,
        marker: hasPatchMarker(events),
        memoUpserted: events.some((e) => e.eventType === EventType.EVENT_TYPE_WORKFLOW_PROPERTIES_MODIFIED),
        ranOn: [...pids].some((p) => oldPids.has(p))
          ? [...pids].some((p) => newPids.has(p))
            ? 'old then new workers'
            : 'old workers only'
          : 'new workers only',
        taskFailures: failed.map((e) => {
          const cause = e.workflowTaskFailedEventAttributes?.cause ?? 0;
          const pid = (e.workflowTaskFailedEventAttributes?.identity ?? '').split('@')[0]!;
          return {
            cause: proto.temporal.api.enums.v1.WorkflowTaskFailedCause[cause] ?? String(cause),
            on: workerOf(pid),
          };
        }),
        taskTimeouts: events
          .filter((e) => e.eventType === EventType.EVENT_TYPE_WORKFLOW_TASK_TIMED_OUT)
          .map((e) => {
            const timeout = e.workflowTaskTimedOutEventAttributes;
            const started = events.find((s) => Number(s.eventId) === Number(timeout?.startedEventId));
            const pid = (started?.workflowTaskStartedEventAttributes?.identity ?? '').split('@')[0]!;
            const type = proto.temporal.api.enums.v1.TimeoutType[timeout?.timeoutType ?? 0] ?? '?';
            const ms = Number(e.eventTime?.seconds ?? 0) * 1000 + (e.eventTime?.nanos ?? 0) / 1e6;
            return `${type} of a task started on ${workerOf(pid)}, at ${round((ms - wallT0) / 1000)} s`;
          }),
      };
    });
    mark(`fetched ${histories.length} histories`);

    // ── Replay: every history on the new code; on the old code every history without the patch
    // marker (those of cases closed before the upgrade among them) and a sample of those with it,
    // which the old code must refuse (else the patch would not make a real upgrade) ──
    const replay = async (bundle: WorkflowBundle, items: typeof histories) => {
      const began = performance.now();
      const failed = new Map<string, string>();
      for await (const r of Worker.runReplayHistories({ workflowBundle: bundle }, items)) {
        if (r.error) failed.set(r.workflowId, `${r.error.name}: ${r.error.message}`.slice(0, 400));
      }
      return { ms: round(performance.now() - began, 0), failed };
    };
    const outcome = (run: { failed: Map<string, string> }, items: typeof histories) => {
      const failures = items.filter((h) => run.failed.has(h.workflowId));
      return {
        replayed: items.length,
        failed: failures.length,
        failures: failures.slice(0, 3).map((h) => `${h.workflowId}: ${run.failed.get(h.workflowId)}`),
      };
    };
    const [newBundle, oldBundle] = [await bundleWorkflows(PATCHED_ENTRY), await bundleWorkflows()];
    const withMarker = new Set(perHistory.filter((h) => h.marker).map((h) => h.caseId));
    const unmarked = histories.filter((h) => !withMarker.has(h.caseId));
    const markedSample = histories.filter((h) => withMarker.has(h.caseId)).slice(0, MARKED_SAMPLE);
    const onNew = await replay(newBundle, histories);
    const onOld = await replay(oldBundle, [...unmarked, ...markedSample]);
    const replayFigures = {
      'every history, on the new code': { ...outcome(onNew, histories), ms: onNew.ms },
      'cases closed before the upgrade, on the old code': outcome(
        onOld,
        histories.filter((h) => closedBeforeUpgrade.has(h.caseId)),
      ),
      'every history without the patch marker, on the old code': outcome(onOld, unmarked),
      [`${markedSample.length} histories with the patch marker, on the old code (must fail)`]: outcome(
        onOld,
        markedSample,
      ),
      oldCodeMs: onOld.ms,
    };
    const replayPassed =
      onNew.failed.size === 0 &&
      unmarked.every((h) => !onOld.failed.has(h.workflowId)) &&
      markedSample.every((h) => onOld.failed.has(h.workflowId));
    mark('replayed');

    // ── Figures ──
    const phases = {
      'old only': [loadStart, newStartBegan],
      'old only, new workers starting': [newStartBegan, mixedStart],
      mixed: [mixedStart, newOnlyStart],
      'new only': [newOnlyStart, drainStart],
      drain: [drainStart, drainEnd],
    } as const;
    const gatedOpens = (a: Action) => a.label === 'open case' && !a.ok && a.end >= drainStart;
    const phaseFigures = Object.fromEntries(
      Object.entries(phases).map(([name, [from, to]]) => {
        const inPhase = load.actions.filter((a) => a.end >= from && a.end < to && !gatedOpens(a));
        const ok = inPhase.filter((a) => a.ok);
        const slowest = [...ok].sort((a, b) => b.ms - a.ms).slice(0, 3);
        return [
          name,
          {
            seconds: round((to - from) / 1000),
            actions: ok.length,
            actionsPerSecond: round(ok.length / ((to - from) / 1000)),
            failed: inPhase.length - ok.length,
            casesOpened: ok.filter((a) => a.label === 'open case').length,
            latencyMs: summarise(ok.map((a) => a.ms)),
            slowest: slowest.map((a) => `${a.label} ${round(a.ms, 0)} ms at ${at(a.end)} s`),
          },
        ];
      }),
    );
    const checksPassed =
      notClosed.length === 0 &&
      openTasks.length === 0 &&
      badSeq.length === 0 &&
      workflowNotClosed.length === 0 &&
      !stalled;
    const failures = perHistory.flatMap((h) => h.taskFailures);
    const workerLog = (services: Service[]) => services.flatMap(taskFailureLines);
    const errors = load.errors.filter((e) => !e.includes('no new case while draining'));
    const figures = {
      clients: CLIENTS,
      workers: { old: oldWorkers.length, new: newWorkers.length },
      apis: sys.apis.length,
      phasesS: { old: OLD_S, mixed: MIXED_S, betweenStops: BETWEEN_STOPS_S, new: NEW_S },
      timeline,
      newWorkersStartS: round((mixedStart - newStartBegan) / 1000),
      oldWorkerStops: stops.map((stop) => {
        // Actions begun from 1 s before the stop to 4 s after it.
        const after = load.actions.filter(
          (a) => a.ok && a.end - a.ms >= stop.at - 1000 && a.end - a.ms < stop.at + 4000,
        );
        return {
          pid: stop.pid,
          atS: at(stop.at),
          exitedAfterMs: stop.stopMs,
          actionsBegunAround: { n: after.length, ...pick(summarise(after.map((a) => a.ms))) },
        };
      }),
      casesOpened: cases.length,
      casesFinished: cases.length - notClosed.length,
      casesFinishedByClients: load.completed(),
      casesClosedBeforeUpgrade: closedBeforeUpgrade.size,
      statesAtUpgrade,
      drain: {
        seconds: round((drainEnd - drainStart) / 1000),
        stalled,
        casesOpenAtStart: openAtDrain,
        openingsRefused: gate.refused(),
      },
      phases: phaseFigures,
      checks: {
        casesNotClosed: notClosed.map((c) => `${c.caseNo}: ${c.status} ${c.state}`).slice(0, 20),
        casesWithOpenTasks: openTasks.map((c) => `${c.caseNo}: ${c.tasks.map((t) => t.kind).join(',')}`).slice(0, 20),
        casesWithEventsNot1ToN: badSeq.map((c) => `${c.caseNo}: ${c.events.map((e) => e.seq).join(',')}`).slice(0, 20),
        workflowsNotClosed: workflowNotClosed.slice(0, 20),
        passed: checksPassed,
      },
      histories: {
        count: perHistory.length,
        events: summarise(perHistory.map((h) => h.events)),
        withPatchMarker: withMarker.size,
        withMemoUpsert: perHistory.filter((h) => h.memoUpserted).length,
        ranOn: countBy(perHistory, (h) => h.ranOn),
        workflowTaskFailures: failures.length,
        workflowTaskFailuresBy: countBy(failures, (f) => `${f.cause} on ${f.on}`),
        historiesWithTaskFailures: perHistory.filter((h) => h.taskFailures.length > 0).length,
        workflowTaskTimeouts: perHistory.flatMap((h) => h.taskTimeouts.map((t) => `${h.caseId}: ${t}`)),
      },
      workerLogs: {
        oldWorkersTaskFailureLines: workerLog(oldWorkers).length,
        newWorkersTaskFailureLines: workerLog(newWorkers).length,
        sample: [...workerLog(oldWorkers), ...workerLog(newWorkers)].slice(0, 3).map((l) => l.slice(0, 300)),
      },
      replay: replayFigures,
      errors,
      passed: checksPassed && replayPassed,
      durationS: at(),
    };
    return figures;
  } finally {
    drained = true;
    gate?.close();
    await connection?.close().catch(() => undefined);
    await sys.stop();
  }
}
