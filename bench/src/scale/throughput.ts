// npm run scale, part 1: actions per second and their latency on the Temporal cluster with 1 and 2
// case workers and 1 and 2 API replicas, next to the dev server in the same run, with the CPU each
// process spends per action. Every configuration is driven through the same round-robin proxy by
// the same closed-loop clients (load.ts) along the same case paths.
import { cpus } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { createLoad, type Action, type Load } from '../load.ts';
import { postgresPids, startCpuSampler, withDescendants, type CpuFigures, type PidSource } from '../processes.ts';
import { round, summarise, table, type Summary } from '../stats.ts';
import { startScaleSystem, type ScaleSystem, type TemporalKind } from './system.ts';

const LEVELS = (process.env.SCALE_CLIENTS ?? '2,4,8').split(',').map(Number);
const WARM_UP_S = Number(process.env.SCALE_WARMUP_S ?? 5);
export const MEASURE_S = Number(process.env.SCALE_SECONDS ?? 20);
/** The follow-up visit falls due 1.8 s after delivery, so the durable timer fires within a run. */
const FOLLOW_UP_DELAY_HOURS = '0.0005';
/** The latency an action must keep for its rate to count (the issue's target). */
const P95_TARGET_MS = 150;

export interface Configuration {
  kind: TemporalKind;
  workers: number;
  apis: number;
}
export const CONFIGURATIONS: Configuration[] = [
  { kind: 'dev', workers: 1, apis: 1 },
  { kind: 'cluster', workers: 1, apis: 1 },
  { kind: 'cluster', workers: 2, apis: 1 },
  { kind: 'cluster', workers: 1, apis: 2 },
  { kind: 'cluster', workers: 2, apis: 2 },
];
export const labelOf = (c: Configuration) =>
  `${c.kind === 'dev' ? 'dev server' : 'cluster'}, ${c.workers} worker${c.workers > 1 ? 's' : ''} × ${c.apis} API${c.apis > 1 ? 's' : ''}`;

export interface LevelFigures {
  clients: number;
  actionsPerSecond: number;
  errors: number;
  latencyMs: Summary;
  /** Mean CPU over the window per process, in % of one core. */
  cpuPct: Record<string, number>;
  /** CPU milliseconds each process spent per action. */
  cpuMsPerAction: Record<string, number>;
}

export interface ConfigurationFigures extends Configuration {
  label: string;
  levels: LevelFigures[];
  /** The highest rate whose p95 stayed under the target (else the highest rate). */
  best: LevelFigures;
  /** The system's own processes' CPU per action at the busiest level, summed. */
  systemCpuMsPerAction: number;
}

/** The processes of a running system by group: each Temporal service, each worker, each API, PostgreSQL, this process. */
function groups(sys: ScaleSystem): Record<string, PidSource> {
  const temporal = Object.fromEntries(
    Object.entries(sys.temporal.processes()).map(([name, s]) => [name, () => (s.pid ? [s.pid] : [])]),
  );
  return {
    ...temporal,
    workers: () => sys.workers.flatMap((w) => (w.pid ? withDescendants(w.pid) : [])),
    apis: () => sys.apis.flatMap((a) => (a.pid ? withDescendants(a.pid) : [])),
    postgres: () => postgresPids(),
    // The clients and the round-robin proxy run in this process.
    loadAndProxy: () => [process.pid],
  };
}

/** Runs the clients through one level and returns its figures. */
async function level(sys: ScaleSystem, load: Load, clients: number): Promise<LevelFigures> {
  const windowStart = performance.now() + WARM_UP_S * 1000;
  const windowEnd = windowStart + MEASURE_S * 1000;
  const before = load.actions.length;
  const running = Promise.all(Array.from({ length: clients }, () => load.client(() => performance.now() >= windowEnd)));
  await sleep(windowStart - performance.now());
  const cpu = startCpuSampler(groups(sys));
  await sleep(windowEnd - performance.now());
  const figures: Record<string, CpuFigures> = await cpu.stop();
  await running;
  const measured = load.actions.slice(before).filter((a: Action) => a.end >= windowStart && a.end < windowEnd);
  const ok = measured.filter((a) => a.ok);
  const actionsPerSecond = round(ok.length / MEASURE_S);
  const cpuPct = Object.fromEntries(Object.entries(figures).map(([k, v]) => [k, v.meanPct]));
  return {
    clients,
    actionsPerSecond,
    errors: measured.length - ok.length,
    latencyMs: summarise(ok.map((a) => a.ms)),
    cpuPct,
    // % of a core × 10 = CPU ms per second; divided by actions per second = CPU ms per action.
    cpuMsPerAction: Object.fromEntries(
      Object.entries(cpuPct).map(([k, pct]) => [k, round((pct * 10) / Math.max(actionsPerSecond, 0.001))]),
    ),
  };
}

const OWN = (k: string) => k !== 'machine' && k !== 'other' && k !== 'loadAndProxy';

async function measure(sys: ScaleSystem, load: Load, c: Configuration): Promise<ConfigurationFigures> {
  const label = labelOf(c);
  const levels: LevelFigures[] = [];
  for (const clients of LEVELS) {
    console.log(`  ${label}: ${clients} clients, ${WARM_UP_S} s warm-up, ${MEASURE_S} s measured…`);
    levels.push(await level(sys, load, clients));
  }
  const within = levels.filter((l) => l.latencyMs.p95 < P95_TARGET_MS && l.errors === 0);
  const byRate = (a: LevelFigures, b: LevelFigures) => b.actionsPerSecond - a.actionsPerSecond;
  const best = [...(within.length ? within : levels)].sort(byRate)[0]!;
  const busiest = [...levels].sort(byRate)[0]!;
  const systemCpuMsPerAction = round(
    Object.entries(busiest.cpuMsPerAction)
      .filter(([k]) => OWN(k))
      .reduce((acc, [, ms]) => acc + ms, 0),
  );
  return { ...c, label, levels, best, systemCpuMsPerAction };
}

/** Every configuration, the dev server's first, then the cluster's (one cluster, resized between them). */
export async function throughputAcrossTopologies(): Promise<{
  configurations: ConfigurationFigures[];
  errors: string[];
}> {
  const results: ConfigurationFigures[] = [];
  const errors: string[] = [];
  const env = { FOLLOW_UP_DELAY_HOURS };
  for (const kind of ['dev', 'cluster'] as const) {
    const configs = CONFIGURATIONS.filter((c) => c.kind === kind);
    console.log(`  starting the ${kind === 'dev' ? 'Temporal dev server' : 'Temporal cluster'}…`);
    const sys = await startScaleSystem({ kind, workers: configs[0]!.workers, apis: configs[0]!.apis, env });
    try {
      const load = await createLoad(sys.baseUrl, sys.database.db);
      for (const c of configs) {
        await sys.resize(c.workers, c.apis);
        results.push(await measure(sys, load, c));
      }
      errors.push(...load.errors.slice(0, 5));
    } finally {
      await sys.stop();
    }
  }
  const groupsSeen = [...new Set(results.flatMap((r) => r.levels.flatMap((l) => Object.keys(l.cpuPct))))];
  console.log(
    table([
      ['configuration', 'clients', 'actions/s', 'p50 ms', 'p95 ms', 'errors', ...groupsSeen.map((g) => `${g} %`)],
      ...results.flatMap((r) =>
        r.levels.map((l) => [
          r.label,
          l.clients,
          l.actionsPerSecond,
          l.latencyMs.p50,
          l.latencyMs.p95,
          l.errors,
          ...groupsSeen.map((g) => l.cpuPct[g] ?? ''),
        ]),
      ),
    ]),
  );
  return { configurations: results, errors };
}

/** The cluster with the most workers and replicas (2 × 2), which the targets are measured on. */
export const fullCluster = (configs: ConfigurationFigures[]) =>
  configs.find((c) => c.kind === 'cluster' && c.workers === 2 && c.apis === 2) ?? configs.at(-1)!;

/**
 * What limits the cluster on this machine and what 8 cores would give, from the CPU per action:
 * a closed system is CPU-bound when the machine is busy, and its ceiling is cores × 1000 ms over the
 * CPU milliseconds one action costs all its processes.
 */
export function capacityNotes(configs: ConfigurationFigures[]): { notes: string[]; predicted8Cores: number } {
  const cores = cpus().length;
  const full = fullCluster(configs);
  const busiest = [...full.levels].sort((a, b) => b.actionsPerSecond - a.actionsPerSecond)[0]!;
  const per = Object.entries(busiest.cpuMsPerAction)
    .filter(([k]) => OWN(k))
    .sort((a, b) => b[1] - a[1]);
  const total = full.systemCpuMsPerAction;
  const ceilingHere = round((cores * 1000) / total);
  const predicted8Cores = round((8 * 1000) / total);
  const machine = busiest.cpuPct.machine ?? 0;
  return {
    predicted8Cores,
    notes: [
      `What limits it on ${cores} cores: at ${busiest.clients} clients on ${full.label} the machine was ${machine} % busy of ${cores * 100} %${machine > 0.85 * cores * 100 ? ' — CPU-bound' : ''}. One action costs ${total} ms of CPU across the system's processes (${per.map(([k, ms]) => `${k} ${ms}`).join(', ')}), plus ${busiest.cpuMsPerAction.loadAndProxy ?? 0} ms in the load generator and proxy, which in production are the browsers and a load balancer. ${cores} cores × 1000 ms / ${total} ms ≈ ${ceilingHere} actions/s is the ceiling here with nothing else running; measured ${busiest.actionsPerSecond}.`,
      `Prediction for 8 cores: 8 × 1000 ms / ${total} ms ≈ ${predicted8Cores} actions/s if the per-action cost holds (it does not grow with the number of processes: every action is one Update through the frontend and history, one workflow task on a worker, one projection transaction in PostgreSQL). Adding workers and replicas on 2 cores only adds processes competing for the same cores; on 8 they run in parallel. PostgreSQL (${busiest.cpuMsPerAction.postgres ?? 0} ms per action here: Temporal's persistence and the projection together) is the part that does not scale out by adding processes: it fills one core at about ${round(1000 / Math.max(busiest.cpuMsPerAction.postgres ?? 1, 0.1))} actions/s, so past that it wants a host of its own with more cores (or Temporal's persistence on a database server apart from the application's).`,
    ],
  };
}
