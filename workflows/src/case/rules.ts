import type { Actor, CaseTask, Role, TaskKind, UnitChain } from './types.ts';

const WORKERS: readonly Role[] = ['CASEWORKER', 'SUPERVISOR'];

/** Which roles may claim and complete a task of each kind. */
export const TASK_ROLES: Record<TaskKind, readonly Role[]> = {
  REGISTER: ['STATION_WORKER', 'CASEWORKER', 'SUPERVISOR'],
  SCREEN: WORKERS,
  MONITOR: WORKERS,
  ASSESS: WORKERS,
  PLAN: WORKERS,
  APPROVE_PLAN: ['SUPERVISOR'],
  MATCH: WORKERS,
  DELIVER: WORKERS,
  FOLLOW_UP: WORKERS,
  ACCEPT_ESCALATION: ['SUPERVISOR'],
  JOINT_MEETING: ['SUPERVISOR'],
  EMERGENCY_AID: ['STATION_WORKER', 'CASEWORKER', 'SUPERVISOR'],
  APPROVE_CLOSURE: ['SUPERVISOR'],
  // §四(九): the meeting's secretariat at the owning center records that a department acted.
  MEETING_ACTION: WORKERS,
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
  MATCHED: 'MATCH',
  DELIVERED: 'DELIVER',
  FOLLOWED_UP: 'FOLLOW_UP',
  ESCALATION_ACCEPTED: 'ACCEPT_ESCALATION',
  ESCALATION_RETURNED: 'ACCEPT_ESCALATION',
  MEETING_RESOLVED: 'JOINT_MEETING',
  TEMP_AID_GIVEN: 'EMERGENCY_AID',
  CLOSURE_APPROVED: 'APPROVE_CLOSURE',
  CLOSURE_REJECTED: 'APPROVE_CLOSURE',
  MEETING_ACTION_DONE: 'MEETING_ACTION',
};

/** Case-level events and the roles that may send them (task events follow TASK_ROLES). */
export const CASE_EVENT_ROLES: Record<string, readonly Role[]> = {
  CLOSE: ['SUPERVISOR'],
  SUSPEND: ['SUPERVISOR'],
  RESUME: ['SUPERVISOR'],
  REOPEN: ['SUPERVISOR'],
  REASSIGN: ['SUPERVISOR'],
  PROPOSE_CLOSURE: WORKERS,
  ESCALATE: ['CASEWORKER', 'SUPERVISOR', 'SYSTEM'],
  REFER_JOINT_MEETING: ['SUPERVISOR'],
  MARK_EMERGENCY: ['STATION_WORKER', 'CASEWORKER', 'SUPERVISOR'],
  // Notes and flags also come from the station that knows the person (it keeps read access).
  ADD_NOTE: ['DISCOVERER', 'STATION_WORKER', 'CASEWORKER', 'SUPERVISOR'],
  FLAG: ['STATION_WORKER', 'CASEWORKER', 'SUPERVISOR'],
  UNFLAG: ['CASEWORKER', 'SUPERVISOR'],
  SLA_WARNING: ['SYSTEM'],
  SLA_BREACHED: ['SYSTEM'],
  FOLLOW_UP_DUE: ['SYSTEM'],
  REOPEN_WINDOW_ENDED: ['SYSTEM'],
};

/** Events that anyone who sees the case (its origin community included) may send. */
const FROM_ORIGIN = new Set(['ADD_NOTE', 'FLAG', 'MARK_EMERGENCY']);

export const TIERS = ['community', 'township', 'district', 'city'] as const;
export type Tier = (typeof TIERS)[number];

export const SYSTEM_ACTOR: Actor = { id: 'system', role: 'SYSTEM', unitId: 'system' };

/**
 * Jurisdiction within one case: the actor's unit is the given unit or one of its ancestors in the
 * case's chain (a user acts within the subtree of their unit). The workflow itself acts anywhere.
 */
export function actsOver(actor: Actor, unitId: string, units: UnitChain): boolean {
  if (actor.role === 'SYSTEM') return true;
  const target = TIERS.findIndex((tier) => units[tier] === unitId);
  const own = TIERS.findIndex((tier) => units[tier] === actor.unitId);
  return target >= 0 && own >= target;
}

export function tierOf(unitId: string, units: UnitChain): Tier | undefined {
  return TIERS.find((tier) => units[tier] === unitId);
}

/** The next center up from a unit in the case's chain (none above the city). */
export function parentUnit(unitId: string, units: UnitChain): string | undefined {
  const i = TIERS.findIndex((tier) => units[tier] === unitId);
  const parent = TIERS[i + 1];
  return i >= 0 && parent ? units[parent] : undefined;
}

export type RefusalCode =
  | 'FORBIDDEN'
  | 'TASK_NOT_FOUND'
  | 'TASK_TAKEN'
  | 'NOT_ASSIGNEE'
  | 'NOT_ALLOWED_IN_STATE'
  | 'INVALID'
  /** The caller acted on an older version of the case (If-Match) and the case has moved since. */
  | 'STALE_VERSION';

export interface Refusal {
  code: RefusalCode;
  message: string;
  field?: string;
}

export function findOpenTask(tasks: readonly CaseTask[], taskId: string | undefined): CaseTask | undefined {
  return tasks.find((task) => task.id === taskId && task.status === 'OPEN');
}

/** Why this actor may not complete this task now, or null when they may. */
export function taskCompletionRefusal(
  tasks: readonly CaseTask[],
  units: UnitChain,
  eventType: string,
  taskId: string | undefined,
  actor: Actor,
): Refusal | null {
  const kind = COMPLETES[eventType];
  if (!kind) return { code: 'INVALID', message: `${eventType} does not complete a task`, field: 'type' };
  const task = findOpenTask(tasks, taskId);
  if (!task || task.kind !== kind)
    return { code: 'TASK_NOT_FOUND', message: `no open ${kind} task ${taskId ?? ''} on this case`, field: 'taskId' };
  if (!TASK_ROLES[kind].includes(actor.role))
    return { code: 'FORBIDDEN', message: `role ${actor.role} may not complete a ${kind} task` };
  if (!actsOver(actor, task.unitId, units))
    return { code: 'FORBIDDEN', message: `the ${kind} task belongs to a unit outside your jurisdiction` };
  if (task.assigneeId !== actor.id) {
    return {
      code: 'NOT_ASSIGNEE',
      message: task.assigneeId ? 'the task is assigned to someone else' : 'claim the task before completing it',
    };
  }
  // 急难: temporary assistance comes before the regular path continues.
  if (
    kind !== 'EMERGENCY_AID' &&
    kind !== 'APPROVE_CLOSURE' &&
    tasks.some((t) => t.kind === 'EMERGENCY_AID' && t.status === 'OPEN')
  ) {
    return { code: 'NOT_ALLOWED_IN_STATE', message: 'temporary assistance (临时救助/先行救助) must be given first' };
  }
  return null;
}

export function claimRefusal(
  tasks: readonly CaseTask[],
  units: UnitChain,
  taskId: string | undefined,
  actor: Actor,
): Refusal | null {
  const task = findOpenTask(tasks, taskId);
  if (!task) return { code: 'TASK_NOT_FOUND', message: `no open task ${taskId ?? ''} on this case`, field: 'taskId' };
  if (!TASK_ROLES[task.kind].includes(actor.role))
    return { code: 'FORBIDDEN', message: `role ${actor.role} may not take a ${task.kind} task` };
  if (!actsOver(actor, task.unitId, units))
    return { code: 'FORBIDDEN', message: 'the task belongs to a unit outside your jurisdiction' };
  if (task.assigneeId !== null)
    return {
      code: 'TASK_TAKEN',
      message:
        task.assigneeId === actor.id
          ? 'you already hold this task'
          : 'the task has already been claimed by someone else',
    };
  return null;
}

export function releaseRefusal(
  tasks: readonly CaseTask[],
  units: UnitChain,
  taskId: string | undefined,
  actor: Actor,
): Refusal | null {
  const task = findOpenTask(tasks, taskId);
  if (!task) return { code: 'TASK_NOT_FOUND', message: `no open task ${taskId ?? ''} on this case`, field: 'taskId' };
  if (task.assigneeId === null) return { code: 'NOT_ASSIGNEE', message: 'the task is not claimed' };
  const supervises = handsOver(actor) && actsOver(actor, task.unitId, units);
  if (task.assigneeId !== actor.id && !supervises)
    return { code: 'NOT_ASSIGNEE', message: 'only the assignee or a supervisor may release the task' };
  return null;
}

/**
 * Who may hand someone else's task on: a supervisor over the task's unit, or an admin deactivating or
 * moving its assignee (the user change hands their claimed tasks on in the same action). Widening a
 * guard is replay-safe: every recorded RELEASE or REASSIGN passed the narrower one.
 */
const handsOver = (actor: Actor) => actor.role === 'SUPERVISOR' || actor.role === 'ADMIN';

/** A supervisor over the task's unit hands it to someone (who must be allowed to do it). */
export function reassignRefusal(
  tasks: readonly CaseTask[],
  units: UnitChain,
  taskId: string | undefined,
  assignee: Actor | undefined,
  actor: Actor,
): Refusal | null {
  const task = findOpenTask(tasks, taskId);
  if (!task) return { code: 'TASK_NOT_FOUND', message: `no open task ${taskId ?? ''} on this case`, field: 'taskId' };
  if (!handsOver(actor) || !actsOver(actor, task.unitId, units))
    return { code: 'FORBIDDEN', message: 'only a supervisor over the task’s unit may reassign it' };
  if (!assignee) return { code: 'INVALID', message: 'name the new assignee', field: 'assignee' };
  if (!TASK_ROLES[task.kind].includes(assignee.role) || !actsOver(assignee, task.unitId, units)) {
    return {
      code: 'INVALID',
      message: `the new assignee may not do a ${task.kind} task of this unit`,
      field: 'assignee',
    };
  }
  return null;
}

export function caseEventRefusal(
  owningUnitId: string,
  units: UnitChain,
  eventType: string,
  actor: Actor,
): Refusal | null {
  const roles = CASE_EVENT_ROLES[eventType];
  if (!roles) return { code: 'INVALID', message: `unknown event ${eventType}`, field: 'type' };
  if (!roles.includes(actor.role))
    return { code: 'FORBIDDEN', message: `role ${actor.role} may not send ${eventType}` };
  const inReach =
    actsOver(actor, owningUnitId, units) || (FROM_ORIGIN.has(eventType) && actsOver(actor, units.community, units));
  if (!inReach) return { code: 'FORBIDDEN', message: 'the case is owned by a unit outside your jurisdiction' };
  return null;
}
