import type { Db } from '@guanai/db';
import { subtree } from '../../auth/jurisdiction.ts';
import type { SessionUser } from '../../auth/session.ts';
import type { TSupervisorHome } from '../../routes/home/home.types.ts';
import { caseListWhere } from '../cases/case-list-where.ts';

interface TeamRow {
  id: string;
  name: string;
  role: TSupervisorHome['team'][number]['role'];
  open: number;
  overdue: number;
}

/**
 * A supervisor's day: the team (the caseworkers and supervisors of my unit) with their open and overdue
 * tasks, plans and closures awaiting approval at my unit, escalations waiting at my unit, and cases
 * returned with guidance. Approvals and escalations are tasks of my own unit: the one unit of my tier
 * in my subtree, so the task list's `tier` filter finds exactly them.
 */
export async function supervisorHome({
  db,
  user,
  now,
}: {
  db: Db;
  user: SessionUser;
  now: Date;
}): Promise<TSupervisorHome> {
  const atMyUnit = (kind: string) => db.task.count({ where: { unitId: user.orgUnit.id, status: 'OPEN', kind } });
  const returnedFilter = { status: 'OPEN' as const, returned: true as const };
  const [team, unclaimed, unitOverdue, planApprovals, closureApprovals, escalations, returned] = await Promise.all([
    db.$queryRaw<TeamRow[]>`
      SELECT u.id, u.display_name AS name, u.role::text AS role,
             count(t.id)::int AS open, (count(t.id) FILTER (WHERE t.due_at < ${now}))::int AS overdue
      FROM app_user u LEFT JOIN task t ON t.assignee_id = u.id AND t.status = 'OPEN'
      WHERE u.org_unit_id = ${user.orgUnit.id}::uuid AND u.active AND u.role IN ('CASEWORKER', 'SUPERVISOR')
      GROUP BY u.id ORDER BY overdue DESC, open DESC, u.display_name`,
    db.task.count({ where: { unit: subtree(user), status: 'OPEN', assigneeId: null } }),
    db.task.count({ where: { unit: subtree(user), status: 'OPEN', dueAt: { lt: now } } }),
    atMyUnit('APPROVE_PLAN'),
    atMyUnit('APPROVE_CLOSURE'),
    atMyUnit('ACCEPT_ESCALATION'),
    db.case.count({ where: await caseListWhere(db, user, returnedFilter) }),
  ]);
  const tier = user.orgUnit.level;
  return {
    kind: 'supervisor',
    unit: { id: user.orgUnit.id, name: user.orgUnit.name, level: tier },
    team: team.map((member) => ({
      userId: member.id,
      name: member.name,
      role: member.role,
      open: { value: member.open, link: { to: 'tasks', filter: { scope: 'unit', assigneeId: member.id } } },
      overdue: {
        value: member.overdue,
        link: { to: 'tasks', filter: { scope: 'unit', assigneeId: member.id, overdue: true } },
      },
    })),
    unclaimed: { value: unclaimed, link: { to: 'tasks', filter: { scope: 'unit', unassigned: true } } },
    unitOverdue: { value: unitOverdue, link: { to: 'tasks', filter: { scope: 'unit', overdue: true } } },
    planApprovals: {
      value: planApprovals,
      link: { to: 'tasks', filter: { scope: 'unit', kind: 'APPROVE_PLAN', tier } },
    },
    closureApprovals: {
      value: closureApprovals,
      link: { to: 'tasks', filter: { scope: 'unit', kind: 'APPROVE_CLOSURE', tier } },
    },
    escalations: { value: escalations, link: { to: 'board' } },
    returned: { value: returned, link: { to: 'cases', filter: returnedFilter } },
  };
}
