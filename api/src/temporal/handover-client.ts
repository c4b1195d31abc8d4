import {
  WorkflowExecutionAlreadyStartedError,
  WorkflowIdReusePolicy,
  WorkflowNotFoundError,
  type Client,
} from '@temporalio/client';
import {
  CASES_TASK_QUEUE,
  faultPoint,
  handoverWorkflowId,
  type HandoverInput,
  type HandoverOutput,
} from '@guanai/workflows';
import { beforeWorkflowCall } from '../request/scope.ts';

type HandoverWorkflow = (input: HandoverInput) => Promise<HandoverOutput>;

export function createHandoverClient(client: Client, taskQueue = CASES_TASK_QUEUE) {
  return {
    /**
     * The result of this request's handover workflow when it was started already (a retry after
     * the API died before it answered), else null.
     */
    async existing(requestId: string): Promise<HandoverOutput | null> {
      const handle = client.workflow.getHandle<HandoverWorkflow>(handoverWorkflowId(requestId));
      try {
        await handle.describe();
      } catch (error) {
        if (error instanceof WorkflowNotFoundError) return null;
        throw error;
      }
      return handle.result();
    },

    /**
     * Starts the handover workflow for this request and waits for its result. The id is the
     * request's (from its Idempotency-Key): a retry after the API died joins the run that went on
     * without it — running or finished — instead of starting another.
     */
    async run(requestId: string, input: HandoverInput): Promise<HandoverOutput> {
      beforeWorkflowCall('a handover workflow');
      const workflowId = handoverWorkflowId(requestId);
      try {
        const handle = await client.workflow.start<HandoverWorkflow>('handoverWorkflow', {
          workflowId,
          taskQueue,
          args: [input],
          workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
        });
        faultPoint('api.after-update'); // chaos: the API dies once the workflow runs
        return await handle.result();
      } catch (error) {
        if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
        return client.workflow.getHandle<HandoverWorkflow>(workflowId).result();
      }
    },
  };
}

export type HandoverClient = ReturnType<typeof createHandoverClient>;
