import type { Db, Prisma } from '@guanai/db';
import { subtree } from '../../auth/jurisdiction.ts';
import type { SessionUser } from '../../auth/session.ts';
import type { TCaseworkerHome } from '../../routes/home/home.types.ts';
import { caseListWhere } from '../cases/case-list-where.ts';
import { endOfBeijingDay } from './end-of-beijing-day.ts';

const DAY_MS = 24 * 3_600_000;

/**
 * A caseworker's day: my tasks due today, overdue and of emergency cases, my unit's unclaimed queue,
 * and the cases changed since I last looked (a day ago when I never have). Each count is the total of
 * the task or case list its link opens (the list filters of the contract).
 */
export async function caseworkerHome({
  db,
  user,
  now,
}: {
  db: Db;
  user: SessionUser;
  now: Date;
}): Promise<TCaseworkerHome> {
  const mine: Prisma.TaskWhereInput = { assigneeId: user.id, status: 'OPEN' };
  const seen = await db.homeSeen.findUnique({ where: { userId: user.id } });
  const since = seen?.seenAt ?? new Date(now.getTime() - DAY_MS);
  const changedFilter = { changedSince: since.toISOString() };
  const [dueToday, overdue, emergency, unclaimed, changed] = await Promise.all([
    db.task.count({ where: { ...mine, dueAt: { gte: now, lt: endOfBeijingDay(now) } } }),
    db.task.count({ where: { ...mine, dueAt: { lt: now } } }),
    db.task.count({ where: { ...mine, case: { emergency: true } } }),
    db.task.count({ where: { unit: subtree(user), status: 'OPEN', assigneeId: null } }),
    db.case.count({ where: await caseListWhere(db, user, changedFilter) }),
  ]);
  return {
    kind: 'caseworker',
    unit: { id: user.orgUnit.id, name: user.orgUnit.name, level: user.orgUnit.level },
    dueToday: { value: dueToday, link: { to: 'tasks', filter: { scope: 'mine', dueToday: true } } },
    overdue: { value: overdue, link: { to: 'tasks', filter: { scope: 'mine', overdue: true } } },
    emergency: { value: emergency, link: { to: 'tasks', filter: { scope: 'mine', emergency: true } } },
    unclaimed: { value: unclaimed, link: { to: 'tasks', filter: { scope: 'unit', unassigned: true } } },
    changed: { value: changed, since: since.toISOString(), link: { to: 'cases', filter: changedFilter } },
  };
}
