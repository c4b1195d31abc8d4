import { NativeConnection, Worker } from '@temporalio/worker';
import { DEMO_TASK_QUEUE, type DemoActivities } from './messages.ts';

/**
 * A worker for the demo loader's activities only (no workflows): it runs in the process that has
 * the domain code the activities use (the API's). Every API replica may run one; Temporal hands
 * each activity to one of them.
 */
export async function createDemoWorker({
  address,
  connection: given,
  namespace = 'default',
  activities,
  taskQueue = DEMO_TASK_QUEUE,
}: {
  /** Where Temporal is, unless a `connection` is given (tests share theirs). */
  address?: string;
  connection?: NativeConnection;
  namespace?: string;
  activities: DemoActivities;
  taskQueue?: string;
}): Promise<{ worker: Worker; close: () => Promise<void> }> {
  const connection = given ?? (await NativeConnection.connect({ address }));
  const worker = await Worker.create({
    connection,
    namespace,
    taskQueue,
    activities: activities as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>,
    maxConcurrentActivityTaskExecutions: 8,
  });
  return { worker, close: () => (given ? Promise.resolve() : connection.close()) };
}
