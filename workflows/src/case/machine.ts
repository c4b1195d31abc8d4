import { and, assertEvent, assign, setup, type SnapshotFrom } from 'xstate';
import {
  caseEventRefusal,
  claimRefusal,
  releaseRefusal,
  taskCompletionRefusal,
  type Refusal,
} from './rules.ts';
import type {
  Actor,
  CaseTask,
  ClosureReason,
  GovScheme,
  Need,
  Origin,
  ScreeningOutcome,
  SlaHours,
  TaskKind,
  UnitChain,
} from './types.ts';

/**
 * The case statechart: the single source of truth for what may happen to a case.
 * Pure: no I/O, no clock, no randomness. Time arrives in events (`at`), and the workflow
 * projects each new snapshot to the database.
 */

export interface CaseInput {
  caseId: string;
  origin: Origin;
  units: UnitChain;
  emergency: boolean;
  openedAt: string;
  sla: SlaHours;
  /** Who holds the intake task from the start (the station worker who registered the application). */
  intakeAssigneeId: string | null;
}

export interface Referral {
  scheme: GovScheme;
  outcome: 'PENDING' | 'GRANTED' | 'DENIED';
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
}

export interface CaseContext extends CaseInput {
  owningUnitId: string;
  tasks: CaseTask[];
  taskSeq: number;
  referrals: Referral[];
  screeningOutcome: ScreeningOutcome | null;
  /** Every assessment, oldest first; the last one is current (re-assessment keeps history). */
  assessments: Assessment[];
  plan: Plan | null;
  closureReason: ClosureReason | null;
}

interface Meta {
  actor: Actor;
  at: string;
  note?: string;
}

export type CaseEvent =
  | ({ type: 'CLAIM'; taskId: string } & Meta)
  | ({ type: 'RELEASE'; taskId: string } & Meta)
  | ({ type: 'REGISTERED'; taskId: string; verified: boolean } & Meta)
  | ({ type: 'SCREENED'; taskId: string; referrals: GovScheme[]; outcome: ScreeningOutcome } & Meta)
  | ({ type: 'GOV_AID_GRANTED'; taskId: string } & Meta)
  | ({ type: 'GOV_AID_DENIED'; taskId: string } & Meta)
  | ({ type: 'ASSESSED'; taskId: string; needs: Need[] } & Meta)
  | ({ type: 'PLAN_SUBMITTED'; taskId: string; summary: string } & Meta)
  | ({ type: 'PLAN_APPROVED'; taskId: string } & Meta)
  | ({ type: 'PLAN_RETURNED'; taskId: string; reason: string } & Meta)
  | ({ type: 'FOLLOWED_UP'; taskId: string; resolved: boolean } & Meta)
  | ({ type: 'CLOSE'; reason: ClosureReason } & Meta);

export type CaseEventType = CaseEvent['type'];
type TaskEvent = Extract<CaseEvent, { taskId: string }>;

const HOUR_MS = 3_600_000;

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
    case 'CLOSE':
      return caseEventRefusal(context.owningUnitId, context.units, event.type, event.actor);
    default:
      return taskCompletionRefusal(context.tasks, context.units, event.type, event.taskId, event.actor);
  }
}

const allowed = ({ context, event }: { context: CaseContext; event: CaseEvent }) => guardRefusal(context, event) === null;

export const caseMachine = setup({
  types: {
    context: {} as CaseContext,
    events: {} as CaseEvent,
    input: {} as CaseInput,
  },
  guards: {
    'isAllowed?': allowed,
    'hasNoNeed?': ({ event }) => event.type === 'SCREENED' && event.outcome === 'NO_NEED',
    'isGovAidOnly?': ({ event }) => event.type === 'SCREENED' && event.outcome === 'GOV_AID_ONLY',
    'isResolved?': ({ event }) => event.type === 'FOLLOWED_UP' && event.resolved,
    'onlyGovAidGiven?': ({ context }) => context.screeningOutcome === 'GOV_AID_ONLY' && context.assessments.length === 0,
  },
  actions: {
    openTask: assign(({ context, event }, params: { kind: TaskKind }) => {
      const at = isCaseEvent(event) ? event.at : context.openedAt;
      const hours = context.sla[params.kind][context.emergency ? 'emergency' : 'normal'];
      const taskSeq = context.taskSeq + 1;
      const task: CaseTask = {
        id: `${context.caseId}:${taskSeq}`,
        kind: params.kind,
        status: 'OPEN',
        unitId: params.kind === 'REGISTER' ? context.units.community : context.owningUnitId,
        assigneeId: params.kind === 'REGISTER' ? context.intakeAssigneeId : null,
        createdAt: at,
        dueAt: new Date(Date.parse(at) + hours * HOUR_MS).toISOString(),
        completedAt: null,
        completedById: null,
      };
      return { taskSeq, tasks: [...context.tasks, task] };
    }),
    /** Leaving a state cancels its open tasks; a completing event then marks its own task done. */
    cancelOpenTasks: assign({
      tasks: ({ context }) => context.tasks.map((task) => (task.status === 'OPEN' ? { ...task, status: 'CANCELLED' as const } : task)),
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
    /** The station registers the application and hands the case to its township center. */
    handToTownship: assign({ owningUnitId: ({ context }) => context.units.township }),
    recordScreening: assign(({ event }) => {
      assertEvent(event, 'SCREENED');
      return {
        screeningOutcome: event.outcome,
        referrals: event.referrals.map((scheme) => ({ scheme, outcome: 'PENDING' as const })),
      };
    }),
    recordGovAid: assign({
      referrals: ({ context, event }) => {
        assertEvent(event, ['GOV_AID_GRANTED', 'GOV_AID_DENIED']);
        const outcome = event.type === 'GOV_AID_GRANTED' ? ('GRANTED' as const) : ('DENIED' as const);
        return context.referrals.map((referral) => (referral.outcome === 'PENDING' ? { ...referral, outcome } : referral));
      },
    }),
    recordAssessment: assign({
      assessments: ({ context, event }) => {
        assertEvent(event, 'ASSESSED');
        const assessment: Assessment = { at: event.at, by: event.actor.id, needs: event.needs, ...(event.note ? { note: event.note } : {}) };
        return [...context.assessments, assessment];
      },
    }),
    recordPlan: assign({
      plan: ({ context, event }) => {
        assertEvent(event, 'PLAN_SUBMITTED');
        return { summary: event.summary, submittedAt: event.at, submittedBy: event.actor.id, approvedAt: null, returns: context.plan?.returns ?? [] };
      },
    }),
    approvePlan: assign({
      plan: ({ context, event }) => {
        assertEvent(event, 'PLAN_APPROVED');
        return context.plan && { ...context.plan, approvedAt: event.at };
      },
    }),
    returnPlan: assign({
      plan: ({ context, event }) => {
        assertEvent(event, 'PLAN_RETURNED');
        return context.plan && { ...context.plan, returns: [...context.plan.returns, { at: event.at, by: event.actor.id, reason: event.reason }] };
      },
    }),
    setClosure: assign({ closureReason: (_, params: { reason: ClosureReason }) => params.reason }),
    closeWithReason: assign({
      closureReason: ({ event }) => {
        assertEvent(event, 'CLOSE');
        return event.reason;
      },
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
  }),
  initial: 'intake',
  on: {
    CLAIM: { guard: 'isAllowed?', actions: 'claimTask' },
    RELEASE: { guard: 'isAllowed?', actions: 'releaseTask' },
    CLOSE: { guard: 'isAllowed?', target: '.closed', actions: 'closeWithReason' },
  },
  states: {
    // §四(一): a self-application or a report from the field, registered at the community station.
    intake: {
      entry: { type: 'openTask', params: { kind: 'REGISTER' } },
      exit: 'cancelOpenTasks',
      on: {
        REGISTERED: { guard: 'isAllowed?', target: 'screening', actions: ['completeTask', 'handToTownship'] },
      },
    },
    // §四(二): refer to government schemes first; only a residual need goes on to social care assistance.
    screening: {
      entry: { type: 'openTask', params: { kind: 'SCREEN' } },
      exit: 'cancelOpenTasks',
      on: {
        SCREENED: [
          { guard: and(['isAllowed?', 'hasNoNeed?']), target: 'closed', actions: ['completeTask', 'recordScreening', { type: 'setClosure', params: { reason: 'no_need' } }] },
          { guard: and(['isAllowed?', 'isGovAidOnly?']), target: 'monitoring', actions: ['completeTask', 'recordScreening'] },
          { guard: 'isAllowed?', target: 'assessment', actions: ['completeTask', 'recordScreening'] },
        ],
      },
    },
    // Government aid only: watch the referral; a denial sends the case to assessment.
    monitoring: {
      entry: { type: 'openTask', params: { kind: 'MONITOR' } },
      exit: 'cancelOpenTasks',
      on: {
        GOV_AID_GRANTED: { guard: 'isAllowed?', target: 'followUp', actions: ['completeTask', 'recordGovAid'] },
        GOV_AID_DENIED: { guard: 'isAllowed?', target: 'assessment', actions: ['completeTask', 'recordGovAid'] },
      },
    },
    assessment: {
      entry: { type: 'openTask', params: { kind: 'ASSESS' } },
      exit: 'cancelOpenTasks',
      on: {
        ASSESSED: { guard: 'isAllowed?', target: 'planning', actions: ['completeTask', 'recordAssessment'] },
      },
    },
    // §四(二): a personalised plan (个性化关爱援助方案), approved by a supervisor.
    planning: {
      initial: 'drafting',
      exit: 'cancelOpenTasks',
      states: {
        drafting: {
          entry: { type: 'openTask', params: { kind: 'PLAN' } },
          exit: 'cancelOpenTasks',
          on: { PLAN_SUBMITTED: { guard: 'isAllowed?', target: 'awaitingApproval', actions: ['completeTask', 'recordPlan'] } },
        },
        awaitingApproval: {
          entry: { type: 'openTask', params: { kind: 'APPROVE_PLAN' } },
          exit: 'cancelOpenTasks',
          on: {
            PLAN_APPROVED: { guard: 'isAllowed?', target: '#case.matching', actions: ['completeTask', 'approvePlan'] },
            PLAN_RETURNED: { guard: 'isAllowed?', target: 'drafting', actions: ['completeTask', 'returnPlan'] },
          },
        },
      },
    },
    // §四(六): matching to resources; the resources issue adds its way out.
    matching: {
      entry: { type: 'openTask', params: { kind: 'MATCH' } },
      exit: 'cancelOpenTasks',
    },
    followUp: {
      entry: { type: 'openTask', params: { kind: 'FOLLOW_UP' } },
      exit: 'cancelOpenTasks',
      on: {
        FOLLOWED_UP: [
          { guard: and(['isAllowed?', 'isResolved?', 'onlyGovAidGiven?']), target: 'closed', actions: ['completeTask', { type: 'setClosure', params: { reason: 'gov_aid_only' } }] },
          { guard: and(['isAllowed?', 'isResolved?']), target: 'closed', actions: ['completeTask', { type: 'setClosure', params: { reason: 'resolved' } }] },
          { guard: 'isAllowed?', target: 'assessment', actions: 'completeTask' },
        ],
      },
    },
    closed: { type: 'final' },
  },
});

export type CaseSnapshot = SnapshotFrom<typeof caseMachine>;

/** The state value as one dotted name: "planning.drafting". */
export function stateName(value: CaseSnapshot['value']): string {
  if (typeof value === 'string') return value;
  const [parent, child] = Object.entries(value)[0] ?? [];
  return child === undefined ? String(parent) : `${parent}.${stateName(child as CaseSnapshot['value'])}`;
}

/** Why the snapshot refuses the event (null when it takes it): a guard's reason, else the state. */
export function refusalOf(snapshot: CaseSnapshot, event: CaseEvent): Refusal | null {
  const state = stateName(snapshot.value);
  if (snapshot.status !== 'active') return { code: 'NOT_ALLOWED_IN_STATE', message: `the case is ${state}; it takes no more events` };
  if (snapshot.can(event)) return null;
  const notHere: Refusal = { code: 'NOT_ALLOWED_IN_STATE', message: `a case in state ${state} cannot take ${event.type}` };
  if (!acceptedEventTypes(snapshot).has(event.type)) return notHere;
  return guardRefusal(snapshot.context, event) ?? notHere;
}

/** Event types that the active states handle at all (before guards). */
export function acceptedEventTypes(snapshot: CaseSnapshot): Set<string> {
  const parts = stateName(snapshot.value).split('.');
  const ids = ['case', ...parts.map((_, i) => ['case', ...parts.slice(0, i + 1)].join('.'))];
  return new Set(ids.flatMap((id) => Object.keys(caseMachine.getStateNodeById(id).on)));
}
