import { and, assertEvent, assign, emit, raise, setup, type SnapshotFrom } from 'xstate';
import { dueAt, warnAt } from '../sla/policy.ts';
import type { WorkCalendar } from '../sla/calendar.ts';
import type { NotificationKind } from '../vocabulary.ts';
import {
  caseEventRefusal,
  claimRefusal,
  findOpenTask,
  parentUnit,
  reassignRefusal,
  releaseRefusal,
  SYSTEM_ACTOR,
  taskCompletionRefusal,
  tierOf,
  type Refusal,
} from './rules.ts';
import type {
  Actor,
  CaseTask,
  ClosureReason,
  EscalationTarget,
  GeoPoint,
  GovAidDecision,
  GovScheme,
  MeetingNextStep,
  Need,
  NoteKind,
  Origin,
  ScreeningOutcome,
  SlaPolicy,
  TaskKind,
  TempAidScheme,
  UnitChain,
} from './types.ts';
import type { FormAnswers, RecordedFormAnswers } from '../forms/types.ts';
import {
  decidedItems,
  itemsWithOutcomes,
  planItemsRefusal,
  planReturnReason,
  submittedItems,
  type PlanItem,
  type PlanItemDecision,
  type PlanItemOutcomeEntry,
  type PlannedItem,
} from './plan-items.ts';
import type { EligibilityRecord, ReferralDetail } from './eligibility.ts';

/**
 * The case statechart: the single source of truth for what may happen to a case.
 * Pure: no I/O, no clock, no randomness. Time arrives in events (`at`); effects leave as emitted
 * `notify` events, and the workflow projects each new snapshot to the database.
 */

export interface CaseInput {
  caseId: string;
  origin: Origin;
  units: UnitChain;
  emergency: boolean;
  openedAt: string;
  sla: SlaPolicy;
  /** The working-day calendar (holidays and 调休 workdays) for SLAs in working days. */
  calendar?: WorkCalendar;
  /** Who holds the intake task from the start (the station worker who registered the application). */
  intakeAssigneeId: string | null;
  /** How long after delivery the follow-up visit falls due (a durable timer). */
  followUpDelayHours?: number;
  /** How long a closed case can be reopened. */
  reopenWindowDays?: number;
  /** Set by workflows started on lifecycle-v2: follow-up waits for its timer (v1 went straight to the visit). */
  followUpTimer?: boolean;
  /**
   * Set by workflows started on meeting-actions: district centers refer to their joint meeting too,
   * and a meeting's actions become tasks with their deadlines (before, they were only recorded).
   */
  meetingActionTasks?: boolean;
  /**
   * Set by workflows started on escalation-gates: an accepted escalation resumes at the step the
   * case left (screening, assessment, planning …); `assessment` or `matching` only when the case had
   * reached that step, so no gate of §四(二) is skipped. Before, acceptance went to matching by default.
   */
  escalationGates?: boolean;
}

export interface Referral {
  scheme: GovScheme;
  outcome: 'PENDING' | GovAidDecision;
  /** The receiving department, date and reference number (since issue 17; older referrals have none). */
  department?: string;
  referredOn?: string;
  referenceNo?: string;
}
export interface Assessment {
  at: string;
  by: string;
  needs: Need[];
  note?: string;
}
export interface Plan {
  summary: string;
  submittedAt: string;
  submittedBy: string;
  approvedAt: string | null;
  returns: { at: string; by: string; reason: string }[];
  /** §四(二): the plan item by item, with each item's decision and outcome (plans before items have none). */
  items?: PlannedItem[];
}
export interface Flag {
  flag: string;
  reason: string;
  by: string;
  at: string;
}
/** The working step a case was in when it was escalated (where an accepted escalation resumes). */
export type EscalationStep =
  'screening' | 'monitoring' | 'assessment' | 'planning' | 'matching' | 'delivery' | 'followUp';

export interface Escalation {
  fromUnitId: string;
  /** Recorded since escalation-gates. */
  fromStep?: EscalationStep;
  toUnitId: string;
  reason: string;
  at: string;
  by: string;
  outcome: 'PENDING' | 'ACCEPTED' | 'RETURNED';
  guidance?: string;
}
export interface Match {
  category: string;
  resource: string;
  provider?: string;
}
export interface DeliveryItem {
  what: string;
  amount?: number;
  unit?: string;
}
export interface MeetingAction {
  /** The department's name, as the case's tasks and timeline show it. */
  department: string;
  /** The member department's code (sent since case-effects), as the meeting's record keeps it. */
  departmentCode?: string;
  action: string;
  deadline: string;
}

export interface CaseContext extends CaseInput {
  owningUnitId: string;
  tasks: CaseTask[];
  taskSeq: number;
  referrals: Referral[];
  screeningOutcome: ScreeningOutcome | null;
  /** §二 无缝衔接: the eligibility suggestions at screening and the worker's decision on each (since issue 17). */
  eligibility?: EligibilityRecord & { at: string; by: string };
  /** Every assessment, oldest first; the last one is current (re-assessment keeps history). */
  assessments: Assessment[];
  plan: Plan | null;
  closureReason: ClosureReason | null;
  flags?: Flag[];
  escalations?: Escalation[];
  matches?: Match[];
  deliveries?: { at: string; by: string; items: DeliveryItem[] }[];
  meetingActions?: MeetingAction[];
  closureProposal?: { reason: ClosureReason; by: string; at: string } | null;
  followUpDueAt?: string | null;
  closedAt?: string | null;
  tempAid?: { scheme: TempAidScheme; amount?: number; at: string; by: string }[];
  noteCount?: number;
  /** Issue 17: each defined form's answers, with the definition and version they were given with. */
  formAnswers?: RecordedFormAnswers[];
}

interface Meta {
  actor: Actor;
  at: string;
  note?: string;
}

export type CaseEvent =
  | ({ type: 'CLAIM'; taskId: string } & Meta)
  | ({ type: 'RELEASE'; taskId: string } & Meta)
  | ({ type: 'REASSIGN'; taskId: string; assignee: Actor } & Meta)
  | ({ type: 'REGISTERED'; taskId: string; verified: boolean } & Meta)
  | ({
      type: 'SCREENED';
      taskId: string;
      referrals: GovScheme[];
      outcome: ScreeningOutcome;
      /** Since issue 17: the API's suggestions (computed, never the client's) and the worker's decisions. */
      eligibility?: EligibilityRecord;
      /** Since issue 17: each referral's receiving department, date and reference number. */
      referralDetails?: ReferralDetail[];
      /** Since issue 17: the screening form's answers, with its definition and version. */
      answers?: FormAnswers;
    } & Meta)
  | ({ type: 'GOV_AID_GRANTED'; taskId: string; outcomes?: Partial<Record<GovScheme, GovAidDecision>> } & Meta)
  | ({ type: 'GOV_AID_DENIED'; taskId: string; outcomes?: Partial<Record<GovScheme, GovAidDecision>> } & Meta)
  | ({ type: 'ASSESSED'; taskId: string; needs: Need[]; answers?: FormAnswers } & Meta)
  | ({ type: 'PLAN_SUBMITTED'; taskId: string; summary: string; items?: PlanItem[]; answers?: FormAnswers } & Meta)
  | ({ type: 'PLAN_APPROVED'; taskId: string; itemDecisions?: PlanItemDecision[] } & Meta)
  | ({ type: 'PLAN_RETURNED'; taskId: string; reason: string; itemDecisions?: PlanItemDecision[] } & Meta)
  | ({ type: 'MATCHED'; taskId: string; matches: Match[] } & Meta)
  | ({ type: 'DELIVERED'; taskId: string; items: DeliveryItem[] } & Meta)
  | ({
      type: 'FOLLOWED_UP';
      taskId: string;
      resolved: boolean;
      itemOutcomes?: PlanItemOutcomeEntry[];
      answers?: FormAnswers;
    } & Meta)
  | ({ type: 'ESCALATE'; reason: string } & Meta)
  /** `resume` (the default since escalation-gates): back to the step the case left, at the new tier. */
  | ({ type: 'ESCALATION_ACCEPTED'; taskId: string; target?: EscalationTarget } & Meta)
  | ({ type: 'ESCALATION_RETURNED'; taskId: string; guidance: string } & Meta)
  | ({ type: 'REFER_JOINT_MEETING'; reason: string } & Meta)
  /** `meetingId` (since case-effects): the joint meeting whose record the resolution is written to. */
  | ({
      type: 'MEETING_RESOLVED';
      taskId: string;
      next: MeetingNextStep;
      actions: MeetingAction[];
      meetingId?: string;
    } & Meta)
  | ({ type: 'MARK_EMERGENCY'; reason: string } & Meta)
  | ({ type: 'TEMP_AID_GIVEN'; taskId: string; scheme: TempAidScheme; amount?: number } & Meta)
  | ({ type: 'MEETING_ACTION_DONE'; taskId: string; outcome: string } & Meta)
  | ({ type: 'PROPOSE_CLOSURE'; reason: ClosureReason; answers?: FormAnswers } & Meta)
  | ({ type: 'CLOSURE_APPROVED'; taskId: string } & Meta)
  | ({ type: 'CLOSURE_REJECTED'; taskId: string; reason: string } & Meta)
  | ({ type: 'CLOSE'; reason: ClosureReason; answers?: FormAnswers } & Meta)
  | ({ type: 'SUSPEND'; reason: string } & Meta)
  | ({ type: 'RESUME' } & Meta)
  | ({ type: 'REOPEN'; reason: string } & Meta)
  | ({
      type: 'ADD_NOTE';
      text: string;
      kind?: NoteKind;
      attachments?: string[];
      /** A visit's check-in time as the worker's phone saw it (recorded offline, sent later). */
      visitedAt?: string;
      /** Where the worker checked in, when they allowed the phone to say. */
      place?: GeoPoint;
    } & Meta)
  | ({ type: 'FLAG'; flag: string; reason: string } & Meta)
  | ({ type: 'UNFLAG'; flag: string } & Meta)
  | ({ type: 'SLA_WARNING'; taskId: string } & Meta)
  | ({ type: 'SLA_BREACHED'; taskId: string } & Meta)
  | ({ type: 'FOLLOW_UP_DUE' } & Meta)
  | ({ type: 'REOPEN_WINDOW_ENDED' } & Meta);

export type CaseEventType = CaseEvent['type'];
type TaskEvent = Extract<CaseEvent, { taskId: string }>;

/** An effect for the workflow to carry out: a notification about a task or the case. */
export interface NotifyEffect {
  type: 'notify';
  kind: NotificationKind;
  taskId: string | null;
  unitId: string;
  userId: string | null;
}

/**
 * The case closed: what its undelivered matches hold goes back to the resources (§四(六)), and its
 * projects leave the public platform (§四(七)).
 */
export interface CaseClosedEffect {
  type: 'caseClosed';
  caseId: string;
}

/** §四(九): a joint meeting's resolution on the case, written to the meeting's record. */
export interface MeetingResolvedEffect {
  type: 'meetingResolved';
  caseId: string;
  meetingId: string;
  resolution: string;
  next: MeetingNextStep;
  actions: MeetingAction[];
  resolvedById: string;
  at: string;
}

/** Every effect the machine emits; the workflow performs each as an idempotent activity. */
export type CaseEffect = NotifyEffect | CaseClosedEffect | MeetingResolvedEffect;

/** Why an escalation is auto-raised: a code the UI translates (the task kind follows the colon). */
export const SLA_BREACH_REASON = 'SLA_BREACHED';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
const TASK_EVENTS_WITHOUT_COMPLETION = new Set(['CLAIM', 'RELEASE', 'REASSIGN', 'SLA_WARNING', 'SLA_BREACHED']);

function isCaseEvent(event: { type: string }): event is CaseEvent {
  return 'at' in event && 'actor' in event;
}

/** Why an event is refused by the guards, ignoring the state (null when the guards allow it). */
export function guardRefusal(context: CaseContext, event: CaseEvent): Refusal | null {
  switch (event.type) {
    case 'CLAIM':
      return claimRefusal(context.tasks, context.units, event.taskId, event.actor);
    case 'RELEASE':
      return releaseRefusal(context.tasks, context.units, event.taskId, event.actor);
    case 'REASSIGN':
      return reassignRefusal(context.tasks, context.units, event.taskId, event.assignee, event.actor);
    case 'SLA_WARNING':
    case 'SLA_BREACHED': {
      const refusal = caseEventRefusal(context.owningUnitId, context.units, event.type, event.actor);
      if (refusal) return refusal;
      const task = findOpenTask(context.tasks, event.taskId);
      if (!task) return { code: 'TASK_NOT_FOUND', message: `no open task ${event.taskId}`, field: 'taskId' };
      const already = event.type === 'SLA_WARNING' ? task.warnedAt : task.breachedAt;
      return already
        ? { code: 'NOT_ALLOWED_IN_STATE', message: `${event.type} already recorded for ${task.id}` }
        : null;
    }
    case 'ADD_NOTE':
      if (context.closedAt && (event.kind ?? 'NOTE') !== 'NOTE')
        return {
          code: 'NOT_ALLOWED_IN_STATE',
          message: `the case is closed: a ${event.kind} is not recorded on it, but it takes a written note`,
          field: 'kind',
        };
      return caseEventRefusal(context.owningUnitId, context.units, event.type, event.actor);
    case 'ESCALATION_ACCEPTED':
      return (
        taskCompletionRefusal(context.tasks, context.units, event.type, event.taskId, event.actor) ??
        escalationTargetRefusal(context, event.target)
      );
    default:
      if (!TASK_EVENTS_WITHOUT_COMPLETION.has(event.type) && 'taskId' in event) {
        return (
          taskCompletionRefusal(context.tasks, context.units, event.type, event.taskId, event.actor) ??
          planItemsRefusal(context, event)
        );
      }
      return caseEventRefusal(context.owningUnitId, context.units, event.type, event.actor);
  }
}

/** Steps from which a case has been assessed, and from which its plan has been approved. */
const ASSESSED_STEPS: ReadonlySet<EscalationStep> = new Set([
  'assessment',
  'planning',
  'matching',
  'delivery',
  'followUp',
]);
const PLANNED_STEPS: ReadonlySet<EscalationStep> = new Set(['matching', 'delivery', 'followUp']);

/** The pending escalation's step (unknown for escalations recorded before escalation-gates). */
const escalatedFrom = (context: CaseContext): EscalationStep | undefined => context.escalations?.at(-1)?.fromStep;

/**
 * §四(二): an accepted escalation never skips a gate. It resumes where the case left; it may go back
 * to assessment only when the case had been assessed, and to matching only when its plan had been
 * approved. Without escalation-gates, any target is taken (the old behaviour, kept for replay).
 */
function escalationTargetRefusal(context: CaseContext, target: EscalationTarget | undefined): Refusal | null {
  if (!context.escalationGates || target === undefined || target === 'resume') return null;
  const step = escalatedFrom(context);
  const reached = target === 'assessment' ? ASSESSED_STEPS : PLANNED_STEPS;
  if (step && reached.has(step)) return null;
  const why = target === 'assessment' ? 'it had not been assessed' : 'its plan had not been approved';
  return {
    code: 'INVALID',
    field: 'target',
    message: `the case was escalated from ${step ?? 'an earlier step'} and ${why}: it resumes at that step`,
  };
}

const allowed = ({ context, event }: { context: CaseContext; event: CaseEvent }) =>
  guardRefusal(context, event) === null;

function newTask(
  context: CaseContext,
  kind: TaskKind,
  at: string,
  unitId: string,
  assigneeId: string | null,
  scope: 'state' | 'case',
): CaseTask {
  const start = Date.parse(at);
  const rule = context.sla[kind];
  const due = dueAt(start, rule, context.emergency, context.calendar);
  return {
    id: `${context.caseId}:${context.taskSeq + 1}`,
    kind,
    status: 'OPEN',
    scope,
    unitId,
    assigneeId,
    createdAt: at,
    dueAt: new Date(due).toISOString(),
    warnAt: new Date(warnAt(start, due, rule)).toISOString(),
    warnedAt: null,
    breachedAt: null,
    completedAt: null,
    completedById: null,
  };
}

/** A joint meeting's action as a task that outlives the state: due at 23:59:59 Beijing time on its deadline. */
function meetingActionTask(context: CaseContext, seq: number, action: MeetingAction, at: string): CaseTask {
  const start = Date.parse(at);
  const due = Math.max(Date.parse(`${action.deadline}T23:59:59+08:00`), start + 60_000);
  const share = context.sla.MEETING_ACTION?.warnAt ?? 0.75;
  return {
    id: `${context.caseId}:${seq}`,
    kind: 'MEETING_ACTION',
    status: 'OPEN',
    scope: 'case',
    unitId: context.owningUnitId,
    assigneeId: null,
    createdAt: at,
    dueAt: new Date(due).toISOString(),
    warnAt: new Date(start + (due - start) * share).toISOString(),
    warnedAt: null,
    breachedAt: null,
    completedAt: null,
    completedById: null,
    title: `${action.department}：${action.action}`,
  };
}

/**
 * ESCALATE from a working step: the receiving center accepts or returns it (the step is recorded, so
 * an accepted escalation resumes there). Community stations do not escalate: intake is not a step here.
 */
const escalateFrom = (from: EscalationStep) =>
  ({
    guard: and(['isAllowed?', 'canEscalate?']),
    target: '#case.open.escalation',
    actions: [{ type: 'recordEscalation', params: { from } }, 'notifyEscalated'],
  }) as const;

const timeOf = (context: CaseContext, event: { type: string }) => (isCaseEvent(event) ? event.at : context.openedAt);

export const caseMachine = setup({
  types: {
    context: {} as CaseContext,
    events: {} as CaseEvent,
    input: {} as CaseInput,
    emitted: {} as CaseEffect,
  },
  guards: {
    'isAllowed?': allowed,
    'isOpen?': ({ context }) => !context.closedAt,
    /**
     * A note fits an open case; a closed one (until it is archived) still takes a written note (补记),
     * so that what a worker saw after the closure is kept, but no visit or call, which are work on an
     * open case. Widening a guard is replay-safe: every recorded ADD_NOTE passed the narrower one.
     */
    'noteFits?': ({ context, event }) =>
      !context.closedAt || (event.type === 'ADD_NOTE' && (event.kind ?? 'NOTE') === 'NOTE'),
    'hasNoNeed?': ({ event }) => event.type === 'SCREENED' && event.outcome === 'NO_NEED',
    'isGovAidOnly?': ({ event }) => event.type === 'SCREENED' && event.outcome === 'GOV_AID_ONLY',
    'isResolved?': ({ event }) => event.type === 'FOLLOWED_UP' && event.resolved,
    'onlyGovAidGiven?': ({ context }) =>
      context.screeningOutcome === 'GOV_AID_ONLY' && context.assessments.length === 0,
    'canEscalate?': ({ context }) => {
      const tier = tierOf(context.owningUnitId, context.units);
      return tier === 'township' || tier === 'district';
    },
    'isCityTier?': ({ context }) => tierOf(context.owningUnitId, context.units) === 'city',
    // §四(九): joint meetings sit at the city, and (since meeting-actions) at the districts.
    'hasJointMeeting?': ({ context }) => {
      const tier = tierOf(context.owningUnitId, context.units);
      return tier === 'city' || (!!context.meetingActionTasks && tier === 'district');
    },
    'acceptsIntoAssessment?': ({ event }) => event.type === 'ESCALATION_ACCEPTED' && event.target === 'assessment',
    'acceptsIntoMatching?': ({ context, event }) =>
      event.type === 'ESCALATION_ACCEPTED' &&
      (event.target === 'matching' || (!context.escalationGates && event.target !== 'resume')),
    'resolvesToDelivery?': ({ event }) => event.type === 'MEETING_RESOLVED' && event.next === 'delivery',
    'isNotEmergency?': ({ context }) => !context.emergency,
    'hasNoClosureProposal?': ({ context }) => !context.closureProposal,
    'hasNoFollowUpTimer?': ({ context }) => !context.followUpTimer,
    'isFollowUpDue?': ({ context, event }) =>
      !!context.followUpDueAt && isCaseEvent(event) && event.at >= context.followUpDueAt,
    'isWithinReopenWindow?': ({ context, event }) =>
      !!context.closedAt &&
      isCaseEvent(event) &&
      Date.parse(event.at) <= Date.parse(context.closedAt) + (context.reopenWindowDays ?? 90) * DAY_MS,
    'autoEscalates?': ({ context, event }) => {
      if (event.type !== 'SLA_BREACHED') return false;
      const task = findOpenTask(context.tasks, event.taskId);
      return !!task && context.sla[task.kind]?.onBreach === 'AUTO_ESCALATE';
    },
  },
  actions: {
    openTask: assign(({ context, event }, params: { kind: TaskKind }) => {
      const { kind } = params;
      const at = timeOf(context, event);
      const unitId =
        kind === 'REGISTER'
          ? context.units.community
          : kind === 'ACCEPT_ESCALATION'
            ? (parentUnit(context.owningUnitId, context.units) ?? context.owningUnitId)
            : context.owningUnitId;
      const assignee = kind === 'REGISTER' ? context.intakeAssigneeId : null;
      const scope = kind === 'EMERGENCY_AID' || kind === 'APPROVE_CLOSURE' ? 'case' : 'state';
      return {
        taskSeq: context.taskSeq + 1,
        tasks: [...context.tasks, newTask(context, kind, at, unitId, assignee, scope)],
      };
    }),
    /** Leaving a state cancels its open tasks; a completing event then marks its own task done. */
    cancelStateTasks: assign({
      tasks: ({ context }) =>
        context.tasks.map((task) =>
          task.status === 'OPEN' && task.scope !== 'case' ? { ...task, status: 'CANCELLED' as const } : task,
        ),
    }),
    cancelAllTasks: assign({
      tasks: ({ context }) =>
        context.tasks.map((task) => (task.status === 'OPEN' ? { ...task, status: 'CANCELLED' as const } : task)),
    }),
    completeTask: assign({
      tasks: ({ context, event }) => {
        const { taskId, actor, at } = event as TaskEvent;
        return context.tasks.map((task) =>
          task.id === taskId ? { ...task, status: 'DONE' as const, completedAt: at, completedById: actor.id } : task,
        );
      },
    }),
    claimTask: assign({
      tasks: ({ context, event }) => {
        assertEvent(event, 'CLAIM');
        return context.tasks.map((task) => (task.id === event.taskId ? { ...task, assigneeId: event.actor.id } : task));
      },
    }),
    releaseTask: assign({
      tasks: ({ context, event }) => {
        assertEvent(event, 'RELEASE');
        return context.tasks.map((task) => (task.id === event.taskId ? { ...task, assigneeId: null } : task));
      },
    }),
    reassignTask: assign({
      tasks: ({ context, event }) => {
        assertEvent(event, 'REASSIGN');
        return context.tasks.map((task) =>
          task.id === event.taskId ? { ...task, assigneeId: event.assignee.id } : task,
        );
      },
    }),
    notifyAssigned: emit(({ context, event }) => {
      assertEvent(event, 'REASSIGN');
      const task = findOpenTask(context.tasks, event.taskId);
      return {
        type: 'notify' as const,
        kind: 'ASSIGNED' as const,
        taskId: event.taskId,
        unitId: task?.unitId ?? context.owningUnitId,
        userId: event.assignee.id,
      };
    }),
    /** The station registers the application and hands the case to its township center. */
    handToTownship: assign({ owningUnitId: ({ context }) => context.units.township }),
    /** 急难 from the start: the township owes temporary assistance as soon as the case reaches it. */
    requireTempAidIfEmergency: assign(({ context, event }) => {
      if (!context.emergency || context.tasks.some((task) => task.kind === 'EMERGENCY_AID')) return {};
      const task = newTask(context, 'EMERGENCY_AID', timeOf(context, event), context.owningUnitId, null, 'case');
      return { taskSeq: context.taskSeq + 1, tasks: [...context.tasks, task] };
    }),
    /** Issue 17: a defined form's answers, kept with their definition and version (none sent: nothing changes). */
    recordFormAnswers: assign(({ context, event }) => {
      if (!('answers' in event) || !event.answers) return {};
      const taskId = 'taskId' in event ? { taskId: event.taskId } : {};
      const recorded = { ...event.answers, at: event.at, by: event.actor.id, ...taskId };
      return { formAnswers: [...(context.formAnswers ?? []), recorded] };
    }),
    recordScreening: assign(({ event }) => {
      assertEvent(event, 'SCREENED');
      return {
        screeningOutcome: event.outcome,
        referrals: event.referrals.map((scheme) => {
          const detail = event.referralDetails?.find((d) => d.scheme === scheme);
          return {
            scheme,
            outcome: 'PENDING' as const,
            ...(detail
              ? {
                  department: detail.department,
                  referredOn: detail.referredOn,
                  ...(detail.referenceNo ? { referenceNo: detail.referenceNo } : {}),
                }
              : {}),
          };
        }),
        ...(event.eligibility ? { eligibility: { ...event.eligibility, at: event.at, by: event.actor.id } } : {}),
      };
    }),
    recordGovAid: assign({
      referrals: ({ context, event }) => {
        assertEvent(event, ['GOV_AID_GRANTED', 'GOV_AID_DENIED']);
        // Each referral has its own outcome; schemes not named take the overall decision.
        const overall = event.type === 'GOV_AID_GRANTED' ? ('GRANTED' as const) : ('DENIED' as const);
        return context.referrals.map((referral) =>
          referral.outcome === 'PENDING'
            ? { ...referral, outcome: event.outcomes?.[referral.scheme] ?? overall }
            : referral,
        );
      },
    }),
    recordAssessment: assign({
      assessments: ({ context, event }) => {
        assertEvent(event, 'ASSESSED');
        return [
          ...context.assessments,
          { at: event.at, by: event.actor.id, needs: event.needs, ...(event.note ? { note: event.note } : {}) },
        ];
      },
    }),
    recordPlan: assign({
      plan: ({ context, event }) => {
        assertEvent(event, 'PLAN_SUBMITTED');
        const items = submittedItems(context.plan, event.items);
        return {
          summary: event.summary,
          submittedAt: event.at,
          submittedBy: event.actor.id,
          approvedAt: null,
          returns: context.plan?.returns ?? [],
          ...(items ? { items } : {}),
        };
      },
    }),
    approvePlan: assign({
      plan: ({ context, event }) => {
        assertEvent(event, 'PLAN_APPROVED');
        const items = context.plan?.items;
        return (
          context.plan && {
            ...context.plan,
            approvedAt: event.at,
            ...(items && event.itemDecisions
              ? { items: decidedItems(items, event.itemDecisions, event.at, event.actor.id) }
              : {}),
          }
        );
      },
    }),
    returnPlan: assign({
      plan: ({ context, event }) => {
        assertEvent(event, 'PLAN_RETURNED');
        const items = context.plan?.items;
        const decisions = items && event.itemDecisions;
        // §四(二): returned item by item, the plan's reason is the overall remark (if any) and the returned items' reasons.
        const reason = decisions
          ? [event.reason.trim(), planReturnReason(items, decisions)].filter(Boolean).join('；')
          : event.reason;
        return (
          context.plan && {
            ...context.plan,
            returns: [...context.plan.returns, { at: event.at, by: event.actor.id, reason }],
            ...(decisions ? { items: decidedItems(items, decisions, event.at, event.actor.id) } : {}),
          }
        );
      },
    }),
    recordItemOutcomes: assign({
      plan: ({ context, event }) => {
        assertEvent(event, 'FOLLOWED_UP');
        const items = context.plan?.items;
        if (!context.plan || !items || !event.itemOutcomes) return context.plan;
        return { ...context.plan, items: itemsWithOutcomes(items, event.itemOutcomes, event.at, event.actor.id) };
      },
    }),
    recordMatches: assign({
      matches: ({ context, event }) => {
        assertEvent(event, ['MATCHED']);
        return [...(context.matches ?? []), ...event.matches];
      },
    }),
    recordDelivery: assign({
      deliveries: ({ context, event }) => {
        assertEvent(event, 'DELIVERED');
        return [...(context.deliveries ?? []), { at: event.at, by: event.actor.id, items: event.items }];
      },
    }),
    scheduleFollowUp: assign({
      followUpDueAt: ({ context, event }) =>
        new Date(Date.parse(timeOf(context, event)) + (context.followUpDelayHours ?? 720) * HOUR_MS).toISOString(),
    }),
    clearFollowUp: assign({ followUpDueAt: null }),
    recordEscalation: assign({
      escalations: ({ context, event }, params: { from: EscalationStep }) => {
        assertEvent(event, 'ESCALATE');
        const toUnitId = parentUnit(context.owningUnitId, context.units) ?? context.owningUnitId;
        return [
          ...(context.escalations ?? []),
          {
            fromUnitId: context.owningUnitId,
            fromStep: params.from,
            toUnitId,
            reason: event.reason,
            at: event.at,
            by: event.actor.id,
            outcome: 'PENDING' as const,
          },
        ];
      },
    }),
    notifyEscalated: emit(({ context }) => ({
      type: 'notify' as const,
      kind: 'ESCALATED' as const,
      taskId: null,
      unitId: parentUnit(context.owningUnitId, context.units) ?? context.owningUnitId,
      userId: null,
    })),
    /** Ownership, tasks and visibility move up to the accepting center. */
    acceptEscalation: assign(({ context, event }) => {
      assertEvent(event, 'ESCALATION_ACCEPTED');
      const escalations = (context.escalations ?? []).map((e, i, all) =>
        i === all.length - 1 ? { ...e, outcome: 'ACCEPTED' as const } : e,
      );
      return { escalations, owningUnitId: parentUnit(context.owningUnitId, context.units) ?? context.owningUnitId };
    }),
    returnEscalation: assign({
      escalations: ({ context, event }) => {
        assertEvent(event, 'ESCALATION_RETURNED');
        return (context.escalations ?? []).map((e, i, all) =>
          i === all.length - 1 ? { ...e, outcome: 'RETURNED' as const, guidance: event.guidance } : e,
        );
      },
    }),
    recordMeeting: assign(({ context, event }) => {
      assertEvent(event, 'MEETING_RESOLVED');
      const meetingActions = [...(context.meetingActions ?? []), ...event.actions];
      if (!context.meetingActionTasks) return { meetingActions };
      // Each action is a task of the owning center, due at the end of its deadline (Beijing time).
      const tasks = event.actions.map((action, i) =>
        meetingActionTask(context, context.taskSeq + 1 + i, action, event.at),
      );
      return { meetingActions, taskSeq: context.taskSeq + tasks.length, tasks: [...context.tasks, ...tasks] };
    }),
    /** 急难: emergency durations for the open tasks and a temporary-assistance task within hours. */
    markEmergency: assign(({ context }) => ({
      emergency: true,
      tasks: context.tasks.map((task) => {
        // A joint meeting's deadline is the meeting's to set, not the SLA's.
        if (task.status !== 'OPEN' || task.kind === 'MEETING_ACTION') return task;
        const start = Date.parse(task.createdAt);
        const rule = context.sla[task.kind];
        const due = Math.min(Date.parse(task.dueAt), dueAt(start, rule, true, context.calendar));
        return {
          ...task,
          dueAt: new Date(due).toISOString(),
          warnAt: new Date(warnAt(start, due, rule)).toISOString(),
        };
      }),
    })),
    recordTempAid: assign({
      tempAid: ({ context, event }) => {
        assertEvent(event, 'TEMP_AID_GIVEN');
        return [
          ...(context.tempAid ?? []),
          {
            scheme: event.scheme,
            at: event.at,
            by: event.actor.id,
            ...(event.amount !== undefined ? { amount: event.amount } : {}),
          },
        ];
      },
    }),
    recordClosureProposal: assign({
      closureProposal: ({ event }) => {
        assertEvent(event, 'PROPOSE_CLOSURE');
        return { reason: event.reason, by: event.actor.id, at: event.at };
      },
    }),
    clearClosureProposal: assign({ closureProposal: null }),
    /** The note itself is the case event; the context only counts them. */
    countNote: assign({ noteCount: ({ context }) => (context.noteCount ?? 0) + 1 }),
    closeAsProposed: assign({ closureReason: ({ context }) => context.closureProposal?.reason ?? 'resolved' }),
    setClosure: assign({ closureReason: (_, params: { reason: ClosureReason }) => params.reason }),
    closeWithReason: assign({
      closureReason: ({ event }) => {
        assertEvent(event, 'CLOSE');
        return event.reason;
      },
    }),
    markClosed: assign({ closedAt: ({ context, event }) => timeOf(context, event) }),
    emitCaseClosed: emit(({ context }) => ({ type: 'caseClosed' as const, caseId: context.caseId })),
    emitMeetingResolved: emit(({ context, event }) => {
      assertEvent(event, 'MEETING_RESOLVED');
      return {
        type: 'meetingResolved' as const,
        caseId: context.caseId,
        meetingId: event.meetingId ?? '',
        resolution: event.note ?? '',
        next: event.next,
        actions: event.actions,
        resolvedById: event.actor.id,
        at: event.at,
      };
    }),
    reopen: assign({ closedAt: null, closureReason: null, closureProposal: null }),
    addFlag: assign({
      flags: ({ context, event }) => {
        assertEvent(event, 'FLAG');
        return [
          ...(context.flags ?? []).filter((f) => f.flag !== event.flag),
          { flag: event.flag, reason: event.reason, by: event.actor.id, at: event.at },
        ];
      },
    }),
    removeFlag: assign({
      flags: ({ context, event }) => {
        assertEvent(event, 'UNFLAG');
        return (context.flags ?? []).filter((f) => f.flag !== event.flag);
      },
    }),
    markWarned: assign({
      tasks: ({ context, event }) => {
        assertEvent(event, 'SLA_WARNING');
        return context.tasks.map((task) => (task.id === event.taskId ? { ...task, warnedAt: event.at } : task));
      },
    }),
    markBreached: assign({
      tasks: ({ context, event }) => {
        assertEvent(event, 'SLA_BREACHED');
        return context.tasks.map((task) => (task.id === event.taskId ? { ...task, breachedAt: event.at } : task));
      },
    }),
    notifySla: emit(({ context, event }) => {
      assertEvent(event, ['SLA_WARNING', 'SLA_BREACHED']);
      const task = findOpenTask(context.tasks, event.taskId);
      return {
        type: 'notify' as const,
        kind: event.type,
        taskId: event.taskId,
        unitId: task?.unitId ?? context.owningUnitId,
        userId: task?.assigneeId ?? null,
      };
    }),
    /** A breach whose policy says AUTO_ESCALATE takes the same path as a human escalation. */
    autoEscalate: raise(({ context, event }) => {
      assertEvent(event, 'SLA_BREACHED');
      const kind = findOpenTask(context.tasks, event.taskId)?.kind ?? 'task';
      // A code, not a sentence: the admin shows it in the reader's language.
      return { type: 'ESCALATE' as const, reason: `${SLA_BREACH_REASON}:${kind}`, actor: SYSTEM_ACTOR, at: event.at };
    }),
  },
}).createMachine({
  id: 'case',
  context: ({ input }) => ({
    ...input,
    owningUnitId: input.units.community,
    tasks: [],
    taskSeq: 0,
    referrals: [],
    screeningOutcome: null,
    assessments: [],
    plan: null,
    closureReason: null,
    flags: [],
    escalations: [],
    matches: [],
    deliveries: [],
    meetingActions: [],
    closureProposal: null,
    followUpDueAt: null,
    closedAt: null,
    tempAid: [],
  }),
  initial: 'open',
  on: {
    CLAIM: { guard: and(['isOpen?', 'isAllowed?']), actions: 'claimTask' },
    RELEASE: { guard: and(['isOpen?', 'isAllowed?']), actions: 'releaseTask' },
    REASSIGN: { guard: and(['isOpen?', 'isAllowed?']), actions: ['reassignTask', 'notifyAssigned'] },
    ADD_NOTE: { guard: and(['noteFits?', 'isAllowed?']), actions: 'countNote' },
    FLAG: { guard: and(['isOpen?', 'isAllowed?']), actions: 'addFlag' },
    UNFLAG: { guard: and(['isOpen?', 'isAllowed?']), actions: 'removeFlag' },
    SLA_WARNING: { guard: and(['isOpen?', 'isAllowed?']), actions: ['markWarned', 'notifySla'] },
    SLA_BREACHED: [
      {
        guard: and(['isOpen?', 'isAllowed?', 'autoEscalates?']),
        actions: ['notifySla', 'markBreached', 'autoEscalate'],
      },
      { guard: and(['isOpen?', 'isAllowed?']), actions: ['notifySla', 'markBreached'] },
    ],
  },
  states: {
    open: {
      initial: 'working',
      on: {
        SUSPEND: { guard: 'isAllowed?', target: 'suspended' },
        CLOSE: { guard: 'isAllowed?', target: 'closed', actions: ['closeWithReason', 'recordFormAnswers'] },
        // A caseworker proposes closure; a supervisor approves it.
        PROPOSE_CLOSURE: {
          guard: and(['isAllowed?', 'hasNoClosureProposal?']),
          actions: [
            'recordClosureProposal',
            'recordFormAnswers',
            { type: 'openTask', params: { kind: 'APPROVE_CLOSURE' } },
          ],
        },
        CLOSURE_APPROVED: { guard: 'isAllowed?', target: 'closed', actions: ['completeTask', 'closeAsProposed'] },
        CLOSURE_REJECTED: { guard: 'isAllowed?', actions: ['completeTask', 'clearClosureProposal'] },
        MARK_EMERGENCY: {
          guard: and(['isAllowed?', 'isNotEmergency?']),
          actions: ['markEmergency', { type: 'openTask', params: { kind: 'EMERGENCY_AID' } }],
        },
        TEMP_AID_GIVEN: { guard: 'isAllowed?', actions: ['completeTask', 'recordTempAid'] },
        MEETING_ACTION_DONE: { guard: 'isAllowed?', actions: ['completeTask'] },
      },
      states: {
        hist: { type: 'history', history: 'deep' },
        working: {
          initial: 'intake',
          exit: 'cancelStateTasks',
          on: {
            // §四(九): at the city tier a case goes to the joint meeting of member departments.
            REFER_JOINT_MEETING: { guard: and(['isAllowed?', 'hasJointMeeting?']), target: 'jointMeeting' },
          },
          states: {
            hist: { type: 'history', history: 'deep' },
            // §四(一): a self-application or a report from the field, registered at the community station.
            intake: {
              entry: { type: 'openTask', params: { kind: 'REGISTER' } },
              exit: 'cancelStateTasks',
              on: {
                REGISTERED: {
                  guard: 'isAllowed?',
                  target: 'screening',
                  actions: ['completeTask', 'handToTownship', 'requireTempAidIfEmergency'],
                },
              },
            },
            // §四(二): refer to government schemes first; only a residual need goes on to social care assistance.
            screening: {
              entry: { type: 'openTask', params: { kind: 'SCREEN' } },
              exit: 'cancelStateTasks',
              on: {
                ESCALATE: escalateFrom('screening'),
                SCREENED: [
                  {
                    guard: and(['isAllowed?', 'hasNoNeed?']),
                    target: '#case.closed',
                    actions: [
                      'completeTask',
                      'recordScreening',
                      'recordFormAnswers',
                      { type: 'setClosure', params: { reason: 'no_need' } },
                    ],
                  },
                  {
                    guard: and(['isAllowed?', 'isGovAidOnly?']),
                    target: 'monitoring',
                    actions: ['completeTask', 'recordScreening', 'recordFormAnswers'],
                  },
                  {
                    guard: 'isAllowed?',
                    target: 'assessment',
                    actions: ['completeTask', 'recordScreening', 'recordFormAnswers'],
                  },
                ],
              },
            },
            // §二 无缝衔接: government aid only; a denial sends the case to assessment.
            monitoring: {
              entry: { type: 'openTask', params: { kind: 'MONITOR' } },
              exit: 'cancelStateTasks',
              on: {
                ESCALATE: escalateFrom('monitoring'),
                GOV_AID_GRANTED: { guard: 'isAllowed?', target: 'followUp', actions: ['completeTask', 'recordGovAid'] },
                GOV_AID_DENIED: {
                  guard: 'isAllowed?',
                  target: 'assessment',
                  actions: ['completeTask', 'recordGovAid'],
                },
              },
            },
            assessment: {
              entry: { type: 'openTask', params: { kind: 'ASSESS' } },
              exit: 'cancelStateTasks',
              on: {
                ESCALATE: escalateFrom('assessment'),
                ASSESSED: {
                  guard: 'isAllowed?',
                  target: 'planning',
                  actions: ['completeTask', 'recordAssessment', 'recordFormAnswers'],
                },
              },
            },
            // §四(二): a personalised plan (个性化关爱援助方案), approved by a supervisor.
            planning: {
              initial: 'drafting',
              on: { ESCALATE: escalateFrom('planning') },
              states: {
                drafting: {
                  entry: { type: 'openTask', params: { kind: 'PLAN' } },
                  exit: 'cancelStateTasks',
                  on: {
                    PLAN_SUBMITTED: {
                      guard: 'isAllowed?',
                      target: 'awaitingApproval',
                      actions: ['completeTask', 'recordPlan', 'recordFormAnswers'],
                    },
                  },
                },
                awaitingApproval: {
                  entry: { type: 'openTask', params: { kind: 'APPROVE_PLAN' } },
                  exit: 'cancelStateTasks',
                  on: {
                    PLAN_APPROVED: {
                      guard: 'isAllowed?',
                      target: '#case.open.working.matching',
                      actions: ['completeTask', 'approvePlan'],
                    },
                    PLAN_RETURNED: { guard: 'isAllowed?', target: 'drafting', actions: ['completeTask', 'returnPlan'] },
                  },
                },
              },
            },
            // §四(六): needs meet resources; what this tier cannot cover is escalated.
            matching: {
              entry: { type: 'openTask', params: { kind: 'MATCH' } },
              exit: 'cancelStateTasks',
              on: {
                ESCALATE: escalateFrom('matching'),
                MATCHED: { guard: 'isAllowed?', target: 'delivery', actions: ['completeTask', 'recordMatches'] },
              },
            },
            delivery: {
              entry: { type: 'openTask', params: { kind: 'DELIVER' } },
              exit: 'cancelStateTasks',
              on: {
                ESCALATE: escalateFrom('delivery'),
                DELIVERED: { guard: 'isAllowed?', target: 'followUp', actions: ['completeTask', 'recordDelivery'] },
              },
            },
            // A durable timer brings the follow-up visit due.
            followUp: {
              initial: 'waiting',
              on: { ESCALATE: escalateFrom('followUp') },
              states: {
                waiting: {
                  entry: 'scheduleFollowUp',
                  // Leaving the wait any other way (suspension, escalation, closure) drops its timer.
                  exit: 'clearFollowUp',
                  always: { guard: 'hasNoFollowUpTimer?', target: 'visiting', actions: 'clearFollowUp' },
                  on: {
                    FOLLOW_UP_DUE: {
                      guard: and(['isAllowed?', 'isFollowUpDue?']),
                      target: 'visiting',
                      actions: 'clearFollowUp',
                    },
                  },
                },
                visiting: {
                  entry: { type: 'openTask', params: { kind: 'FOLLOW_UP' } },
                  exit: 'cancelStateTasks',
                  on: {
                    FOLLOWED_UP: [
                      {
                        guard: and(['isAllowed?', 'isResolved?', 'onlyGovAidGiven?']),
                        target: '#case.closed',
                        actions: [
                          'completeTask',
                          'recordItemOutcomes',
                          'recordFormAnswers',
                          { type: 'setClosure', params: { reason: 'gov_aid_only' } },
                        ],
                      },
                      {
                        guard: and(['isAllowed?', 'isResolved?']),
                        target: '#case.closed',
                        actions: [
                          'completeTask',
                          'recordItemOutcomes',
                          'recordFormAnswers',
                          { type: 'setClosure', params: { reason: 'resolved' } },
                        ],
                      },
                      {
                        guard: 'isAllowed?',
                        target: '#case.open.working.assessment',
                        actions: ['completeTask', 'recordItemOutcomes', 'recordFormAnswers'],
                      },
                    ],
                  },
                },
              },
            },
          },
        },
        // Community station → township → district → city: the receiving center accepts or returns.
        escalation: {
          entry: { type: 'openTask', params: { kind: 'ACCEPT_ESCALATION' } },
          exit: 'cancelStateTasks',
          on: {
            // Since escalation-gates: back to the step the case left unless told otherwise (and allowed).
            ESCALATION_ACCEPTED: [
              {
                guard: and(['isAllowed?', 'acceptsIntoAssessment?']),
                target: 'working.assessment',
                actions: ['completeTask', 'acceptEscalation'],
              },
              {
                guard: and(['isAllowed?', 'acceptsIntoMatching?']),
                target: 'working.matching',
                actions: ['completeTask', 'acceptEscalation'],
              },
              { guard: 'isAllowed?', target: 'working.hist', actions: ['completeTask', 'acceptEscalation'] },
            ],
            ESCALATION_RETURNED: {
              guard: 'isAllowed?',
              target: 'working.hist',
              actions: ['completeTask', 'returnEscalation'],
            },
          },
        },
        jointMeeting: {
          entry: { type: 'openTask', params: { kind: 'JOINT_MEETING' } },
          exit: 'cancelStateTasks',
          on: {
            MEETING_RESOLVED: [
              {
                guard: and(['isAllowed?', 'resolvesToDelivery?']),
                target: 'working.delivery',
                actions: ['completeTask', 'recordMeeting', 'emitMeetingResolved'],
              },
              {
                guard: 'isAllowed?',
                target: 'working.matching',
                actions: ['completeTask', 'recordMeeting', 'emitMeetingResolved'],
              },
            ],
          },
        },
      },
    },
    suspended: {
      on: {
        RESUME: { guard: 'isAllowed?', target: 'open.hist' },
        CLOSE: { guard: 'isAllowed?', target: 'closed', actions: ['closeWithReason', 'recordFormAnswers'] },
      },
    },
    // Closed, but reopenable for a while; then archived and the workflow ends.
    closed: {
      entry: ['cancelAllTasks', 'markClosed', 'clearClosureProposal', 'emitCaseClosed'],
      on: {
        REOPEN: {
          guard: and(['isAllowed?', 'isWithinReopenWindow?']),
          target: 'open.working.assessment',
          actions: 'reopen',
        },
        REOPEN_WINDOW_ENDED: { guard: 'isAllowed?', target: 'archived' },
      },
    },
    archived: { type: 'final' },
  },
});

export type CaseSnapshot = SnapshotFrom<typeof caseMachine>;

/** The state value as one dotted name without the structural wrappers: "planning.drafting". */
export function stateName(value: CaseSnapshot['value']): string {
  return statePath(value)
    .join('.')
    .replace(/^open\.working\./, '')
    .replace(/^open\./, '');
}

function statePath(value: CaseSnapshot['value'] | string): string[] {
  if (typeof value === 'string') return [value];
  const [parent, child] = Object.entries(value)[0] ?? [];
  return child === undefined ? [String(parent)] : [String(parent), ...statePath(child as CaseSnapshot['value'])];
}

/** Event types that the active states handle at all (before guards). */
export function acceptedEventTypes(snapshot: CaseSnapshot): Set<string> {
  const parts = statePath(snapshot.value);
  const ids = ['case', ...parts.map((_, i) => ['case', ...parts.slice(0, i + 1)].join('.'))];
  return new Set(ids.flatMap((id) => Object.keys(caseMachine.getStateNodeById(id).on)));
}

/** Why the snapshot refuses the event (null when it takes it): a guard's reason, else the state. */
export function refusalOf(snapshot: CaseSnapshot, event: CaseEvent): Refusal | null {
  const state = stateName(snapshot.value);
  if (snapshot.status !== 'active')
    return { code: 'NOT_ALLOWED_IN_STATE', message: `the case is ${state}; it takes no more events` };
  if (snapshot.can(event)) return null;
  const notHere: Refusal = {
    code: 'NOT_ALLOWED_IN_STATE',
    message: `a case in state ${state} cannot take ${event.type}`,
  };
  if (!acceptedEventTypes(snapshot).has(event.type)) return notHere;
  return guardRefusal(snapshot.context, event) ?? notHere;
}
