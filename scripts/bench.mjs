#!/usr/bin/env node
// `npm run bench [-- name…]` and `npm run scale [-- part…]` (`--scale`): makes sure dependencies,
// the Prisma client and the Temporal CLI are there (as `npm start` and `npm test` do) — for the
// scale run the Temporal server and its schema tool too — then runs the benchmarks (bench/,
// @guanai/bench) with tsx.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureDependencies } from './lib/ensure-deps.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const scale = process.argv[2] === '--scale';
const args = process.argv.slice(scale ? 3 : 2);
ensureDependencies(root);
// Workspace packages: imported after the install.
const { ensureTemporalCli } = await import('@guanai/devtools/temporal-cli');
const temporal = ensureTemporalCli();
if (scale) {
  const { ensureTemporalServer } = await import('@guanai/devtools/temporal-server');
  ensureTemporalServer();
}
const generate = spawnSync(process.execPath, ['prisma/scripts/generate.mjs'], { cwd: root, stdio: 'inherit' });
if (generate.status !== 0) process.exit(generate.status ?? 1);
const entry = scale ? 'bench/src/scale/main.ts' : 'bench/src/main.ts';
const result = spawnSync(process.execPath, ['--import', 'tsx', entry, ...args], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, TEMPORAL_CLI: process.env.TEMPORAL_CLI ?? temporal },
});
process.exit(result.status ?? 1);
