import type { Actor, CaseTask, Role, TaskKind, UnitChain } from './types.ts';

/** Which roles may claim and complete a task of each kind. */
export const TASK_ROLES: Record<TaskKind, readonly Role[]> = {
  REGISTER: ['STATION_WORKER', 'CASEWORKER', 'SUPERVISOR'],
  SCREEN: ['CASEWORKER', 'SUPERVISOR'],
  MONITOR: ['CASEWORKER', 'SUPERVISOR'],
  ASSESS: ['CASEWORKER', 'SUPERVISOR'],
  PLAN: ['CASEWORKER', 'SUPERVISOR'],
  APPROVE_PLAN: ['SUPERVISOR'],
  MATCH: ['CASEWORKER', 'SUPERVISOR'],
  FOLLOW_UP: ['CASEWORKER', 'SUPERVISOR'],
};

/** The task kind that each completing event finishes. */
export const COMPLETES: Record<string, TaskKind> = {
  REGISTERED: 'REGISTER',
  SCREENED: 'SCREEN',
  GOV_AID_GRANTED: 'MONITOR',
  GOV_AID_DENIED: 'MONITOR',
  ASSESSED: 'ASSESS',
  PLAN_SUBMITTED: 'PLAN',
  PLAN_APPROVED: 'APPROVE_PLAN',
  PLAN_RETURNED: 'APPROVE_PLAN',
  FOLLOWED_UP: 'FOLLOW_UP',
};

/** Case-level events and the roles that may send them (task events follow TASK_ROLES). */
export const CASE_EVENT_ROLES: Record<string, readonly Role[]> = {
  CLOSE: ['SUPERVISOR'],
};

const TIERS = ['community', 'township', 'district', 'city'] as const;

/**
 * Jurisdiction within one case: the actor's unit is the given unit or one of its ancestors in the
 * case's chain (a user acts within the subtree of their unit).
 */
export function actsOver(actor: Actor, unitId: string, units: UnitChain): boolean {
  const target = TIERS.findIndex((tier) => units[tier] === unitId);
  const own = TIERS.findIndex((tier) => units[tier] === actor.unitId);
  return target >= 0 && own >= target;
}

export type RefusalCode = 'FORBIDDEN' | 'TASK_NOT_FOUND' | 'TASK_TAKEN' | 'NOT_ASSIGNEE' | 'NOT_ALLOWED_IN_STATE' | 'INVALID';

export interface Refusal {
  code: RefusalCode;
  message: string;
  field?: string;
}

export function findOpenTask(tasks: readonly CaseTask[], taskId: string | undefined): CaseTask | undefined {
  return tasks.find((task) => task.id === taskId && task.status === 'OPEN');
}

/** Why this actor may not complete this task now, or null when they may. */
export function taskCompletionRefusal(tasks: readonly CaseTask[], units: UnitChain, eventType: string, taskId: string | undefined, actor: Actor): Refusal | null {
  const kind = COMPLETES[eventType];
  if (!kind) return { code: 'INVALID', message: `${eventType} does not complete a task`, field: 'type' };
  const task = findOpenTask(tasks, taskId);
  if (!task || task.kind !== kind) return { code: 'TASK_NOT_FOUND', message: `no open ${kind} task ${taskId ?? ''} on this case`, field: 'taskId' };
  if (!TASK_ROLES[kind].includes(actor.role)) return { code: 'FORBIDDEN', message: `role ${actor.role} may not complete a ${kind} task` };
  if (!actsOver(actor, task.unitId, units)) return { code: 'FORBIDDEN', message: `the ${kind} task belongs to a unit outside your jurisdiction` };
  if (task.assigneeId !== actor.id) {
    return { code: 'NOT_ASSIGNEE', message: task.assigneeId ? 'the task is assigned to someone else' : 'claim the task before completing it' };
  }
  return null;
}

export function claimRefusal(tasks: readonly CaseTask[], units: UnitChain, taskId: string | undefined, actor: Actor): Refusal | null {
  const task = findOpenTask(tasks, taskId);
  if (!task) return { code: 'TASK_NOT_FOUND', message: `no open task ${taskId ?? ''} on this case`, field: 'taskId' };
  if (!TASK_ROLES[task.kind].includes(actor.role)) return { code: 'FORBIDDEN', message: `role ${actor.role} may not take a ${task.kind} task` };
  if (!actsOver(actor, task.unitId, units)) return { code: 'FORBIDDEN', message: 'the task belongs to a unit outside your jurisdiction' };
  if (task.assigneeId !== null) return { code: 'TASK_TAKEN', message: task.assigneeId === actor.id ? 'you already hold this task' : 'the task has already been claimed by someone else' };
  return null;
}

export function releaseRefusal(tasks: readonly CaseTask[], units: UnitChain, taskId: string | undefined, actor: Actor): Refusal | null {
  const task = findOpenTask(tasks, taskId);
  if (!task) return { code: 'TASK_NOT_FOUND', message: `no open task ${taskId ?? ''} on this case`, field: 'taskId' };
  if (task.assigneeId === null) return { code: 'NOT_ASSIGNEE', message: 'the task is not claimed' };
  const supervises = actor.role === 'SUPERVISOR' && actsOver(actor, task.unitId, units);
  if (task.assigneeId !== actor.id && !supervises) return { code: 'NOT_ASSIGNEE', message: 'only the assignee or a supervisor may release the task' };
  return null;
}

export function caseEventRefusal(owningUnitId: string, units: UnitChain, eventType: string, actor: Actor): Refusal | null {
  const roles = CASE_EVENT_ROLES[eventType];
  if (!roles) return { code: 'INVALID', message: `unknown event ${eventType}`, field: 'type' };
  if (!roles.includes(actor.role)) return { code: 'FORBIDDEN', message: `role ${actor.role} may not send ${eventType}` };
  if (!actsOver(actor, owningUnitId, units)) return { code: 'FORBIDDEN', message: 'the case is owned by a unit outside your jurisdiction' };
  return null;
}
