import type { Db } from '@guanai/db';
import type { CaseView } from '@guanai/workflows';
import type { SessionUser } from '../../auth/session.ts';
import { AppError } from '../../errors/app-error.ts';
import type { TTask } from '../../routes/tasks/tasks.types.ts';
import type { CaseClient } from '../../temporal/case-client.ts';
import { actorOf } from './actor-of.ts';
import { findVisibleTaskRow } from './find-visible-task.ts';
import { taskInclude, toTaskDto, type TaskRow } from './task-dto.ts';

/**
 * Claims a task (a user whose role may do it, within its unit's jurisdiction) or releases it (its
 * assignee, or a supervisor over its unit): the case Update, and meanwhile what the answer shows of
 * the task's unit, case and person. `key` (from the Idempotency-Key) makes a retried request one Update.
 */
export async function claimOrReleaseTask({
  db,
  cases,
  user,
  taskId,
  type,
  key,
  note,
}: {
  db: Db;
  cases: CaseClient;
  user: SessionUser;
  taskId: string;
  type: 'CLAIM' | 'RELEASE';
  key: string | undefined;
  /** Why (a release): kept as the case event's note. */
  note?: string;
}): Promise<TTask> {
  const row = await findVisibleTaskRow(db, user, taskId);
  // Issue 15: a supervisor who takes a task from a colleague says why (the case's event keeps it).
  if (type === 'RELEASE' && row.assigneeId !== null && row.assigneeId !== user.id && !note)
    throw new AppError('VALIDATION', { message: 'give a reason for releasing a colleague’s task', field: 'reason' });
  const [view, task] = await Promise.all([
    cases.act(row.caseId, { type, taskId: row.id, actor: actorOf(user), ...(note ? { note } : {}) }, key),
    db.task.findUniqueOrThrow({ where: { id: row.id }, include: taskInclude }),
  ]);
  // Read while the Update ran: only what the event cannot change (names, case number) is taken from it.
  return afterAction(
    db,
    { ...task, ...row, assignee: row.assigneeId === task.assigneeId ? task.assignee : null },
    view,
    user,
  );
}

/**
 * The task after a claim or release, from the row read before it and the workflow's answer (which
 * is what was just projected), so the API does not read the row again; read it when the answer
 * names someone whose name the API does not have.
 */
async function afterAction(db: Db, before: TaskRow, view: CaseView, user: SessionUser): Promise<TTask> {
  const after = view.context.tasks.find((t) => t.id === before.id);
  const assigneeName = !after
    ? undefined
    : after.assigneeId === null
      ? null
      : after.assigneeId === user.id
        ? user.displayName
        : after.assigneeId === before.assigneeId
          ? before.assignee?.displayName
          : undefined;
  if (!after || assigneeName === undefined || after.unitId !== before.unitId)
    return toTaskDto(await db.task.findUniqueOrThrow({ where: { id: before.id }, include: taskInclude }));
  const at = (iso: string | null | undefined) => (iso ? new Date(iso) : null);
  return toTaskDto({
    ...before,
    status: after.status,
    assigneeId: after.assigneeId,
    assignee: assigneeName === null ? null : { displayName: assigneeName },
    dueAt: new Date(after.dueAt),
    breachedAt: at(after.breachedAt),
    completedAt: at(after.completedAt),
    case: {
      ...before.case,
      state: view.state,
      emergency: view.context.emergency,
      flags: (view.context.flags ?? []) as unknown as TaskRow['case']['flags'],
    },
  });
}
