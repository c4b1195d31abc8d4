import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { waitForPort } from '@guanai/devtools/net';
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
  ready: (line: string) => boolean,
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
    const timer = setTimeout(
      () => reject(new Error(`${name} did not start within ${timeoutMs / 1000} s:\n${log}`)),
      timeoutMs,
    );
    const onData = (chunk: Buffer) => {
      const text = chunk.toString();
      log = (log + text).slice(-20_000);
      if (text.split('\n').some(ready)) {
        clearTimeout(timer);
        resolve(service);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`${name} exited (${code ?? signal}) before it was ready:\n${log}`));
    });
  });
}

/** The Temporal dev server on its SQLite file; started again on the same file, it has lost nothing. */
export async function startTemporalServer(
  cli: string,
  { dbFile, port, uiPort }: { dbFile: string; port: number; uiPort: number },
): Promise<Service> {
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
  const child = spawn(cli, args, { cwd: root, stdio: 'ignore' });
  await waitForPort(port, 60_000);
  return controls(child, () => '');
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

/** The case worker as its own process (node workflows/src/worker.ts). */
export function startWorker(env: SystemEnv): Promise<Service> {
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
    },
    (line) => line.includes('worker polling'),
  );
}

/** The API as its own process (node api/src/server.ts), without the admin. */
export function startApi(env: SystemEnv, port: number): Promise<Service> {
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
