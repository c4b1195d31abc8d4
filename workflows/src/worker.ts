import { fileURLToPath } from 'node:url';
import {
  DefaultLogger,
  NativeConnection,
  Runtime,
  Worker,
  bundleWorkflowCode,
  type WorkflowBundle,
} from '@temporalio/worker';
import { Client, Connection } from '@temporalio/client';
import { createDb, databaseUrl, identityKeys, type Db } from '@guanai/db';
import { createCaseActivities } from './case/activities.ts';
import { createDisclosureActivities } from './disclosure/activities.ts';
import { createHandoverActivities } from './handover/activities.ts';
import { CASES_TASK_QUEUE } from './case/messages.ts';
import { createNotifyActivities } from './notify/activities.ts';
import { createDigestActivities } from './notify/digest.ts';
import { ensureMorningDigestSchedule } from './notify/schedule.ts';
import { runOutboxRelay } from './notify/relay.ts';
import type { DeliveryPolicy } from './notify/workflow.ts';

export const workflowsPath = fileURLToPath(new URL('./workflows.ts', import.meta.url));

/**
 * Bundles the workflow code once (tests share one bundle across workers): this package's, or the
 * entry at `path` (the rolling-upgrade benchmark starts workers on a patched version of it).
 */
export function bundleWorkflows(path = workflowsPath): Promise<WorkflowBundle> {
  return bundleWorkflowCode({ workflowsPath: path, logger: quietBundlerLogger });
}

const quietBundlerLogger = {
  log: () => {},
  trace: () => {},
  debug: () => {},
  info: () => {},
  warn: (message: string) => console.warn(message),
  error: (message: string) => console.error(message),
};

export async function createWorker({
  connection,
  db,
  taskQueue = CASES_TASK_QUEUE,
  namespace = 'default',
  workflowBundle,
}: {
  connection: NativeConnection;
  db: Db;
  taskQueue?: string;
  namespace?: string;
  workflowBundle?: WorkflowBundle;
}): Promise<Worker> {
  return Worker.create({
    connection,
    namespace,
    taskQueue,
    activities: {
      ...createCaseActivities({ db }),
      ...createDisclosureActivities({ db }),
      ...createHandoverActivities({ db }),
      ...createNotifyActivities({ db, keys: () => identityKeys(), adminUrl: process.env.ADMIN_URL }),
      ...createDigestActivities({ db }),
    },
    ...(workflowBundle ? { workflowBundle } : { workflowsPath }),
  });
}

async function main() {
  Runtime.install({ logger: new DefaultLogger((process.env.WORKER_LOG_LEVEL ?? 'WARN') as 'WARN') });
  const address = process.env.TEMPORAL_ADDRESS ?? '127.0.0.1:7233';
  const connection = await NativeConnection.connect({ address });
  const db = createDb({ url: databaseUrl(), max: Number(process.env.DB_POOL_MAX ?? 10) });
  const taskQueue = process.env.WORKER_TASK_QUEUE ?? CASES_TASK_QUEUE;
  const worker = await createWorker({
    connection,
    db,
    taskQueue,
    namespace: process.env.TEMPORAL_NAMESPACE ?? 'default',
    // GUANAI_WORKFLOWS_PATH: another entry module (a new workflow version, for a rolling upgrade).
    workflowBundle: await bundleWorkflows(process.env.GUANAI_WORKFLOWS_PATH || workflowsPath),
  });
  console.log(`worker polling task queue "${taskQueue}" on ${address}`);
  // The outbox relay (issue 18) runs beside every worker; they share the outbox row by row.
  const relayStop = new AbortController();
  const client = new Client({
    connection: await Connection.connect({ address }),
    namespace: process.env.TEMPORAL_NAMESPACE ?? 'default',
  });
  // NOTIFY_POLICY (JSON, DeliveryPolicy): how long deliveries retry; the default gives up after 24 hours.
  const policy = process.env.NOTIFY_POLICY ? (JSON.parse(process.env.NOTIFY_POLICY) as DeliveryPolicy) : undefined;
  await ensureMorningDigestSchedule(client, taskQueue);
  const relay = runOutboxRelay({ db, client, taskQueue, signal: relayStop.signal, ...(policy ? { policy } : {}) });
  await worker.run();
  relayStop.abort();
  await relay;
  await client.connection.close();
  await db.$disconnect();
  await connection.close();
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
