import { proxyActivities, setHandler } from '@temporalio/workflow';
import {
  DEMO_TASK_QUEUE,
  demoProgressQuery,
  type DemoActivities,
  type DemoLoaderInput,
  type DemoProgress,
  type DemoSummary,
} from './messages.ts';

const demo = proxyActivities<DemoActivities>({
  taskQueue: DEMO_TASK_QUEUE,
  startToCloseTimeout: '10 minutes',
  retry: { initialInterval: '1 second', maximumInterval: '30 seconds', maximumAttempts: 10 },
});

/**
 * Loads the demo (演示数据) through the real case workflows: one activity per case, a few at a time,
 * with its progress as a Query. Its id is fixed (DEMO_WORKFLOW_ID), so it runs once however many
 * processes ask for it; a worker that dies mid-way leaves the rest to the retry, which finds what
 * the first attempt did by its deterministic ids.
 */
export async function demoLoaderWorkflow(input: DemoLoaderInput): Promise<DemoSummary> {
  const progress: DemoProgress = { phase: 'preparing', loaded: 0, total: input.total };
  setHandler(demoProgressQuery, () => progress);
  await demo.prepareDemo({ total: input.total });
  progress.phase = 'cases';
  let next = 0;
  const lane = async () => {
    while (next < input.total) {
      const index = next;
      next += 1;
      await demo.loadDemoCase({ index, total: input.total });
      progress.loaded += 1;
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, input.concurrency ?? 4) }, lane));
  progress.phase = 'finishing';
  const summary = await demo.finishDemo({ total: input.total });
  progress.phase = 'done';
  return summary;
}
