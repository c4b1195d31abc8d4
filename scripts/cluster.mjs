#!/usr/bin/env node
// `npm run cluster`: the same code as `npm start`, on a real Temporal cluster persisted in
// PostgreSQL — Temporal's four services as separate processes (deploy/temporal/cluster.yaml),
// CLUSTER_WORKERS case workers and CLUSTER_APIS API replicas behind a round-robin proxy on PORT.
// Ctrl-C stops everything. See README, "At scale".
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createLauncher, ensureSecret } from './lib/launcher.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dataDir = process.env.GUANAI_DATA_DIR ?? join(root, '.data', 'cluster');
const PORT = Number(process.env.PORT ?? 8080);
const WORKERS = Number(process.env.CLUSTER_WORKERS ?? 2);
const APIS = Number(process.env.CLUSTER_APIS ?? 2);
const { step, fail, run, elapsed, installDependencies } = createLauncher(root);

// 1. Dependencies, then the tooling by name
installDependencies();
const { waitForPort } = await import('@guanai/devtools/net');
const { ensureTemporalServer } = await import('@guanai/devtools/temporal-server');
const {
  DEFAULT_CLUSTER_PORTS,
  TEMPORAL_SERVICES,
  ensureDatabase,
  prepareTemporalDatabases,
  temporalServiceArgs,
  temporalServiceEnv,
} = await import('@guanai/devtools/temporal-cluster');
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
const db = {
  host: process.env.TEMPORAL_DB_HOST ?? server.hostname,
  port: process.env.TEMPORAL_DB_PORT ?? (server.port || '5432'),
  user: process.env.TEMPORAL_DB_USER ?? decodeURIComponent(server.username || 'postgres'),
  password: process.env.TEMPORAL_DB_PASSWORD ?? decodeURIComponent(server.password),
  temporal: process.env.TEMPORAL_DB ?? 'guanai_temporal',
  visibility: process.env.TEMPORAL_VISIBILITY_DB ?? 'guanai_temporal_visibility',
};
try {
  await ensureDatabase(server.pathname.slice(1), {
    host: server.hostname,
    port: server.port || '5432',
    user: decodeURIComponent(server.username || 'postgres'),
    password: decodeURIComponent(server.password),
  });
  step(`Migrating Temporal's databases (${db.temporal}, ${db.visibility})…`);
  await prepareTemporalDatabases(binaries.sql, db, { cwd: root });
} catch (error) {
  fail(`Preparing the databases (${server.host}; Temporal's at ${db.host}) failed: ${error.message}`);
}
// Every port of deploy/temporal/cluster.yaml may be moved by its variable; the launcher waits on the same ones.
const fromEnv = (name, fallback) => Number(process.env[name] ?? fallback);
const D = DEFAULT_CLUSTER_PORTS;
const ports = {
  frontend: fromEnv('TEMPORAL_FRONTEND_PORT', D.frontend),
  frontendHttp: fromEnv('TEMPORAL_FRONTEND_HTTP_PORT', D.frontendHttp),
  history: fromEnv('TEMPORAL_HISTORY_PORT', D.history),
  matching: fromEnv('TEMPORAL_MATCHING_PORT', D.matching),
  worker: fromEnv('TEMPORAL_WORKER_PORT', D.worker),
  membership: Object.fromEntries(
    TEMPORAL_SERVICES.map((name) => [
      name,
      fromEnv(`TEMPORAL_${name.toUpperCase()}_MEMBERSHIP_PORT`, D.membership[name]),
    ]),
  ),
  // Each Temporal process exposes its metrics on a port of its own, from TEMPORAL_METRICS_PORT_BASE on.
  metrics: Object.fromEntries(
    TEMPORAL_SERVICES.map((name, i) => [name, fromEnv('TEMPORAL_METRICS_PORT_BASE', D.metrics.history) + i]),
  ),
};

const env = {
  ...process.env,
  DATABASE_URL: databaseUrl,
  GUANAI_SECRET: secret,
  GUANAI_DATA_DIR: dataDir,
  TEMPORAL_ADDRESS: `127.0.0.1:${ports.frontend}`,
};

// 4. The application's migrations, seed and admin build, as npm start does
await prepareApp({ root, dataDir, env, step, run });

// 5. Processes
const { service, shutdown } = createSupervisor({ cwd: root, env });
const logDir = join(dataDir, 'logs');
mkdirSync(logDir, { recursive: true });
let proxy;
try {
  for (const name of TEMPORAL_SERVICES) {
    step(`Starting Temporal's ${name} service…`);
    const { env: own, readyPort } = temporalServiceEnv(name, ports, db);
    await service(`temporal-${name}`, binaries.server, temporalServiceArgs(root, name), {
      readyWhen: () => waitForPort(readyPort, 120_000),
      env: own,
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
      // The round-robin proxy puts the client's address in X-Forwarded-For (the per-address limits).
      env: { PORT: String(port), TRUSTED_PROXIES: '1' },
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
  Temporal           frontend 127.0.0.1:${ports.frontend}; history, matching and worker services, one process each
  Temporal logs      ${logDir}
  Temporal state     PostgreSQL ${db.host}:${db.port}/${db.temporal}
  Application data   ${databaseUrl.replace(/\/\/[^@]*@/, '//…@')}

  Press Ctrl-C to stop.
`);
