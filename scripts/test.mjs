#!/usr/bin/env node
// `npm test`: every test of the project — unit, workflow (real Temporal dev server), API (real
// PostgreSQL and worker), admin components, and browser end-to-end (Debian's Chromium) — through
// turbo, one package at a time (each integration suite starts its own Temporal dev server).
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureDependencies } from './lib/ensure-deps.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
ensureDependencies(root);
const { ensureTemporalCli } = await import('./temporal-cli.mjs');
const temporal = ensureTemporalCli(); // build it once, before suites start in parallel processes

const tasks = process.argv.slice(2).length ? process.argv.slice(2) : ['typecheck', 'test', 'test:e2e'];
const result = spawnSync('npx', ['turbo', 'run', ...tasks, '--concurrency=1', '--continue'], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, TEMPORAL_CLI: process.env.TEMPORAL_CLI ?? temporal, TURBO_TELEMETRY_DISABLED: '1', DO_NOT_TRACK: '1' },
});
process.exit(result.status ?? 1);
