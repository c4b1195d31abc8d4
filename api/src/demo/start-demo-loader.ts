import { WorkflowIdConflictPolicy, WorkflowIdReusePolicy, type Client } from '@temporalio/client';
import { CASES_TASK_QUEUE, DEMO_WORKFLOW_ID, type DemoLoaderInput } from '@guanai/workflows';

/** About 300 cases over six months (GUANAI_DEMO_CASES changes it). */
export const DEFAULT_DEMO_CASES = 300;

/**
 * Starts the demo loader, once: its workflow id is fixed, so a second replica (or a restart) joins
 * the running one, and a finished one is not run again. Only a failed one may be started anew.
 */
export async function startDemoLoader(
  temporal: Client,
  input: DemoLoaderInput,
  taskQueue = CASES_TASK_QUEUE,
): Promise<'running' | 'done'> {
  try {
    await temporal.workflow.start('demoLoaderWorkflow', {
      workflowId: DEMO_WORKFLOW_ID,
      taskQueue,
      args: [input],
      workflowIdConflictPolicy: WorkflowIdConflictPolicy.USE_EXISTING,
      workflowIdReusePolicy: WorkflowIdReusePolicy.ALLOW_DUPLICATE_FAILED_ONLY,
    });
    return 'running';
  } catch (error) {
    // A loader that completed earlier: the demo is there already.
    if (error instanceof Error && error.name === 'WorkflowExecutionAlreadyStartedError') return 'done';
    throw error;
  }
}
