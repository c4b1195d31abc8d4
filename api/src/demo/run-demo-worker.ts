import type { Client } from '@temporalio/client';
import type { NativeConnection } from '@temporalio/worker';
import type { Logger } from 'pino';
import type { Db, IdentityKeys } from '@guanai/db';
import { DEMO_WORKFLOW_ID, demoProgressQuery, type DemoSummary } from '@guanai/workflows';
import { createDemoWorker } from '@guanai/workflows/demo-worker';
import type { AppDeps } from '../env.ts';
import { createDemoActivities } from './demo-activities.ts';
import { startDemoLoader } from './start-demo-loader.ts';

/**
 * Starts the demo loader (once, whichever process asks first) and serves its activities from this
 * process until it has finished: every replica that asks helps, and a restarted one resumes.
 */
export async function runDemoLoader({
  db,
  keys,
  temporal,
  address,
  connection,
  namespace,
  taskQueue,
  total,
  caseSettings,
  disclosureThreshold,
  logger,
  progressEveryMs = 10_000,
}: {
  db: Db;
  keys: IdentityKeys;
  temporal: Client;
  address?: string;
  /** A worker connection to share (tests), else one to `address`. */
  connection?: NativeConnection;
  namespace?: string;
  /** The case workflows' task queue (tests use their own). */
  taskQueue?: string;
  total: number;
  caseSettings?: AppDeps['caseSettings'];
  disclosureThreshold?: number;
  logger: Pick<Logger, 'info' | 'error'>;
  progressEveryMs?: number;
}): Promise<DemoSummary | undefined> {
  if ((await startDemoLoader(temporal, { total }, taskQueue)) === 'done') {
    logger.info('demo data: already loaded');
    return undefined;
  }
  const activities = createDemoActivities({ db, keys, temporal, taskQueue, caseSettings, disclosureThreshold });
  const { worker, close } = await createDemoWorker({
    ...(connection ? { connection } : { address }),
    ...(namespace ? { namespace } : {}),
    activities,
  });
  logger.info(`demo data: loading ${total} cases in the background (progress: GET /api/demo/status)`);
  const handle = temporal.workflow.getHandle(DEMO_WORKFLOW_ID);
  // The launcher shows the API's output: the progress every few seconds (the admin shows a banner).
  const progress = setInterval(() => {
    handle
      .query(demoProgressQuery)
      .then((p) => logger.info(`demo data: 正在加载演示数据 ${p.loaded}/${p.total}`))
      .catch(() => {});
  }, progressEveryMs);
  try {
    const summary = (await worker.runUntil(handle.result())) as DemoSummary;
    logger.info(`demo data: loaded ${summary.total} cases (${JSON.stringify(summary.states)})`);
    return summary;
  } finally {
    clearInterval(progress);
    await close();
  }
}
