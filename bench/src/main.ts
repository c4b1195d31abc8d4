// `npm run bench [-- name…]`: runs the benchmarks of issue 7 (all, or the named ones), prints their
// figures and writes them to bench/results/<name>.json and bench/results/latest.json.
import { admin } from './admin.ts';
import { homeReads } from './home-reads.ts';
import { latency } from './latency.ts';
import { outbox } from './outbox.ts';
import { notify } from './notify.ts';
import { loadAverage, machineInfo } from './processes.ts';
import { queueReads } from './queue-reads.ts';
import { printTargets, writeResult, type BenchResult } from './results.ts';
import { shell } from './shell.ts';
import { throughput } from './throughput.ts';

const BENCHMARKS: Record<string, { title: string; run: () => Promise<BenchResult[]> }> = {
  latency: { title: '1. Action latency', run: async () => [await latency()] },
  throughput: { title: '2. Throughput (and 5. Memory under it)', run: throughput },
  'queue-reads': { title: '3. Work-queue reads at scale', run: async () => [await queueReads()] },
  admin: { title: '4. Admin: first inbox row and bundle size', run: async () => [await admin()] },
  home: { title: '6. Home pages per role and the map (issue 15)', run: async () => [await homeReads()] },
  shell: {
    title: "7. The installable app's shell: what the service worker precaches (issue 16)",
    run: async () => [await shell()],
  },
  outbox: {
    title: "8. The phone's outbox: 50 items recorded offline, synced after reconnect (issue 16)",
    run: async () => [await outbox()],
  },
  notify: {
    title: '9. Notifications: case event to the SMS gateway, and the outbox’s throughput (issue 18)',
    run: async () => [await notify()],
  },
};
const ALIASES: Record<string, string> = {
  memory: 'throughput',
  reads: 'queue-reads',
  queue: 'queue-reads',
  'home-reads': 'home',
  map: 'home',
  pwa: 'shell',
  offline: 'outbox',
  sync: 'outbox',
  notifications: 'notify',
};

const requested = process.argv.slice(2).map((name) => ALIASES[name] ?? name);
const unknown = requested.filter((name) => !BENCHMARKS[name]);
if (unknown.length) {
  console.error(
    `unknown benchmark ${unknown.join(', ')}; choose from ${[...Object.keys(BENCHMARKS), ...Object.keys(ALIASES)].join(', ')}`,
  );
  process.exit(2);
}
const names = requested.length ? [...new Set(requested)] : Object.keys(BENCHMARKS);
const machine = machineInfo();
console.log(
  `Guanai benchmarks on ${machine.cores} × ${machine.cpuModel}, ${machine.memGiB} GiB, Node ${machine.node}; load average ${loadAverage().join(' / ')}`,
);
const started = performance.now();
let failed = false;
for (const name of names) {
  const bench = BENCHMARKS[name]!;
  console.log(`\n\x1b[1m${bench.title}\x1b[0m`);
  try {
    for (const r of await bench.run()) {
      const file = writeResult(r);
      console.log(`\n  ${r.name}: ${r.durationS} s, written to ${file.replace(`${process.cwd()}/`, '')}`);
      printTargets(r);
    }
  } catch (error) {
    failed = true;
    console.error(`\x1b[31m✖ ${name} failed:\x1b[0m`, error);
  }
}
console.log(
  `\nDone in ${Math.round((performance.now() - started) / 1000)} s; load average now ${loadAverage().join(' / ')}.`,
);
// Clients and pools of finished benchmarks may keep handles open; the results are written.
process.exit(failed ? 1 : 0);
