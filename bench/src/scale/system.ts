// The system `npm run scale` measures: the Temporal dev server (as `npm start`) or a Temporal cluster
// in PostgreSQL (as `npm run cluster`), with as many case workers and API replicas as asked, always
// behind the round-robin proxy so that every configuration is measured through the same front.
import { mkdtempSync, rmSync } from 'node:fs';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  freePort,
  startApi,
  startTemporalCluster,
  startTemporalDevServer,
  startWorker,
  type Service,
  type SystemEnv,
  type TemporalBackend,
} from '@guanai/api/chaos/processes';
import { seed } from '@guanai/db/seed';
import { createTestDatabase, type TestDatabase } from '@guanai/db/testing';
import { startRoundRobinProxy } from '@guanai/devtools/round-robin-proxy';
import { ensureTemporalCli } from '@guanai/devtools/temporal-cli';
import { BENCH_SECRET } from '../system.ts';

export type TemporalKind = 'dev' | 'cluster';

export interface ScaleSystem {
  kind: TemporalKind;
  baseUrl: string;
  database: TestDatabase;
  temporal: TemporalBackend;
  workers: Service[];
  apis: Service[];
  /** Starts or stops case workers and API replicas until there are this many of each. */
  resize(workers: number, apis: number): Promise<void>;
  /** Starts one more worker with its own environment (a patched workflow bundle, say). */
  addWorker(extra: Record<string, string>): Promise<Service>;
  stop(): Promise<void>;
}

export interface ScaleSystemOptions {
  kind: TemporalKind;
  workers: number;
  apis: number;
  /** Added to every worker's and API's environment. */
  env?: Record<string, string>;
}

/** A fresh, migrated and seeded database, Temporal of the kind asked, then the workers and APIs. */
export async function startScaleSystem({ kind, workers, apis, env = {} }: ScaleSystemOptions): Promise<ScaleSystem> {
  const dataDir = mkdtempSync(join(tmpdir(), 'guanai-scale-'));
  const database = await createTestDatabase();
  await seed(database.db);
  const temporal =
    kind === 'dev'
      ? await startTemporalDevServer(ensureTemporalCli(), {
          dbFile: join(dataDir, 'temporal.sqlite'),
          port: await freePort(),
          uiPort: await freePort(),
        })
      : await startTemporalCluster(database.url);
  const systemEnv: SystemEnv = { temporalAddress: temporal.address, databaseUrl: database.url, secret: BENCH_SECRET };
  // What the benchmarks' processes run with: the worker's warnings only, the default pools.
  const common = { WORKER_LOG_LEVEL: 'WARN', DB_POOL_MAX: '10', ...env };
  const running: { workers: Service[]; apis: Service[]; apiPorts: number[] } = { workers: [], apis: [], apiPorts: [] };
  // The proxy reads its upstreams at each request: replicas are added and removed in place.
  const upstreams: { port: number }[] = [];
  const port = await freePort();
  let proxy: Server | undefined;

  const resize = async (w: number, a: number) => {
    // Workers stopped by their caller (a rolling upgrade stops the old ones) no longer count.
    running.workers = running.workers.filter((s) => s.alive());
    while (running.workers.length > w) await running.workers.pop()!.stop();
    while (running.workers.length < w) running.workers.push(await startWorker(systemEnv, common));
    while (running.apis.length > a) {
      upstreams.pop();
      running.apiPorts.pop();
      await running.apis.pop()!.stop();
    }
    while (running.apis.length < a) {
      const apiPort = await freePort();
      running.apis.push(await startApi(systemEnv, apiPort, common));
      running.apiPorts.push(apiPort);
      upstreams.push({ port: apiPort });
    }
  };
  const stop = async () => {
    proxy?.close();
    await Promise.allSettled([...running.apis, ...running.workers].map((s) => s.stop()));
    await temporal.stop().catch(() => undefined);
    await database.drop().catch(() => undefined);
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await resize(workers, apis);
    proxy = await startRoundRobinProxy({ port, upstreams });
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    kind,
    baseUrl: `http://127.0.0.1:${port}`,
    database,
    temporal,
    get workers() {
      return running.workers;
    },
    get apis() {
      return running.apis;
    },
    resize,
    async addWorker(extra) {
      const worker = await startWorker(systemEnv, { ...common, ...extra });
      running.workers.push(worker);
      return worker;
    },
    stop,
  };
}
