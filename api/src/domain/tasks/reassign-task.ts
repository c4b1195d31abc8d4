import type { Db } from '@guanai/db';
import type { SessionUser } from '../../auth/session.ts';
import { AppError } from '../../errors/app-error.ts';
import type { TTask } from '../../routes/tasks/tasks.types.ts';
import type { CaseClient } from '../../temporal/case-client.ts';
import { actorOf } from './actor-of.ts';
import { chooseAssignee, handoverNote } from './choose-assignee.ts';
import { findVisibleTaskRow } from './find-visible-task.ts';
import { supervisedTasks } from './supervised-tasks.ts';
import { taskInclude, toTaskDto } from './task-dto.ts';

/**
 * A supervisor hands one task of their subtree to a colleague, with a reason: one REASSIGN Update,
 * whose note (the reason, and 代 X 办理 when the colleague is away and their delegate takes it)
 * the case's event keeps. `key` (from the Idempotency-Key) makes a retried request one Update.
 */
export async function reassignTask({
  db,
  cases,
  user,
  taskId,
  assigneeId,
  reason,
  key,
}: {
  db: Db;
  cases: CaseClient;
  user: SessionUser;
  taskId: string;
  assigneeId: string;
  reason: string;
  key: string | undefined;
}): Promise<TTask> {
  const row = await findVisibleTaskRow(db, user, taskId);
  const [task] = await supervisedTasks(db, user, [row.id], 'id');
  const chosen = await chooseAssignee({ db, user, assigneeId, tasks: [task!] });
  await cases
    .act(
      row.caseId,
      {
        type: 'REASSIGN',
        taskId: row.id,
        assignee: chosen.actor,
        actor: actorOf(user),
        note: handoverNote(reason, chosen),
      },
      key,
    )
    .catch((error: unknown) => {
      // The machine names the new assignee `assignee`; this route takes it as `assigneeId`.
      if (error instanceof AppError && error.errors.some((e) => e.field === 'assignee'))
        throw new AppError(error.code, {
          message: error.message,
          field: 'assigneeId',
          ...(error.reason ? { reason: error.reason } : {}),
        });
      throw error;
    });
  return toTaskDto(await db.task.findUniqueOrThrow({ where: { id: row.id }, include: taskInclude }));
}
