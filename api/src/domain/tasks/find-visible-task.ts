import type { Db } from '@guanai/db';
import { visibleCases } from '../../auth/jurisdiction.ts';
import type { SessionUser } from '../../auth/session.ts';
import { notFound } from '../../errors/app-error.ts';
import { taskInclude } from './task-dto.ts';

/** A task on a case the user can see, with what its DTO shows, or 404. */
export async function findVisibleTask(db: Db, user: SessionUser, id: string) {
  const task = await db.task.findFirst({ where: { id, case: visibleCases(user) }, include: taskInclude });
  if (!task) throw notFound(`task ${id}`);
  return task;
}

/** The same check, the task's own columns only (one query): what an action needs before the Update. */
export async function findVisibleTaskRow(db: Db, user: SessionUser, id: string) {
  const task = await db.task.findFirst({ where: { id, case: visibleCases(user) } });
  if (!task) throw notFound(`task ${id}`);
  return task;
}
