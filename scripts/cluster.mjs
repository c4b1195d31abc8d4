#!/usr/bin/env node
// `npm run cluster`: the same code as `npm start`, on a real Temporal cluster persisted in
// PostgreSQL — Temporal's four services as separate processes (deploy/temporal/cluster.yaml),
// CLUSTER_WORKERS case workers and CLUSTER_APIS API replicas behind a round-robin proxy on PORT.
// Ctrl-C stops everything. See README, "At scale".
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createLauncher, ensureSecret } from './lib/launcher.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dataDir = process.env.GUANAI_DATA_DIR ?? join(root, '.data', 'cluster');
const PORT = Number(process.env.PORT ?? 8080);
const WORKERS = Number(process.env.CLUSTER_WORKERS ?? 2);
const APIS = Number(process.env.CLUSTER_APIS ?? 2);
const FRONTEND_PORT = Number(process.env.TEMPORAL_FRONTEND_PORT ?? 7633);
// Each service and the gRPC port that says it is up (deploy/temporal/cluster.yaml's defaults).
const TEMPORAL_SERVICES = [
  ['history', Number(process.env.TEMPORAL_HISTORY_PORT ?? 7634)],
  ['matching', Number(process.env.TEMPORAL_MATCHING_PORT ?? 7635)],
  ['frontend', FRONTEND_PORT],
  // The internal worker serves no gRPC: it is up once it listens for membership.
  ['worker', Number(process.env.TEMPORAL_WORKER_MEMBERSHIP_PORT ?? 6639)],
];
// Each Temporal process exposes its metrics on a port of its own.
const METRICS_PORT_BASE = Number(process.env.TEMPORAL_METRICS_PORT_BASE ?? 7600);

const { step, fail, run, elapsed } = createLauncher(root);

// 1. Dependencies, then the tooling by name
const { ensureDependencies } = await import('./lib/ensure-deps.mjs');
try {
  ensureDependencies(root, step);
} catch (error) {
  fail(error.message);
}
const { waitForPort } = await import('@guanai/devtools/net');
const { ensureTemporalServer, temporalSchemaDir } = await import('@guanai/devtools/temporal-server');
const { createSupervisor } = await import('@guanai/devtools/supervisor');
const { startRoundRobinProxy } = await import('@guanai/devtools/round-robin-proxy');
const { prepareApp } = await import('./lib/prepare-app.mjs');

// 2. The Temporal server and its schema tool (built once)
let binaries;
try {
  binaries = ensureTemporalServer({ log: step });
} catch (error) {
  fail(error.message);
}

// 3. The databases: the application's (DATABASE_URL, else guanai_cluster on the machine's
// PostgreSQL) and Temporal's two, on the same server unless TEMPORAL_DB_HOST says otherwise.
const secret = ensureSecret(dataDir);
const databaseUrl = process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/guanai_cluster';
const server = new URL(databaseUrl);
const temporalDb = {
  TEMPORAL_DB_HOST: process.env.TEMPORAL_DB_HOST ?? server.hostname,
  TEMPORAL_DB_PORT: process.env.TEMPORAL_DB_PORT ?? (server.port || '5432'),
  TEMPORAL_DB_USER: process.env.TEMPORAL_DB_USER ?? decodeURIComponent(server.username || 'postgres'),
  TEMPORAL_DB_PASSWORD: process.env.TEMPORAL_DB_PASSWORD ?? decodeURIComponent(server.password),
  TEMPORAL_DB: process.env.TEMPORAL_DB ?? 'guanai_temporal',
  TEMPORAL_VISIBILITY_DB: process.env.TEMPORAL_VISIBILITY_DB ?? 'guanai_temporal_visibility',
};

const pg = (await import('pg')).default;
/** Creates a database on a server (connecting to its `postgres` database) when it is not there. */
async function ensureDatabase(name, { host, port, user, password }) {
  const admin = new pg.Client({ host, port: Number(port), user, password, database: 'postgres' });
  await admin.connect();
  try {
    const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!rowCount) await admin.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
  } finally {
    await admin.end();
  }
}
try {
  const appServer = {
    host: server.hostname,
    port: server.port || '5432',
    user: decodeURIComponent(server.username || 'postgres'),
    password: decodeURIComponent(server.password),
  };
  const temporalServer = {
    host: temporalDb.TEMPORAL_DB_HOST,
    port: temporalDb.TEMPORAL_DB_PORT,
    user: temporalDb.TEMPORAL_DB_USER,
    password: temporalDb.TEMPORAL_DB_PASSWORD,
  };
  await ensureDatabase(server.pathname.slice(1), appServer);
  await ensureDatabase(temporalDb.TEMPORAL_DB, temporalServer);
  await ensureDatabase(temporalDb.TEMPORAL_VISIBILITY_DB, temporalServer);
} catch (error) {
  fail(`PostgreSQL is not reachable (${server.host}; Temporal's at ${temporalDb.TEMPORAL_DB_HOST}): ${error.message}`);
}

/** Temporal's schema tool on one of its databases: the base schema once, then every versioned step. */
function migrateTemporalSchema(database, kind) {
  const common = [
    '--plugin',
    'postgres12',
    '--ep',
    temporalDb.TEMPORAL_DB_HOST,
    '-p',
    temporalDb.TEMPORAL_DB_PORT,
    '-u',
    temporalDb.TEMPORAL_DB_USER,
    ...(temporalDb.TEMPORAL_DB_PASSWORD ? ['--pw', temporalDb.TEMPORAL_DB_PASSWORD] : []),
    '--db',
    database,
  ];
  const sql = (args) => spawnSync(binaries.sql, [...common, ...args], { cwd: root, encoding: 'utf8' });
  // setup-schema -v 0.0 creates the version table; on a database that has it, it says so and changes nothing.
  const setup = sql(['setup-schema', '-v', '0.0']);
  if (setup.status !== 0 && !/already exists/i.test(setup.stderr + setup.stdout))
    fail(`temporal-sql setup-schema on ${database} failed:\n${setup.stderr}${setup.stdout}`);
  const update = sql(['update-schema', '-d', join(temporalSchemaDir(), kind, 'versioned')]);
  if (update.status !== 0) fail(`temporal-sql update-schema on ${database} failed:\n${update.stderr}${update.stdout}`);
}
step(`Migrating Temporal's databases (${temporalDb.TEMPORAL_DB}, ${temporalDb.TEMPORAL_VISIBILITY_DB})…`);
migrateTemporalSchema(temporalDb.TEMPORAL_DB, 'temporal');
migrateTemporalSchema(temporalDb.TEMPORAL_VISIBILITY_DB, 'visibility');

const env = {
  ...process.env,
  ...temporalDb,
  DATABASE_URL: databaseUrl,
  GUANAI_SECRET: secret,
  GUANAI_DATA_DIR: dataDir,
  TEMPORAL_ADDRESS: `127.0.0.1:${FRONTEND_PORT}`,
  TEMPORAL_FRONTEND_PORT: String(FRONTEND_PORT),
};

// 4. The application's migrations, seed and admin build, as npm start does
await prepareApp({ root, dataDir, env, step, run });

// 5. Processes
const { service, shutdown } = createSupervisor({ cwd: root, env });
const logDir = join(dataDir, 'logs');
mkdirSync(logDir, { recursive: true });
let proxy;
try {
  for (const [i, [name, port]] of TEMPORAL_SERVICES.entries()) {
    step(`Starting Temporal's ${name} service…`);
    const args = ['--root', root, '--config', 'deploy/temporal', '--env', 'cluster', '--allow-no-auth'];
    await service(`temporal-${name}`, binaries.server, [...args, 'start', '--service', name], {
      readyWhen: () => waitForPort(port, 120_000),
      env: { TEMPORAL_METRICS_PORT: String(METRICS_PORT_BASE + i) },
      logFile: join(logDir, `temporal-${name}.log`),
    });
  }
  step('Registering the namespace…');
  await run('node', ['--import', 'tsx', 'workflows/src/cluster/ensure-namespace.ts'], { env });

  for (let i = 1; i <= WORKERS; i++) {
    step(`Starting case worker ${i} of ${WORKERS}…`);
    await service(`worker-${i}`, process.execPath, ['--import', 'tsx', 'workflows/src/worker.ts'], {
      ready: (line) => line.includes('worker polling'),
    });
  }
  const upstreams = [];
  for (let i = 1; i <= APIS; i++) {
    const port = PORT + i;
    step(`Starting API replica ${i} of ${APIS} on port ${port}…`);
    await service(`api-${i}`, process.execPath, ['--import', 'tsx', 'api/src/server.ts'], {
      ready: (line) => line.includes('API listening'),
      env: { PORT: String(port) },
    });
    upstreams.push({ port });
  }
  proxy = await startRoundRobinProxy({ port: PORT, upstreams });
} catch (error) {
  console.error(`\x1b[31m✖ ${error.message}\x1b[0m`);
  await shutdown(1);
}
process.on('exit', () => proxy?.close());

console.log(`
\x1b[32m✔ Guanai 关爱援助 cluster is running\x1b[0m (ready in ${elapsed()} s)

  Admin and API      http://127.0.0.1:${PORT}/  (round robin over ${APIS} API replicas on ports ${PORT + 1}–${PORT + APIS})
  Case workers       ${WORKERS}
  Temporal           frontend 127.0.0.1:${FRONTEND_PORT}; history, matching and worker services, one process each
  Temporal logs      ${logDir}
  Temporal state     PostgreSQL ${temporalDb.TEMPORAL_DB_HOST}:${temporalDb.TEMPORAL_DB_PORT}/${temporalDb.TEMPORAL_DB}
  Application data   ${databaseUrl.replace(/\/\/[^@]*@/, '//…@')}

  Press Ctrl-C to stop.
`);
