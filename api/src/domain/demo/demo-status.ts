import type { Db } from '@guanai/db';
import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import { DEMO_WORKFLOW_ID, demoProgressQuery, type DemoSummary } from '@guanai/workflows';
import type { TDemoStatus } from '../../routes/demo/demo.types.ts';

/**
 * The demo's state: the loader workflow's progress while it runs (its Query), its outcome when it
 * has ended, else what the database holds (demo data loaded by a loader whose history is gone).
 */
export async function demoStatus({ db, temporal }: { db: Db; temporal: Client }): Promise<TDemoStatus> {
  const inDatabase = async (state: TDemoStatus['state']): Promise<TDemoStatus> => {
    const loaded = await db.case.count({ where: { demo: true } });
    return { state: loaded > 0 && state === 'absent' ? 'done' : state, loaded, total: loaded };
  };
  const handle = temporal.workflow.getHandle(DEMO_WORKFLOW_ID);
  try {
    const { status } = await handle.describe();
    if (status.name === 'RUNNING') {
      const progress = await handle.query(demoProgressQuery);
      return { state: 'loading', loaded: progress.loaded, total: progress.total };
    }
    if (status.name === 'COMPLETED') {
      const summary = (await handle.result()) as DemoSummary;
      return { state: 'done', loaded: summary.total, total: summary.total };
    }
    return inDatabase('failed');
  } catch (error) {
    // No loader (never started, or its history is gone), or Temporal unreachable: the database
    // still says whether demo data is there.
    if (!(error instanceof WorkflowNotFoundError)) console.warn(`demo status: ${String(error)}`);
    return inDatabase('absent');
  }
}
