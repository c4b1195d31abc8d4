import {
  ApplicationFailure,
  allHandlersFinished,
  condition,
  continueAsNew,
  patched,
  proxyActivities,
  proxyLocalActivities,
  setHandler,
  workflowInfo,
} from '@temporalio/workflow';
import { createActor } from 'xstate';
import type { CaseActivities } from './activities.ts';
import {
  caseMachine,
  refusalOf,
  stateName,
  type CaseClosedEffect,
  type CaseEvent,
  type MeetingResolvedEffect,
  type NotifyEffect,
} from './machine.ts';
import {
  actUpdate,
  demoClockUpdate,
  stateQuery,
  syncUpdate,
  type ActRequest,
  type CaseView,
  type CaseWorkflowInput,
} from './messages.ts';
import type { CaseProjection } from './projection.ts';
import type { Refusal } from './rules.ts';
import { dueSystemEvents, nextDeadline } from './timers.ts';
import type { CaseTask } from './types.ts';

const projectionOptions = {
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '200 milliseconds', maximumInterval: '10 seconds' },
} as const;
/** Before `local-projection`: the projection as an ordinary activity, a second trip through the server. */
const remote = proxyActivities<CaseActivities>(projectionOptions);
/**
 * Since `local-projection`: the worker writes the projection within the workflow task that took the
 * event, so an update is answered after one round trip. A local activity is retried by the worker,
 * and by the next worker when this one dies (the workflow task times out and runs again).
 */
const local = proxyLocalActivities<CaseActivities>(projectionOptions);

/**
 * Versioning (see README, "Changing the case machine"): workflows started before a change replay
 * their recorded history on the new code. `lifecycle-v2` turns on what v1 did not have — durable
 * SLA and follow-up timers, and a closed case that stays open for reopening until its window ends.
 * Histories of v1 are kept in src/test/histories/v1 and replayed by replay.test.ts.
 */
const LIFECYCLE_V2 = 'lifecycle-v2';
/** `meeting-actions`: district joint meetings, and a meeting's actions as tasks with deadlines. */
const MEETING_ACTIONS = 'meeting-actions';
/** `local-projection`: the projection as a local activity, carrying only the tasks that changed. */
const LOCAL_PROJECTION = 'local-projection';
/**
 * `escalation-gates`: an accepted escalation resumes at the step the case left (§四(二): no screening,
 * assessment or plan approval skipped). Continued-as-new runs take it too (a fresh history).
 */
const ESCALATION_GATES = 'escalation-gates';
/**
 * `case-effects`: the consequences of a transition outside the case's own rows — the holds of a
 * closed case's matches released, its projects withdrawn from the public platform, a joint meeting's
 * resolution written to the meeting's record — are performed by the workflow (an idempotent activity
 * after the projection) instead of by the API after the Update. Asked where the first effect is
 * performed, so a running case takes it from its next effect on; an older history replays without it.
 */
const CASE_EFFECTS = 'case-effects';

/** A persisted snapshot (continue-as-new) with the escalation gates turned on when this run has them. */
function withGates(snapshot: unknown, gates: boolean): never {
  const persisted = snapshot as { context: Record<string, unknown> };
  return (gates ? { ...persisted, context: { ...persisted.context, escalationGates: true } } : persisted) as never;
}

/** Turns a refusal into the Update's failure (the API answers it as a 4xx). */
function refuse(refusal: Refusal): never {
  throw ApplicationFailure.create({
    type: refusal.code,
    message: refusal.message,
    details: [refusal],
    nonRetryable: true,
  });
}

/**
 * Why a caller-supplied time is refused (null when taken). Only a demo case takes one, never
 * before its latest event nor in the future; every other case is stamped by the workflow, so no
 * caller can back-date a real case. No recorded history carries one, so old histories replay as before.
 */
function timeRefusal(at: string | undefined, clock: { now: string } | undefined): Refusal | null {
  if (at === undefined) return null;
  const invalid = (message: string): Refusal => ({ code: 'INVALID', message, field: 'at' });
  if (!clock) return invalid('only a demo case takes a caller-supplied time');
  const time = Date.parse(at);
  if (Number.isNaN(time)) return invalid('is not a time');
  if (time < Date.parse(clock.now)) return invalid(`is earlier than the case's latest event (${clock.now})`);
  if (time > Date.now()) return invalid('is in the future');
  return null;
}

/** One workflow per case (id `case-<caseId>`), hosting the case machine. */
export async function caseWorkflow(input: CaseWorkflowInput): Promise<CaseView> {
  const v2 = patched(LIFECYCLE_V2);
  const meetingActionTasks = patched(MEETING_ACTIONS);
  const escalationGates = patched(ESCALATION_GATES);
  const machineInput = { ...input.machine, followUpTimer: v2, meetingActionTasks, escalationGates };
  const actor = createActor(
    caseMachine,
    input.persisted
      ? { snapshot: withGates(input.persisted.snapshot, escalationGates), input: machineInput }
      : { input: machineInput },
  );
  const effects: NotifyEffect[] = [];
  actor.on('notify', (effect) => {
    effects.push(effect);
  });
  /** Effects beyond notifications, performed after the projection of the event that emitted them. */
  const pendingEffects: (CaseClosedEffect | MeetingResolvedEffect)[] = [];
  actor.on('caseClosed', (effect) => {
    pendingEffects.push(effect);
  });
  actor.on('meetingResolved', (effect) => {
    pendingEffects.push(effect);
  });
  actor.start();
  const projectLocally = patched(LOCAL_PROJECTION);
  const projectCase = projectLocally ? local.projectCase : remote.projectCase;
  const performEffects = projectLocally ? local.performEffects : remote.performEffects;
  /** Each task as last projected in this run; a fresh run (or continue-as-new) writes all of them once. */
  const written = new Map<string, string>();
  const changedTasks = (tasks: CaseTask[]) => {
    if (!projectLocally) return tasks;
    return tasks.filter((task) => {
      const json = JSON.stringify(task);
      if (written.get(task.id) === json) return false;
      written.set(task.id, json);
      return true;
    });
  };
  let seq = input.persisted?.seq ?? 0;
  /**
   * A demo case's clock (undefined for every other case): while the loader drives the case its
   * timers follow this clock, not real time, so a past deadline cannot fire between two of the
   * loader's steps; `released` hands the case to real time. `clockMoves` wakes the timer loop.
   */
  const demoClock = input.demo ? { ...input.demo } : undefined;
  const driven = () => demoClock !== undefined && !demoClock.released;
  let clockMoves = 0;
  // Projections are written one after another, in the order the events were accepted.
  let projected: Promise<void> = Promise.resolve();

  const view = (): CaseView => {
    const snapshot = actor.getSnapshot();
    return {
      state: stateName(snapshot.value),
      value: snapshot.value,
      status: snapshot.status === 'done' ? 'done' : 'active',
      seq,
      context: snapshot.context,
    };
  };
  const state = () => stateName(actor.getSnapshot().value);
  /** v1 ended the workflow at closure; v2 waits in `closed` until the reopen window ends. */
  const ended = () => actor.getSnapshot().status === 'done' || (!v2 && state() === 'closed');

  const project = (
    type: string,
    fromState: string | null,
    actorId: string | null,
    at: string,
    payload: Record<string, unknown>,
  ) => {
    seq += 1;
    const snapshot = actor.getSnapshot();
    // The read model keeps the case's own data; the policy and calendar it was opened with stay in the workflow.
    const { tasks, sla: _sla, calendar: _calendar, ...data } = snapshot.context;
    const current = stateName(snapshot.value);
    const projection: CaseProjection = {
      record: input.record,
      seq,
      state: current,
      status:
        current === 'closed' || current === 'archived' ? 'CLOSED' : current === 'suspended' ? 'SUSPENDED' : 'OPEN',
      closureReason: snapshot.context.closureReason,
      emergency: snapshot.context.emergency,
      owningUnitId: snapshot.context.owningUnitId,
      data: data as unknown as Record<string, unknown>,
      tasks: changedTasks(tasks),
      event: { type, fromState, toState: current, actorId: actorId === 'system' ? null : actorId, at, payload },
      notifications: effects.splice(0),
    };
    const emitted = pendingEffects.splice(0);
    // The effects follow their event's projection; the Update answers after both (rule 1: nothing
    // lost between an answer and its consequences). An older history recorded none of them.
    const perform =
      emitted.length > 0 && patched(CASE_EFFECTS) ? { caseId: input.record.caseId, seq, effects: emitted } : null;
    projected = projected
      .then(() => projectCase(projection))
      .then(() => (perform ? performEffects(perform) : undefined));
    return projected;
  };

  const accept = (event: CaseEvent) => {
    const before = actor.getSnapshot();
    actor.send(event);
    if (actor.getSnapshot() === before) {
      throw ApplicationFailure.create({
        type: 'NOT_ALLOWED_IN_STATE',
        message: `${event.type} was not taken`,
        nonRetryable: true,
      });
    }
    const { type, actor: who, at, ...payload } = event;
    return project(type, stateName(before.value), who.id, at, payload);
  };

  if (!input.persisted) {
    const { machine, record } = input;
    void project('CASE_OPENED', null, record.createdById, machine.openedAt, {
      origin: record.origin,
      emergency: machine.emergency,
      ...(record.discovererKind ? { discovererKind: record.discovererKind } : {}),
      ...(record.referral ? { referral: record.referral } : {}),
      ...(record.applicationId ? { applicationId: record.applicationId } : {}),
    });
    const intake = actor.getSnapshot().context.tasks.find((task) => task.kind === 'REGISTER' && task.status === 'OPEN');
    if (input.registerOnOpen && intake) {
      const creator = { id: record.createdById, role: 'STATION_WORKER' as const, unitId: machine.units.community };
      void accept({ type: 'REGISTERED', taskId: intake.id, verified: true, actor: creator, at: machine.openedAt });
    }
  }

  // Handlers after the opening events: an update buffered with the start sees the opened case.
  setHandler(stateQuery, view);
  setHandler(syncUpdate, async () => {
    await projected;
    return view();
  });
  setHandler(
    actUpdate,
    async ({ ifVersion: _version, ...request }: ActRequest) => {
      const at = new Date(request.at ?? Date.now()).toISOString();
      if (demoClock && at > demoClock.now) demoClock.now = at;
      await accept({ ...request, at } as CaseEvent);
      return view();
    },
    {
      validator: ({ ifVersion, ...request }: ActRequest) => {
        const refusal =
          timeRefusal(request.at, demoClock) ??
          refusalOf(actor.getSnapshot(), { ...request, at: request.at ?? new Date().toISOString() } as CaseEvent);
        // No recorded history carries a version, so old histories replay as before.
        const stale = ifVersion !== undefined && ifVersion !== seq;
        if (stale && (refusal || request.type !== 'ADD_NOTE'))
          refuse({
            code: 'STALE_VERSION',
            message: `the case has changed since version ${ifVersion} (it is at ${seq})`,
            field: 'If-Match',
          });
        if (refusal) refuse(refusal);
      },
    },
  );
  setHandler(
    demoClockUpdate,
    async ({ to }) => {
      if (!demoClock) return view(); // the validator refused it
      if (to === 'now') {
        demoClock.released = true;
        demoClock.now = new Date().toISOString();
      } else {
        demoClock.now = new Date(to).toISOString();
        // What the case's timers owe it by then, stamped with the loader's time (a follow-up visit
        // falling due, a warning); a few rounds, as one event may open a task with its own deadline.
        for (let round = 0; round < 3; round += 1) {
          const due = dueSystemEvents(actor.getSnapshot().context, state(), Date.parse(demoClock.now)).filter(
            (event) => refusalOf(actor.getSnapshot(), event) === null,
          );
          if (due.length === 0) break;
          for (const event of due) if (refusalOf(actor.getSnapshot(), event) === null) void accept(event);
        }
      }
      clockMoves += 1;
      await projected;
      return view();
    },
    {
      validator: ({ to }) => {
        if (!demoClock) refuse({ code: 'INVALID', message: 'only a demo case has a clock to move', field: 'to' });
        if (demoClock.released) refuse({ code: 'INVALID', message: 'the case runs on real time now', field: 'to' });
        const refusal = to === 'now' ? null : timeRefusal(to, demoClock);
        if (refusal) refuse({ ...refusal, field: 'to' });
      },
    },
  );

  const runStartSeq = seq;
  const eventsPerRun = input.eventsPerRun ?? 500;
  const mustContinue = () => seq - runStartSeq >= eventsPerRun || workflowInfo().continueAsNewSuggested;
  // After a timer whose events the case refused, only later deadlines wake it (no busy loop).
  let refusedUpTo = Number.NEGATIVE_INFINITY;
  while (!ended() && !mustContinue()) {
    // A driven demo case has no real-time timer: its loader moves its clock (demoClockUpdate).
    const deadline = v2 && !driven() ? nextDeadline(actor.getSnapshot().context, state(), refusedUpTo) : undefined;
    const seen = seq;
    const seenClock = clockMoves;
    const woken = () => seq !== seen || clockMoves !== seenClock || ended() || mustContinue();
    // A durable timer: it fires after worker or server restarts as well.
    const timedOut =
      deadline === undefined
        ? (await condition(woken), false)
        : !(await condition(woken, Math.max(deadline - Date.now(), 1)));
    if (!timedOut) {
      refusedUpTo = Number.NEGATIVE_INFINITY;
      continue;
    }
    let accepted = 0;
    for (const event of dueSystemEvents(actor.getSnapshot().context, state(), Date.now())) {
      if (refusalOf(actor.getSnapshot(), event) === null) {
        void accept(event);
        accepted += 1;
      }
    }
    if (accepted === 0) refusedUpTo = Date.now();
  }
  await condition(allHandlersFinished);
  await projected;
  if (ended()) return view();
  // Long-lived cases start a fresh history carrying the persisted machine snapshot.
  return continueAsNew<typeof caseWorkflow>({
    ...input,
    persisted: { snapshot: actor.getPersistedSnapshot(), seq },
    ...(demoClock ? { demo: demoClock } : {}),
  });
}
