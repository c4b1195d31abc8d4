// A Temporal cluster on PostgreSQL, one service per process (deploy/temporal/cluster.yaml): its
// databases created and migrated with the server's own schema tool, and the command, environment
// and readiness port of each service. Shared by `npm run cluster`, the cluster test and `npm run scale`.
import { spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import pg from 'pg';
import { temporalSchemaDir } from './temporal-server.mjs';

/** The order they start in: history and matching before the frontend that routes to them, the internal worker last. */
export const TEMPORAL_SERVICES = ['history', 'matching', 'frontend', 'worker'];

/** Ports of deploy/temporal/cluster.yaml's defaults (those of `npm run cluster` on one machine). */
export const DEFAULT_CLUSTER_PORTS = {
  frontend: 7633,
  frontendHttp: 7643,
  history: 7634,
  matching: 7635,
  worker: 7639,
  membership: { frontend: 6633, history: 6634, matching: 6635, worker: 6639 },
  metrics: { history: 7600, matching: 7601, frontend: 7602, worker: 7603 },
};

/** Whether a port can be listened on now. */
const available = (port) =>
  new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });

/**
 * A port nothing listens on, below 32768: Temporal keeps a host's membership port in a smallint
 * column (cluster_membership), so the OS's ephemeral ports (32768 and up) make a service fail to join.
 */
async function freeLowPort(taken) {
  for (;;) {
    const port = 20_000 + Math.floor(Math.random() * 12_000);
    if (!taken.has(port) && (await available(port))) {
      taken.add(port);
      return port;
    }
  }
}

/** Ports nothing listens on, for a throwaway cluster beside anything else on the machine. */
export async function freeClusterPorts() {
  const taken = new Set();
  const one = () => freeLowPort(taken);
  const group = async () => ({
    frontend: await one(),
    history: await one(),
    matching: await one(),
    worker: await one(),
  });
  return {
    frontend: await one(),
    frontendHttp: await one(),
    history: await one(),
    matching: await one(),
    worker: await one(),
    membership: await group(),
    metrics: await group(),
  };
}

/**
 * Connections each service keeps to Temporal's database, unless TEMPORAL_DB_MAX_CONNS says otherwise:
 * history does the persistence work; together they stay well under PostgreSQL's default limit of
 * 100 connections, which the application's pools share on one machine.
 */
const MAX_CONNS = { history: 12, matching: 6, frontend: 6, worker: 3 };

/**
 * The configuration's environment for one service (the template reads every port, so that every
 * process knows where the others are) and the port that says it is up: its gRPC port, or for the
 * internal worker, which serves none, its membership port.
 */
export function temporalServiceEnv(name, ports, db) {
  const env = {
    TEMPORAL_DB_HOST: db.host,
    TEMPORAL_DB_PORT: String(db.port),
    TEMPORAL_DB_USER: db.user,
    TEMPORAL_DB_PASSWORD: db.password ?? '',
    TEMPORAL_DB: db.temporal,
    TEMPORAL_VISIBILITY_DB: db.visibility,
    TEMPORAL_FRONTEND_PORT: String(ports.frontend),
    TEMPORAL_FRONTEND_HTTP_PORT: String(ports.frontendHttp),
    TEMPORAL_HISTORY_PORT: String(ports.history),
    TEMPORAL_MATCHING_PORT: String(ports.matching),
    TEMPORAL_WORKER_PORT: String(ports.worker),
    TEMPORAL_FRONTEND_MEMBERSHIP_PORT: String(ports.membership.frontend),
    TEMPORAL_HISTORY_MEMBERSHIP_PORT: String(ports.membership.history),
    TEMPORAL_MATCHING_MEMBERSHIP_PORT: String(ports.membership.matching),
    TEMPORAL_WORKER_MEMBERSHIP_PORT: String(ports.membership.worker),
    TEMPORAL_METRICS_PORT: String(ports.metrics[name]),
    TEMPORAL_DB_MAX_CONNS: process.env.TEMPORAL_DB_MAX_CONNS ?? String(MAX_CONNS[name]),
  };
  const readyPort = name === 'worker' ? ports.membership.worker : ports[name];
  return { env, readyPort };
}

/** `server … start --service <name>` with the repository's configuration. */
export function temporalServiceArgs(root, name) {
  return [
    '--root',
    root,
    '--config',
    'deploy/temporal',
    '--env',
    'cluster',
    '--allow-no-auth',
    'start',
    '--service',
    name,
  ];
}

/** A database server's admin connection (its `postgres` database). */
async function withAdmin({ host, port, user, password }, fn) {
  const admin = new pg.Client({
    host,
    port: Number(port),
    user,
    password: password || undefined,
    database: 'postgres',
  });
  await admin.connect();
  try {
    return await fn(admin);
  } finally {
    await admin.end();
  }
}

const quoted = (name) => `"${name.replace(/"/g, '""')}"`;

/** Creates a database on a server when it is not there. */
export function ensureDatabase(name, server) {
  return withAdmin(server, async (admin) => {
    const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!rowCount) await admin.query(`CREATE DATABASE ${quoted(name)}`);
  });
}

/** Drops databases (a throwaway cluster's), closing whatever still holds them. */
export function dropDatabases(names, server) {
  return withAdmin(server, async (admin) => {
    for (const name of names) await admin.query(`DROP DATABASE IF EXISTS ${quoted(name)} WITH (FORCE)`);
  });
}

/**
 * Temporal's two databases on `db` (host, port, user, password, temporal, visibility): created when
 * missing, then the base schema once and every versioned step, with the server's schema tool.
 * Throws with the tool's output when a step fails.
 */
export async function prepareTemporalDatabases(sqlTool, db, { cwd } = {}) {
  for (const [database, kind] of [
    [db.temporal, 'temporal'],
    [db.visibility, 'visibility'],
  ]) {
    await ensureDatabase(database, db);
    const common = ['--plugin', 'postgres12', '--ep', db.host, '-p', String(db.port), '-u', db.user];
    if (db.password) common.push('--pw', db.password);
    common.push('--db', database);
    const sql = (args) => spawnSync(sqlTool, [...common, ...args], { cwd, encoding: 'utf8' });
    // setup-schema -v 0.0 creates the version table; on a database that has it, it says so and changes nothing.
    const setup = sql(['setup-schema', '-v', '0.0']);
    if (setup.status !== 0 && !/already exists/i.test(setup.stderr + setup.stdout))
      throw new Error(`temporal-sql setup-schema on ${database} failed:\n${setup.stderr}${setup.stdout}`);
    const update = sql(['update-schema', '-d', join(temporalSchemaDir(), kind, 'versioned')]);
    if (update.status !== 0)
      throw new Error(`temporal-sql update-schema on ${database} failed:\n${update.stderr}${update.stdout}`);
  }
}
