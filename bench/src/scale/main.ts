// `npm run scale [-- part…]`: issue 14's measurements of the system beyond one machine, written to
// bench/results/scale.json with the machine and the versions:
//   throughput — actions/s and p95 on the Temporal cluster with 1–2 workers × 1–2 API replicas, next
//                to the dev server, with CPU per action per process;
//   faults     — the chaos run on the cluster (2 workers, 2 replicas): a worker, a replica, matching
//                and history killed and restarted while cases move, then every case checked;
//   rolling    — a rolling upgrade to a patched workflow version while cases run;
//   reads      — the unit queue, SLA view and manager's reads at 1,000,000 cases, from 100,000.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runChaos } from '@guanai/api/chaos';
import { TEMPORAL_SERVER_VERSION } from '@guanai/devtools/temporal-server';
import { loadAverage, machineInfo } from '../processes.ts';
import { readsAtScale } from '../scale-reads.ts';
import { printTargets, result, resultsDir, versions, writeResult, type BenchResult, type Target } from '../results.ts';
import { round } from '../stats.ts';
import { rollingUpgrade } from './rolling-upgrade.ts';
import { capacityNotes, fullCluster, MEASURE_S, throughputAcrossTopologies } from './throughput.ts';

const PARTS = ['throughput', 'faults', 'rolling', 'reads'] as const;
type Part = (typeof PARTS)[number];
const requested = process.argv.slice(2);
const unknown = requested.filter((p) => !PARTS.includes(p as Part));
if (unknown.length) {
  console.error(`unknown part ${unknown.join(', ')}; choose from ${PARTS.join(', ')}`);
  process.exit(2);
}
const parts: Part[] = requested.length ? (requested as Part[]) : [...PARTS];

const machine = machineInfo();
console.log(
  `Guanai at scale on ${machine.cores} × ${machine.cpuModel}, ${machine.memGiB} GiB, Node ${machine.node}; load average ${loadAverage().join(' / ')}`,
);
const started = performance.now();
const loadBefore = loadAverage();
const file = join(resultsDir, 'scale.json');
// A run of some parts keeps the figures of the others from the last run.
const previous = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as BenchResult) : null;
const figures: Record<string, unknown> = { ...(previous?.figures ?? {}) };
const targets: Record<string, Target> = { ...(previous?.targets ?? {}) };
const notes: Record<string, string[]> = {
  ...((previous?.figures?.notesByPart as Record<string, string[]> | undefined) ?? {}),
};
let failed = false;

for (const part of parts) {
  console.log(`\n\x1b[1m${part}\x1b[0m`);
  try {
    if (part === 'throughput') {
      const { configurations, errors } = await throughputAcrossTopologies();
      const full = fullCluster(configurations);
      const dev = configurations.find((c) => c.kind === 'dev')!;
      const capacity = capacityNotes(configurations);
      figures.throughput = {
        configurations,
        predicted8Cores: capacity.predicted8Cores,
        errors,
      };
      const { best } = full;
      targets.clusterRate = {
        what: `actions/s on the cluster (${full.label}) with p95 < 150 ms`,
        target: '≥ 50 /s',
        value: best.actionsPerSecond,
        unit: '/s',
        met: best.actionsPerSecond >= 50 && best.latencyMs.p95 < 150,
      };
      targets.clusterP95 = {
        what: `action p95 on the cluster at that rate (${best.clients} clients)`,
        target: '< 150 ms',
        value: best.latencyMs.p95,
        unit: 'ms',
        met: best.latencyMs.p95 < 150,
      };
      notes.throughput = [
        `Each configuration ran ${full.levels.map((l) => l.clients).join(' and ')} closed-loop clients (one action in flight each) for ${MEASURE_S} s after a warm-up, along the throughput benchmark's case paths (bench/src/paths.ts), always through the round-robin proxy (so the dev server's figures include the proxy too). The cluster is one Temporal cluster in PostgreSQL, resized between configurations; the dev server ran in the same run: ${dev.best.actionsPerSecond} actions/s at p95 ${dev.best.latencyMs.p95} ms.`,
        ...capacity.notes,
      ];
    }
    if (part === 'faults') {
      const report = await runChaos({
        cases: Number(process.env.SCALE_CHAOS_CASES ?? 30),
        workerKillEvery: [15, 45],
        apiKillEvery: [25, 70],
        temporalRestarts: 2,
        claimRaces: Number(process.env.SCALE_CLAIM_RACES ?? 200),
        topology: { kind: 'cluster', workers: 2, apis: 2 },
        log: (line) => console.log(`  ${line}`),
      });
      figures.faults = report;
      for (const [name, c] of Object.entries(report.checks))
        console.log(`  ${c.failed === 0 ? 'ok  ' : 'FAIL'} ${name}: ${c.checked - c.failed}/${c.checked}`);
      targets.faults = {
        what: `fault injection on the cluster: every check holds (${report.injected.workerKills} worker kills, ${report.injected.apiKills} replica kills, matching and history each killed and restarted)`,
        target: 'all hold',
        value: Object.values(report.checks).reduce((n, c) => n + c.failed, 0),
        unit: 'failed checks',
        met: report.ok,
      };
      notes.faults = [
        `${report.options.cases} cases through their three paths on the cluster with 2 workers and 2 API replicas behind the proxy; workers and replicas killed with SIGKILL (a random one each time) every ${report.options.workerKillEvery.join('–')} and ${report.options.apiKillEvery.join('–')} answered requests, Temporal's matching and then history service killed with SIGKILL and started again, the API and the worker also dying at their fault points (after an Update, inside the effects activity); then every case checked as npm run chaos checks it, and ${report.claimRaces.rounds} claim races through the two replicas.`,
      ];
    }
    if (part === 'rolling') {
      const rolling = await rollingUpgrade();
      figures.rolling = rolling;
      const onNew = (rolling.replay as Record<string, { replayed?: number; failed?: number }> | undefined)?.[
        'every history, on the new code'
      ];
      targets.rolling = {
        what: `rolling upgrade to a patched case workflow on the cluster: every case finishes, every history (${onNew?.replayed ?? '?'}) replays on the new code`,
        target: 'all hold',
        value: onNew?.failed ?? null,
        unit: 'replay failures',
        met: rolling.passed === true,
      };
    }
    if (part === 'reads') {
      const reads = await readsAtScale();
      figures.reads = reads.figures;
      for (const [k, t] of Object.entries(reads.targets)) targets[`reads.${k}`] = t;
      notes.reads = reads.notes;
    }
  } catch (error) {
    failed = true;
    console.error(`\x1b[31m✖ ${part} failed:\x1b[0m`, error);
  }
}

const vers = await versions(process.env.TEST_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres');
const r = result({
  name: 'scale',
  description:
    'The system beyond one machine (issue 14): a Temporal cluster in PostgreSQL with several workers and API replicas — throughput and CPU per process, fault injection, a rolling upgrade — and reads at 1,000,000 cases',
  startedAt: new Date(Date.now() - (performance.now() - started)).toISOString(),
  loadBefore,
  started,
  versions: { ...vers, temporalServer: `${TEMPORAL_SERVER_VERSION} (cluster, postgres12 plugin)` },
  figures: { ...figures, partsRun: parts, notesByPart: notes },
  targets,
  notes: Object.values(notes).flat(),
});
writeResult(r);
printTargets(r);
console.log(`\nDone in ${round((performance.now() - started) / 1000)} s; written to bench/results/scale.json.`);
process.exit(failed ? 1 : 0);
