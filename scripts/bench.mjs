#!/usr/bin/env node
// `npm run bench [-- name…]`: makes sure dependencies, the Prisma client and the Temporal CLI are
// there (as `npm start` and `npm test` do), then runs the benchmarks (bench/, @guanai/bench) with tsx.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureDependencies } from './lib/ensure-deps.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
ensureDependencies(root);
const { ensureTemporalCli } = await import('@guanai/devtools/temporal-cli'); // a workspace package: after the install
const temporal = ensureTemporalCli();
const generate = spawnSync(process.execPath, ['prisma/scripts/generate.mjs'], { cwd: root, stdio: 'inherit' });
if (generate.status !== 0) process.exit(generate.status ?? 1);
const result = spawnSync(process.execPath, ['--import', 'tsx', 'bench/src/main.ts', ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, TEMPORAL_CLI: process.env.TEMPORAL_CLI ?? temporal },
});
process.exit(result.status ?? 1);
