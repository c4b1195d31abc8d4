// A Temporal cluster's namespace for the workers and the API (`npm run cluster`, the cluster test,
// `npm run scale`): registered on a fresh cluster and waited for until the frontend serves it.
import { fileURLToPath } from 'node:url';
import { Connection } from '@temporalio/client';
import { msToTs } from '@temporalio/common/lib/time';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** True once the frontend describes the namespace. */
async function described(connection: Connection, namespace: string) {
  try {
    await connection.workflowService.describeNamespace({ namespace });
    return true;
  } catch {
    return false;
  }
}

/**
 * Registers the namespace unless the cluster has it, retrying while the frontend cannot yet reach
 * history and matching (it answers before they have joined), and returns once it is served.
 */
export async function ensureNamespace({
  address,
  namespace = 'default',
  retentionDays = 30,
  timeoutMs = 120_000,
  log = () => {},
}: {
  address: string;
  namespace?: string;
  retentionDays?: number;
  timeoutMs?: number;
  log?: (line: string) => void;
}): Promise<void> {
  const connection = await Connection.connect({ address });
  try {
    const deadline = Date.now() + timeoutMs;
    while (!(await described(connection, namespace))) {
      try {
        await connection.workflowService.registerNamespace({
          namespace,
          workflowExecutionRetentionPeriod: msToTs(`${retentionDays} days`),
          description: 'Guanai case workflows',
        });
        log(`registered namespace ${namespace} (retention ${retentionDays} days)`);
      } catch (error) {
        if (!/already exists/i.test(String(error))) {
          if (Date.now() > deadline) throw error;
          await sleep(1000);
        }
      }
    }
    log(`namespace ${namespace} is served at ${address}`);
  } finally {
    await connection.close();
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await ensureNamespace({
    address: process.env.TEMPORAL_ADDRESS ?? '127.0.0.1:7633',
    namespace: process.env.TEMPORAL_NAMESPACE ?? 'default',
    retentionDays: Number(process.env.TEMPORAL_RETENTION_DAYS ?? 30),
    log: (line) => console.log(line),
  });
}
