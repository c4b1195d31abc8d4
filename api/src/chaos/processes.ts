import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { waitForPort } from '@guanai/devtools/net';
import {
  TEMPORAL_SERVICES,
  dropDatabases,
  freeClusterPorts,
  prepareTemporalDatabases,
  temporalServiceArgs,
  temporalServiceEnv,
  type TemporalService,
} from '@guanai/devtools/temporal-cluster';
import { ensureTemporalServer } from '@guanai/devtools/temporal-server';
import { ensureNamespace } from '@guanai/workflows/cluster';
export { freePort } from '@guanai/devtools/net';

const root = fileURLToPath(new URL('../../..', import.meta.url));

/** A child process that is ready when a line of its output says so, and can be killed hard or stopped. */
export interface Service {
  readonly pid: number | undefined;
  /** Still running. */
  alive(): boolean;
  /** kill -9: no chance to finish anything. */
  kill9(): Promise<void>;
  /** SIGTERM, then SIGKILL after a grace period. */
  stop(): Promise<void>;
  output(): string;
}

/** alive / kill -9 / stop for a child process. */
function controls(child: ChildProcess, output: () => string): Service {
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    pid: child.pid,
    alive: () => child.exitCode === null && child.signalCode === null,
    async kill9() {
      child.kill('SIGKILL');
      await exited;
    },
    async stop() {
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
    output,
  };
}

function spawnService(
  name: string,
  command: string,
  args: string[],
  env: Record<string, string>,
  ready: ((line: string) => boolean) | { port: number },
  timeoutMs = 120_000,
): Promise<Service> {
  let log = '';
  const child: ChildProcess = spawn(command, args, {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const service = controls(child, () => log);
  return new Promise((resolve, reject) => {
    // A child that does not become ready is killed: a failed start leaves nothing running.
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${name} did not start within ${timeoutMs / 1000} s:\n${log}`));
    }, timeoutMs);
    const onData = (chunk: Buffer) => {
      const text = chunk.toString();
      log = (log + text).slice(-20_000);
      if (typeof ready === 'function' && text.split('\n').some(ready)) {
        clearTimeout(timer);
        resolve(service);
      }
    };
    if (typeof ready !== 'function')
      waitForPort(ready.port, timeoutMs).then(
        () => {
          clearTimeout(timer);
          resolve(service);
        },
        (error: Error) => {
          child.kill('SIGKILL');
          reject(new Error(`${name}: ${error.message}:\n${log}`));
        },
      );
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`${name} exited (${code ?? signal}) before it was ready:\n${log}`));
    });
  });
}

/** Where the workers and the API find Temporal, and what the run may restart of it. */
export interface TemporalBackend {
  address: string;
  /** Its processes, by name (for their CPU, and to see that they run). */
  processes(): Record<string, Service>;
  /** The k-th restart (from 0) of a part of Temporal; says what was restarted. */
  restart(k: number): Promise<string>;
  /** Stops every process and drops what the backend made for itself. */
  stop(): Promise<void>;
}

function devServer(cli: string, { dbFile, port, uiPort }: { dbFile: string; port: number; uiPort: number }) {
  const args = [
    'server',
    'start-dev',
    '--headless',
    '--db-filename',
    dbFile,
    '--ip',
    '127.0.0.1',
    '--port',
    String(port),
    '--ui-port',
    String(uiPort),
    '--log-level',
    'error',
  ];
  // The dev server says nothing when ready at log level error: wait for its port to accept.
  return spawnService('temporal', cli, args, {}, { port }, 60_000);
}

/**
 * The Temporal dev server on its SQLite file, as `npm start` runs it. A restart stops it and starts
 * it again on the same file, where it has lost nothing.
 */
export async function startTemporalDevServer(
  cli: string,
  options: { dbFile: string; port: number; uiPort: number },
): Promise<TemporalBackend> {
  let server = await devServer(cli, options);
  return {
    address: `127.0.0.1:${options.port}`,
    processes: () => ({ temporal: server }),
    async restart() {
      await server.stop();
      await new Promise((r) => setTimeout(r, 2000));
      server = await devServer(cli, options);
      return 'Temporal dev server stopped and started again on the same file';
    },
    stop: () => server.stop(),
  };
}

/** The cluster's services the k-th restart kills (SIGKILL) and starts again, in turn. */
const RESTARTED: TemporalService[] = ['matching', 'history'];

/**
 * A throwaway Temporal cluster as `npm run cluster` runs it: its two databases made and migrated on
 * the PostgreSQL server of `databaseUrl` under fresh names, its four services as separate processes
 * on free ports, and the namespace registered. A restart kills the matching or the history service
 * with SIGKILL and starts it again; `stop()` stops them all and drops the databases.
 */
export async function startTemporalCluster(databaseUrl: string): Promise<TemporalBackend> {
  const binaries = ensureTemporalServer({ log: () => {} });
  const url = new URL(databaseUrl);
  const suffix = randomBytes(4).toString('hex');
  const db = {
    host: url.hostname,
    port: Number(url.port || 5432),
    user: decodeURIComponent(url.username || 'postgres'),
    password: decodeURIComponent(url.password),
    temporal: `guanai_temporal_${suffix}`,
    visibility: `guanai_temporal_visibility_${suffix}`,
  };
  const ports = await freeClusterPorts();
  const services = new Map<TemporalService, Service>();
  const start = async (name: TemporalService) => {
    const { env, readyPort } = temporalServiceEnv(name, ports, db);
    services.set(
      name,
      await spawnService(`temporal-${name}`, binaries.server, temporalServiceArgs(root, name), env, {
        port: readyPort,
      }),
    );
  };
  const stop = async () => {
    for (const name of [...TEMPORAL_SERVICES].reverse()) await services.get(name)?.stop();
    await dropDatabases([db.temporal, db.visibility], db).catch(() => undefined);
  };
  try {
    await prepareTemporalDatabases(binaries.sql, db, { cwd: root });
    for (const name of TEMPORAL_SERVICES) await start(name);
    await ensureNamespace({ address: `127.0.0.1:${ports.frontend}` });
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    address: `127.0.0.1:${ports.frontend}`,
    processes: () => Object.fromEntries([...services].map(([name, service]) => [`temporal-${name}`, service])),
    async restart(k) {
      const name = RESTARTED[k % RESTARTED.length]!;
      await services.get(name)!.kill9();
      await start(name);
      return `Temporal's ${name} service killed (SIGKILL) and started again`;
    },
    stop,
  };
}

export interface SystemEnv {
  temporalAddress: string;
  databaseUrl: string;
  secret: string;
  /** Fault points the processes kill themselves at (`name:probability,…`, see workflows/src/faults.ts). */
  faultPoints?: string;
}

/** How many times a process's output says it killed itself at a fault point. */
export const faultPointsHit = (service: Service) => (service.output().match(/^FAULT-POINT /gm) ?? []).length;

/** The case worker as its own process (node workflows/src/worker.ts); `extra` adds to or overrides its environment. */
export function startWorker(env: SystemEnv, extra: Record<string, string> = {}): Promise<Service> {
  return spawnService(
    'worker',
    process.execPath,
    ['--import', 'tsx', 'workflows/src/worker.ts'],
    {
      TEMPORAL_ADDRESS: env.temporalAddress,
      DATABASE_URL: env.databaseUrl,
      WORKER_LOG_LEVEL: 'ERROR',
      DB_POOL_MAX: '5',
      GUANAI_FAULT_POINTS: env.faultPoints ?? '',
      ...extra,
    },
    (line) => line.includes('worker polling'),
  );
}

/** The API as its own process (node api/src/server.ts), without the admin; `extra` as for the worker. */
export function startApi(env: SystemEnv, port: number, extra: Record<string, string> = {}): Promise<Service> {
  return spawnService(
    'api',
    process.execPath,
    ['--import', 'tsx', 'api/src/server.ts'],
    {
      TEMPORAL_ADDRESS: env.temporalAddress,
      DATABASE_URL: env.databaseUrl,
      GUANAI_SECRET: env.secret,
      PORT: String(port),
      LOG_LEVEL: 'info',
      ADMIN_DIST: '/nonexistent',
      DB_POOL_MAX: '5',
      GUANAI_FAULT_POINTS: env.faultPoints ?? '',
      ...extra,
    },
    (line) => line.includes('API listening'),
  );
}

/** Starts a service, trying again while what it needs (Temporal, say) is still coming back. */
export async function startWithRetry(start: () => Promise<Service>, attempts = 30): Promise<Service> {
  for (let i = 1; ; i++) {
    try {
      return await start();
    } catch (error) {
      if (i >= attempts) throw error;
      await new Promise((r) => setTimeout(r, 1000));
    }
  }
}
