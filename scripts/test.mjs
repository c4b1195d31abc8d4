#!/usr/bin/env node
// `npm test`: lint (ESLint over the whole tree, and the tests of its local rules) and the format
// check (Prettier), then every test
// of the project — unit, workflow (real Temporal dev server), API (real PostgreSQL and worker; one
// suite on a real Temporal cluster in PostgreSQL with several workers and API replicas),
// admin components, and browser end-to-end (Debian's Chromium) — through turbo, one package at a
// time (each integration suite starts its own Temporal dev server). `npm test -- <task>…` runs
// only those turbo tasks.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureDependencies } from './lib/ensure-deps.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
ensureDependencies(root);
// Workspace packages: imported after the install. The Temporal CLI (dev server) and the Temporal
// server with its schema tool (the cluster test) are built once, before suites start.
const { ensureTemporalCli } = await import('@guanai/devtools/temporal-cli');
const { ensureTemporalServer } = await import('@guanai/devtools/temporal-server');
const temporal = ensureTemporalCli();
ensureTemporalServer();

const only = process.argv.slice(2);
const tasks = only.length ? only : ['typecheck', 'test', 'test:e2e'];

// Whole-tree checks, on a full run. Like turbo's --continue, a failure here fails the run but the
// packages' tasks still run. ESLint reads types, so the Prisma client is generated first.
const checks = only.length
  ? []
  : [
      ['prisma generate', process.execPath, ['prisma/scripts/generate.mjs']],
      ['lint rules', 'npx', ['vitest', 'run', '--dir', 'eslint-rules']],
      ['lint', 'npx', ['eslint', '.']],
      ['format', 'npx', ['prettier', '--check', '.']],
    ];
const failed = [];
for (const [name, command, args] of checks) {
  console.log(`\n> ${name}: ${[command === process.execPath ? 'node' : command, ...args].join(' ')}`);
  // ESLint reads the types of every package in one process: more than Node's default heap (~4 GB here).
  const env = { ...process.env, NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --max-old-space-size=8192`.trim() };
  const check = spawnSync(command, args, { cwd: root, stdio: 'inherit', env });
  if (check.status !== 0) failed.push(name);
}

const result = spawnSync('npx', ['turbo', 'run', ...tasks, '--concurrency=1', '--continue'], {
  cwd: root,
  stdio: 'inherit',
  env: {
    ...process.env,
    TEMPORAL_CLI: process.env.TEMPORAL_CLI ?? temporal,
    TURBO_TELEMETRY_DISABLED: '1',
    DO_NOT_TRACK: '1',
  },
});
if (failed.length) console.error(`\n\x1b[31m✖ failed before the packages' tasks: ${failed.join(', ')}\x1b[0m`);
const status = result.status ?? 1;
process.exit(status !== 0 ? status : failed.length ? 1 : 0);
