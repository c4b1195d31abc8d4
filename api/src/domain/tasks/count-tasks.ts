import type { Db } from '@guanai/db';
import { isOutsider } from '../../auth/jurisdiction.ts';
import type { SessionUser } from '../../auth/session.ts';
import type { TTaskCounts, TTaskListFilter } from '../../routes/tasks/tasks.types.ts';
import { taskListWhere } from './task-list-where.ts';
import { openTasksUnder } from './unit-queue.ts';

/**
 * The inbox's tab counts. Each is counted through the list's own condition (taskListWhere), so a
 * tab shows the total its list will give; the unit's open tasks come from the per-unit counters,
 * as the plain queue's total does. The narrower counts are range scans of indexes: my tasks by
 * (assignee_id, status, due_at), today's by the partial index of open unbreached tasks by due time,
 * the unclaimed by task_open_unassigned and the emergency ones from case_emergency
 * (migration 20261205100000_saved_task_views).
 */
export async function countTasks(db: Db, user: SessionUser, now = new Date()): Promise<TTaskCounts> {
  const count = (filter: TTaskListFilter) => db.task.count({ where: taskListWhere(user, filter, now) });
  const [mine, unassigned, unit, dueToday, overdue, emergency] = await Promise.all([
    count({ scope: 'mine' }),
    count({ scope: 'unit', unassigned: true }),
    isOutsider(user) ? count({ scope: 'unit' }) : openTasksUnder(db, user.orgUnit.path),
    count({ scope: 'unit', dueToday: true }),
    count({ scope: 'unit', overdue: true }),
    count({ scope: 'unit', emergency: true }),
  ]);
  return { mine, unassigned, unit, dueToday, overdue, emergency };
}
