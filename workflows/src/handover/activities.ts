import { Context } from '@temporalio/activity';
import { WorkflowNotFoundError, WorkflowUpdateFailedError, type Client } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { appendAudit, type Db, type Prisma } from '@guanai/db';
import { faultPoint } from '../faults.ts';
import { actUpdate, caseWorkflowId, type ActRequest } from '../case/messages.ts';
import type { RefusalCode } from '../case/rules.ts';
import type { Actor } from '../case/types.ts';
import type { HandoverItem, HandoverResult, UserChange } from './messages.ts';

/** The audit action of a user change made by a handover workflow (also how a retry finds it done). */
export const USER_CHANGE_ACTION = 'user.change-with-handover';

/**
 * The handover workflow's I/O: each task's Update to its case (idempotent by its update id), and a
 * user's change (idempotent by the audit entry it writes with it). `client` is for tests; a worker's
 * activity uses the worker's own client.
 */
export function createHandoverActivities({ db, client }: { db: Db; client?: Client }) {
  const temporal = () => client ?? Context.current().client;
  return {
    /**
     * Sends one task its RELEASE or REASSIGN. The update id is derived from the workflow and the
     * task, so a retried activity (or a retried request's run) is the same Update, which the case
     * takes once. A refusal (the task was completed or handed on meanwhile) is a result, not a failure.
     */
    async handOverTask({
      item,
      actor,
      updateId,
    }: {
      item: HandoverItem;
      actor: Actor;
      updateId: string;
    }): Promise<HandoverResult> {
      const request: ActRequest = item.assignee
        ? { type: 'REASSIGN', taskId: item.taskId, assignee: item.assignee, actor, note: item.note }
        : { type: 'RELEASE', taskId: item.taskId, actor, note: item.note };
      const base = { taskId: item.taskId, caseId: item.caseId };
      try {
        await temporal()
          .workflow.getHandle(caseWorkflowId(item.caseId))
          .executeUpdate(actUpdate, { args: [request], updateId });
        faultPoint('worker.effect');
        return item.assignee
          ? { ...base, outcome: 'REASSIGNED', assigneeId: item.assignee.id }
          : { ...base, outcome: 'RELEASED', assigneeId: null };
      } catch (error) {
        if (error instanceof WorkflowUpdateFailedError && error.cause instanceof ApplicationFailure) {
          const code = (error.cause.type ?? 'NOT_ALLOWED_IN_STATE') as RefusalCode;
          return { ...base, outcome: 'REFUSED', assigneeId: null, code, message: error.cause.message };
        }
        if (
          error instanceof WorkflowNotFoundError ||
          (error instanceof Error && /already completed/i.test(error.message))
        )
          return {
            ...base,
            outcome: 'REFUSED',
            assigneeId: null,
            code: 'NOT_ALLOWED_IN_STATE',
            message: 'the case is closed; it takes no more actions',
          };
        throw error; // Temporal or the network: retried
      }
    },

    /**
     * Writes a user's change, revokes their sessions and appends the audit entry, in one
     * transaction; a retry (the entry for this workflow is there) writes nothing again.
     */
    async applyUserChange({
      change,
      actor,
      workflowId,
    }: {
      change: UserChange;
      actor: Actor;
      workflowId: string;
    }): Promise<void> {
      await db.$transaction(async (tx) => {
        // One attempt at a time per workflow (an activity timed out may still be running).
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${workflowId}))`;
        const done = await tx.$queryRaw<unknown[]>`
          SELECT 1 FROM audit_log WHERE action = ${USER_CHANGE_ACTION} AND detail->>'workflowId' = ${workflowId} LIMIT 1`;
        if (done.length > 0) return;
        const before = await tx.user.findUniqueOrThrow({
          where: { id: change.userId },
          select: { displayName: true, role: true, orgUnitId: true, partnerId: true, active: true },
        });
        await tx.user.update({
          where: { id: change.userId },
          data: change.changes as Prisma.UserUncheckedUpdateInput,
        });
        await tx.session.updateMany({
          where: { userId: change.userId, revokedAt: null },
          data: { revokedAt: new Date() },
        });
        await appendAudit(tx, {
          actorId: actor.id,
          action: USER_CHANGE_ACTION,
          target: `/api/users/${change.userId}`,
          reason: change.note,
          detail: { workflowId, before, changes: change.changes, handoverTo: change.handoverTo?.id ?? null },
        });
      });
    },

    /** The user's claimed open tasks, oldest first (read after their change, so none is added later). */
    async claimedTasks({ userId }: { userId: string }): Promise<{ caseId: string; taskId: string; kind: string }[]> {
      const rows = await db.task.findMany({
        where: { assigneeId: userId, status: 'OPEN' },
        select: { id: true, caseId: true, kind: true },
        orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      });
      return rows.map((row) => ({ caseId: row.caseId, taskId: row.id, kind: row.kind }));
    },
  };
}

export type HandoverActivities = ReturnType<typeof createHandoverActivities>;
