import type { RefusalCode } from '../case/rules.ts';
import type { Actor } from '../case/types.ts';

/** One task to hand on: back to its unit's queue (`assignee` null) or to a named colleague. */
export interface HandoverItem {
  caseId: string;
  taskId: string;
  assignee: Actor | null;
  /** Recorded as the event's note: the reason, and who is covered when the assignee is a delegate. */
  note: string;
}

/**
 * A user's deactivation or move: written (with the session revocation and the audit entry) before
 * their claimed tasks are handed on, so that no new claim of theirs slips in between.
 */
export interface UserChange {
  userId: string;
  changes: {
    displayName?: string;
    role?: string;
    orgUnitId?: string;
    partnerId?: string | null;
    active?: boolean;
  };
  /** Their claimed tasks go to this colleague (each refused one back to its queue instead), else to the queues. */
  handoverTo: Actor | null;
  /** The note each handed-on task carries. */
  note: string;
}

export interface HandoverInput {
  /** Who hands on: a supervisor over the tasks' units, or the admin changing a user. */
  actor: Actor;
  items?: HandoverItem[];
  userChange?: UserChange;
}

export interface HandoverResult {
  taskId: string;
  caseId: string;
  outcome: 'REASSIGNED' | 'RELEASED' | 'REFUSED';
  assigneeId: string | null;
  /** Why the case refused it (the machine's refusal), e.g. the task was completed meanwhile. */
  code?: RefusalCode;
  message?: string;
}

export interface HandoverOutput {
  results: HandoverResult[];
}

/** The workflow id of a handover: one per request, so a retried request joins the same run. */
export const handoverWorkflowId = (requestId: string) => `handover-${requestId}`;

/** The update id of one task's Update: the same on every attempt, so the case takes it once. */
export const handoverUpdateId = (workflowId: string, taskId: string) => `${workflowId}:${taskId}`;
