import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seed } from '@guanai/db/seed';
import { createTestDatabase, type TestDatabase } from '@guanai/db/testing';
import { freePort, waitForPort } from '@guanai/devtools/net';
import { ensureTemporalCli } from '@guanai/devtools/temporal-cli';
import { root } from './results.ts';
export { freePort } from '@guanai/devtools/net';

export const BENCH_SECRET = 'bench-secret-for-guanai-identity-numbers-0123456789';

/** Children started by the benchmarks; killed on any exit, so a failed run leaves nothing behind. */
const children = new Set<ChildProcess>();
process.on('exit', () => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
});

/**
 * Dev-server log lines that say nothing about the system measured: a metrics quirk under load, and
 * calls cut short when a client closes its connection at shutdown.
 */
const HARMLESS = [/unable to add metrics baggage/, /context canceled/];

/** Starts a long-running child and resolves once a line of its output says it is ready. */
function service(
  name: string,
  command: string,
  args: string[],
  { env, ready, timeoutMs = 120_000 }: { env: NodeJS.ProcessEnv; ready: (line: string) => boolean; timeoutMs?: number },
): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
    children.add(child);
    let output = '';
    let isReady = false;
    const timer = setTimeout(
      () => reject(new Error(`${name} was not ready within ${timeoutMs / 1000} s:\n${output}`)),
      timeoutMs,
    );
    for (const stream of [child.stdout!, child.stderr!]) {
      let buffer = '';
      stream.on('data', (chunk: Buffer) => {
        buffer += chunk.toString();
        const lines = buffer.split('\n');
        buffer = lines.pop()!;
        for (const line of lines) {
          if (!isReady) output += `${line}\n`;
          // After start-up only problems are worth showing (the services log warnings and errors).
          else if (/error|warn|fatal/i.test(line) && !HARMLESS.some((re) => re.test(line)))
            process.stderr.write(`[${name}] ${line}\n`);
          if (!isReady && ready(line)) {
            isReady = true;
            clearTimeout(timer);
            resolve(child);
          }
        }
      });
    }
    child.once('exit', (code, signal) => {
      children.delete(child);
      if (!isReady) {
        clearTimeout(timer);
        reject(new Error(`${name} exited before it was ready (code ${code}, signal ${signal}):\n${output}`));
      }
    });
  });
}

async function stopChild(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
  children.delete(child);
}

/**
 * Extra dev-server arguments for experiments (e.g. BENCH_TEMPORAL_ARGS='--dynamic-config-value
 * system.enableActivityEagerExecution=true'); results record them. Unset, the server runs as `npm start` runs it.
 */
export const extraTemporalArgs = () => (process.env.BENCH_TEMPORAL_ARGS ?? '').split(/\s+/).filter(Boolean);

export interface TemporalServer {
  address: string;
  cli: string;
  pid: number;
  stop(): Promise<void>;
}

/**
 * The Temporal dev server as `npm start` runs it (the same CLI, state in an SQLite file), headless
 * and on free ports.
 */
export async function startTemporalServer(dataDir: string): Promise<TemporalServer> {
  const cli = ensureTemporalCli({ log: (line: string) => console.log(line) });
  const [port, httpPort, metricsPort] = [await freePort(), await freePort(), await freePort()];
  const child = await service(
    'temporal',
    cli,
    [
      'server',
      'start-dev',
      '--headless',
      '--ip',
      '127.0.0.1',
      '--port',
      String(port),
      '--http-port',
      String(httpPort),
      '--metrics-port',
      String(metricsPort),
      '--db-filename',
      join(dataDir, 'temporal.sqlite'),
      '--log-level',
      'error',
      ...extraTemporalArgs(),
    ],
    { env: process.env, ready: (line) => line.includes('Server:') || line.includes(`:${port}`) },
  );
  await waitForPort(port);
  return { address: `127.0.0.1:${port}`, cli, pid: child.pid!, stop: () => stopChild(child) };
}

export interface RunningSystem {
  baseUrl: string;
  database: TestDatabase;
  temporal: TemporalServer;
  pids: { api: number; worker: number | null; temporal: number };
  dataDir: string;
  stop(): Promise<void>;
}

/**
 * The system as `npm start` runs it — Temporal dev server, worker and API as separate processes —
 * against a fresh, migrated and seeded database on the local PostgreSQL server.
 */
export async function startSystem({
  worker = true,
  apiEnv = {},
  log = (line: string) => console.log(line),
}: { worker?: boolean; apiEnv?: Record<string, string>; log?: (line: string) => void } = {}): Promise<RunningSystem> {
  const dataDir = mkdtempSync(join(tmpdir(), 'guanai-bench-'));
  log('  starting PostgreSQL database (migrations, seed) and the Temporal dev server…');
  const [database, temporal] = await Promise.all([
    createTestDatabase().then(async (db) => {
      await seed(db.db);
      return db;
    }),
    startTemporalServer(dataDir),
  ]);
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: database.url,
    TEMPORAL_ADDRESS: temporal.address,
    GUANAI_SECRET: BENCH_SECRET,
    GUANAI_DATA_DIR: dataDir,
    PORT: String(port),
    HOST: '127.0.0.1',
  };
  let workerChild: ChildProcess | undefined;
  let apiChild: ChildProcess | undefined;
  try {
    if (worker) {
      log('  starting the worker (bundles the workflow code)…');
      workerChild = await service('worker', process.execPath, ['--import', 'tsx', 'workflows/src/worker.ts'], {
        env,
        ready: (line) => line.includes('worker polling'),
      });
    }
    log('  starting the API…');
    apiChild = await service('api', process.execPath, ['--import', 'tsx', 'api/src/server.ts'], {
      env: { ...env, ...apiEnv },
      ready: (line) => line.includes('API listening'),
    });
  } catch (error) {
    await Promise.all([stopChild(apiChild), stopChild(workerChild)]);
    await temporal.stop();
    await database.drop();
    throw error;
  }
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    database,
    temporal,
    pids: { api: apiChild.pid!, worker: workerChild?.pid ?? null, temporal: temporal.pid },
    dataDir,
    async stop() {
      await stopChild(apiChild);
      await stopChild(workerChild);
      await temporal.stop();
      await database.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
