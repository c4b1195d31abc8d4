import type { Db } from '@guanai/db';
import { TASK_ROLES, type Actor, type Role, type TaskKind } from '@guanai/workflows';
import { within } from '../../auth/jurisdiction.ts';
import type { SessionUser } from '../../auth/session.ts';
import { AppError } from '../../errors/app-error.ts';
import { runningAbsence } from '../absences/running-absence.ts';

export interface ChosenAssignee {
  actor: Actor;
  displayName: string;
  /** Who the assignee stands in for, when the one named is away (代 X 办理). */
  covers: string | null;
}

/**
 * The colleague a supervisor hands tasks to, checked as the case machine will check it
 * (rules.ts reassignRefusal: a role that may do the task's kind, at the task's unit or a center
 * above it), and within the supervisor's subtree. One named while away is replaced by their
 * delegate (the absence's 代理人), so that the work reaches someone who is there.
 */
export async function chooseAssignee({
  db,
  user,
  assigneeId,
  tasks,
  field = 'assigneeId',
}: {
  db: Db;
  user: SessionUser;
  assigneeId: string;
  tasks: { id: string; kind: string; unit: { path: string; name: string } }[];
  field?: string;
}): Promise<ChosenAssignee> {
  const named = await db.user.findUnique({
    where: { id: assigneeId },
    include: { orgUnit: { select: { id: true, path: true, name: true } } },
  });
  if (!named) throw new AppError('VALIDATION', { message: 'no user with this id', field });
  if (!named.active) throw new AppError('VALIDATION', { message: `${named.displayName} is not active`, field });
  const absence = await runningAbsence(db, named.id);
  const chosen = absence?.delegate ?? named;
  const who = absence ? `${chosen.displayName}（${named.displayName} 休假期间的代理人）` : chosen.displayName;
  if (!within(user, chosen.orgUnit.path))
    throw new AppError('VALIDATION', {
      message: `${who} works at ${chosen.orgUnit.name}, outside your unit's subtree`,
      field,
    });
  for (const task of tasks) {
    if (!TASK_ROLES[task.kind as TaskKind].includes(chosen.role as Role))
      throw new AppError('VALIDATION', {
        message: `${who} (${chosen.role}) may not do a ${task.kind} task (${task.id})`,
        field,
      });
    if (!task.unit.path.startsWith(chosen.orgUnit.path))
      throw new AppError('VALIDATION', {
        message: `${who} at ${chosen.orgUnit.name} does not act over ${task.unit.name}, where task ${task.id} is`,
        field,
      });
  }
  return {
    actor: { id: chosen.id, role: chosen.role as Role, unitId: chosen.orgUnitId },
    displayName: chosen.displayName,
    covers: absence ? named.displayName : null,
  };
}

/** The event's note: the reason, and whom the assignee stands in for. */
export const handoverNote = (reason: string, chosen: ChosenAssignee | null) =>
  chosen?.covers ? `${reason}（代 ${chosen.covers} 办理）` : reason;
