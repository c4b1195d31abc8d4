/**
 * `npm run chaos`: the full fault-injection run — 50 cases through their lifecycle while the worker
 * and the API are killed with SIGKILL at random moments and the Temporal dev server is restarted,
 * then 1,000 claim races — and the property-based fuzzing of every route (api/src/test/fuzz.test.ts
 * with more runs). Prints the report and writes it to bench/results/chaos.json.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { ensureTemporalCli } from '@guanai/devtools/temporal-cli';
import { runChaos } from './run.ts';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const resultsDir = `${root}bench/results`;
mkdirSync(resultsDir, { recursive: true });
const fuzzReport = `${resultsDir}/fuzz.json`;

const report = await runChaos({
  cases: Number(process.env.CHAOS_CASES ?? 50),
  workerKillEvery: [15, 45],
  apiKillEvery: [25, 70],
  temporalRestarts: 1,
  claimRaces: Number(process.env.CHAOS_CLAIM_RACES ?? 1000),
  topology: { kind: 'dev', temporalCli: ensureTemporalCli({ log: (line) => console.log(line) }) },
  log: (line) => console.log(line),
});

console.log('\nFuzzing every route (fast-check)…');
const fuzz = spawnSync('npx', ['vitest', 'run', 'src/test/fuzz.test.ts'], {
  cwd: `${root}api`,
  stdio: 'inherit',
  env: { ...process.env, FUZZ_RUNS: process.env.FUZZ_RUNS ?? '60', FUZZ_REPORT: fuzzReport },
});
const fuzzFigures = (() => {
  try {
    return JSON.parse(readFileSync(fuzzReport, 'utf8'));
  } catch {
    return null;
  }
})();

const result = {
  at: new Date().toISOString(),
  machine: { cores: cpus().length, node: process.version },
  chaos: report,
  fuzz: { ok: fuzz.status === 0, ...fuzzFigures },
};
writeFileSync(`${resultsDir}/chaos.json`, `${JSON.stringify(result, null, 2)}\n`);

console.log('\nInjected:', report.injected, `— requests ${report.requests.sent} (${report.requests.retried} retried)`);
for (const [name, c] of Object.entries(report.checks))
  console.log(
    `${c.failed === 0 ? 'ok  ' : 'FAIL'} ${name}: ${c.checked - c.failed}/${c.checked}${c.failed ? ` — ${c.failures.slice(0, 3).join('; ')}` : ''}`,
  );
console.log(`claim races: ${report.claimRaces.singleWinner}/${report.claimRaces.rounds} with exactly one winner`);
console.log(
  `fuzz: ${fuzz.status === 0 ? 'ok' : 'FAILED'}${fuzzFigures ? ` — ${fuzzFigures.requests} requests over ${fuzzFigures.routes} routes, ${fuzzFigures.rejected} rejected, 0 answers of 5xx` : ''}`,
);
console.log(`report: bench/results/chaos.json (${report.durationSeconds} s)`);
process.exit(report.ok && fuzz.status === 0 ? 0 : 1);
