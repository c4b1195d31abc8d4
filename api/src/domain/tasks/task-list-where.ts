import type { Prisma } from '@guanai/db';
import { isOutsider, subtree, visibleCases } from '../../auth/jurisdiction.ts';
import type { SessionUser } from '../../auth/session.ts';
import type { TTaskListFilter } from '../../routes/tasks/tasks.types.ts';
import { endOfBeijingDay } from './beijing-day.ts';

/** The filters beyond the plain queue's (status, kind, overdue): with any of them the queue is read in one query. */
export const NARROWING_FILTERS = [
  'dueToday',
  'emergency',
  'communityId',
  'unassigned',
  'assigneeId',
  'tier',
  'warned',
] as const satisfies readonly (keyof TTaskListFilter)[];

/** Whether a filter asks for more than the plain unit queue (status, kind, overdue). */
export const narrowsQueue = (filter: TTaskListFilter) =>
  NARROWING_FILTERS.some((key) => filter[key] !== undefined && filter[key] !== false);

/**
 * The tasks a list filter selects, inside the user's jurisdiction: my tasks (scope mine), or the
 * tasks of the units in my subtree (scope unit, the default). The inbox's list, its tab counts and
 * its export read through this one condition, so that a tab's count is the total of its list and
 * an export holds what the list shows.
 */
export function taskListWhere(user: SessionUser, filter: TTaskListFilter, now = new Date()): Prisma.TaskWhereInput {
  const byUnit = filter.scope !== 'mine';
  const clock: Prisma.TaskWhereInput[] = [];
  if (filter.overdue) clock.push({ dueAt: { lt: now } });
  // Due today: due before the end of today's Beijing date and not yet overdue (so neither breached).
  if (filter.dueToday) clock.push({ dueAt: { gte: now, lt: endOfBeijingDay(now) }, breachedAt: null });
  // Warned: past the warning point (recorded by the SLA timer, or by the clock if the timer is late), not yet due.
  if (filter.warned)
    clock.push({ dueAt: { gte: now }, breachedAt: null, OR: [{ warnedAt: { not: null } }, { warnAt: { lte: now } }] });
  const unit: Prisma.OrgUnitWhereInput = {
    ...(byUnit ? subtree(user) : {}),
    ...(filter.tier ? { level: filter.tier } : {}),
  };
  const kase: Prisma.CaseWhereInput = {
    // A task's unit is always in its case's chain (the community it started in and the centers
    // above it), so a task of a unit in my subtree is of a case I can see: the case condition — an
    // OR over two joins that made PostgreSQL scan every case for a district's queue — is kept only
    // for my own tasks and for outsiders (partners, volunteers), who see no case.
    ...(byUnit && !isOutsider(user) ? {} : visibleCases(user)),
    ...(filter.emergency ? { emergency: true } : {}),
    ...(filter.communityId ? { originUnitId: filter.communityId } : {}),
  };
  return {
    ...(byUnit ? {} : { assigneeId: user.id }),
    ...(filter.assigneeId ? { assigneeId: filter.assigneeId } : {}),
    ...(filter.unassigned ? { assigneeId: null } : {}),
    ...(Object.keys(unit).length ? { unit } : {}),
    ...(Object.keys(kase).length ? { case: kase } : {}),
    status: filter.status ?? 'OPEN',
    ...(filter.kind ? { kind: filter.kind } : {}),
    ...(filter.caseId ? { caseId: filter.caseId } : {}),
    ...(clock.length ? { AND: clock } : {}),
  };
}
