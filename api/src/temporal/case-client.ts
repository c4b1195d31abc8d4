import {
  WorkflowIdConflictPolicy,
  WorkflowNotFoundError,
  WorkflowUpdateFailedError,
  type Client,
} from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import {
  actUpdate,
  caseMachine,
  CASES_TASK_QUEUE,
  refusalOf,
  stateQuery,
  caseWorkflowId,
  syncUpdate,
  type ActRequest,
  type Actor,
  type CaseEvent,
  type CaseView,
  type CaseWorkflowInput,
  type RefusalCode,
  faultPoint,
} from '@guanai/workflows';
import { AppError, type AppErrorCode } from '../errors/app-error.ts';
import { beforeWorkflowCall } from '../request/scope.ts';

const REFUSAL_STATUS: Record<RefusalCode, AppErrorCode> = {
  FORBIDDEN: 'FORBIDDEN',
  TASK_NOT_FOUND: 'NOT_FOUND',
  TASK_TAKEN: 'CONFLICT',
  NOT_ASSIGNEE: 'CONFLICT',
  NOT_ALLOWED_IN_STATE: 'CONFLICT',
  INVALID: 'VALIDATION',
  STALE_VERSION: 'PRECONDITION_FAILED',
};

/** Turns the workflow's refusal (an ApplicationFailure typed with a RefusalCode) into a 4xx. */
function toAppError(error: unknown): never {
  if (error instanceof WorkflowUpdateFailedError && error.cause instanceof ApplicationFailure) {
    const code = (error.cause.type ?? 'NOT_ALLOWED_IN_STATE') as RefusalCode;
    const detail = error.cause.details?.[0] as { field?: string } | undefined;
    throw new AppError(REFUSAL_STATUS[code] ?? 'CONFLICT', {
      message: error.cause.message,
      reason: code,
      ...(detail?.field ? { field: detail.field } : {}),
    });
  }
  if (error instanceof WorkflowNotFoundError || (error instanceof Error && /already completed/i.test(error.message))) {
    throw new AppError('CONFLICT', {
      message: 'the case is closed; it takes no more actions',
      reason: 'NOT_ALLOWED_IN_STATE',
    });
  }
  throw error;
}

export function createCaseClient(client: Client, taskQueue = CASES_TASK_QUEUE) {
  return {
    /**
     * Starts the case workflow (or finds the one a retried request started) and returns once
     * its opening events are projected.
     */
    async open(input: CaseWorkflowInput): Promise<CaseView> {
      beforeWorkflowCall('opening a case workflow');
      const handle = await client.workflow.start('caseWorkflow', {
        workflowId: caseWorkflowId(input.record.caseId),
        taskQueue,
        args: [input],
        workflowIdConflictPolicy: WorkflowIdConflictPolicy.USE_EXISTING,
      });
      const view = await handle.executeUpdate(syncUpdate);
      faultPoint('api.after-update');
      return view;
    },

    /** Which of these actions the actor may take now, asked of the machine on the live snapshot. */
    async allowed(caseId: string, actor: Actor, candidates: Omit<CaseEvent, 'actor' | 'at'>[]): Promise<string[]> {
      const view = await client.workflow
        .getHandle(caseWorkflowId(caseId))
        .query(stateQuery)
        .catch(() => null);
      if (!view?.value) return [];
      const snapshot = caseMachine.resolveState({ value: view.value as never, context: view.context });
      const at = new Date().toISOString();
      return candidates
        .filter((event) => refusalOf(snapshot, { ...event, actor, at } as CaseEvent) === null)
        .map((event) => event.type);
    },

    /** A human action; the update id (derived from the caller's Idempotency-Key) makes a retried request have one effect. */
    async act(caseId: string, request: ActRequest, idempotencyKey?: string): Promise<CaseView> {
      beforeWorkflowCall(`the case Update ${request.type}`);
      const handle = client.workflow.getHandle(caseWorkflowId(caseId));
      const view = await handle
        .executeUpdate(actUpdate, { args: [request], ...(idempotencyKey ? { updateId: idempotencyKey } : {}) })
        .catch(toAppError);
      faultPoint('api.after-update'); // chaos: the API dies between the Update and its answer
      return view;
    },
  };
}

export type CaseClient = ReturnType<typeof createCaseClient>;
