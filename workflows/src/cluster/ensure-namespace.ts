// `npm run cluster`: the namespace the workers and the API use, registered on a fresh cluster and
// waited for until the frontend serves it (a new namespace reaches its cache within seconds).
import { Connection } from '@temporalio/client';
import { msToTs } from '@temporalio/common/lib/time';

const address = process.env.TEMPORAL_ADDRESS ?? '127.0.0.1:7633';
const namespace = process.env.TEMPORAL_NAMESPACE ?? 'default';
const RETENTION_DAYS = Number(process.env.TEMPORAL_RETENTION_DAYS ?? 30);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** True once the frontend describes the namespace. */
async function described(connection: Connection) {
  try {
    await connection.workflowService.describeNamespace({ namespace });
    return true;
  } catch {
    return false;
  }
}

const connection = await Connection.connect({ address });
try {
  // The frontend answers before history and matching have joined: retry until it can register.
  const deadline = Date.now() + 120_000;
  while (!(await described(connection))) {
    try {
      await connection.workflowService.registerNamespace({
        namespace,
        workflowExecutionRetentionPeriod: msToTs(`${RETENTION_DAYS} days`),
        description: 'Guanai case workflows',
      });
      console.log(`registered namespace ${namespace} (retention ${RETENTION_DAYS} days)`);
    } catch (error) {
      if (!/already exists/i.test(String(error))) {
        if (Date.now() > deadline) throw error;
        await sleep(1000);
      }
    }
  }
  // Every frontend's namespace cache must have it before a worker polls.
  await connection.workflowService.describeNamespace({ namespace });
  console.log(`namespace ${namespace} is served at ${address}`);
} finally {
  await connection.close();
}
