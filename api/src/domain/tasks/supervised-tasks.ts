import type { Db } from '@guanai/db';
import { within } from '../../auth/jurisdiction.ts';
import type { SessionUser } from '../../auth/session.ts';
import { AppError } from '../../errors/app-error.ts';

/**
 * The tasks a supervisor hands on, each open and of a unit inside their subtree; the first that is
 * not is a 422 naming it (`taskIds.<i>`), before anything is sent to any case.
 */
export async function supervisedTasks(db: Db, user: SessionUser, taskIds: readonly string[], field = 'taskIds') {
  const rows = await db.task.findMany({
    where: { id: { in: [...taskIds] } },
    include: { unit: { select: { path: true, name: true } }, assignee: { select: { displayName: true } } },
  });
  const byId = new Map(rows.map((row) => [row.id, row]));
  return taskIds.map((id, i) => {
    const task = byId.get(id);
    const at = taskIds.length === 1 && field !== 'taskIds' ? field : `${field}.${i}`;
    if (!task || !within(user, task.unit.path))
      throw new AppError(task ? 'VALIDATION' : 'NOT_FOUND', {
        message: task ? `task ${id} is of ${task.unit.name}, outside your unit's subtree` : `task ${id} not found`,
        field: at,
      });
    if (task.status !== 'OPEN')
      throw new AppError('CONFLICT', {
        message: `task ${id} is ${task.status}, not open`,
        field: at,
        reason: 'TASK_CLOSED',
      });
    return task;
  });
}
