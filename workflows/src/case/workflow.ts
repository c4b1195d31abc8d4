import { ApplicationFailure, allHandlersFinished, condition, continueAsNew, proxyActivities, setHandler, workflowInfo } from '@temporalio/workflow';
import { createActor } from 'xstate';
import type { CaseActivities } from './activities.ts';
import { caseMachine, refusalOf, stateName, type CaseEvent } from './machine.ts';
import { actUpdate, stateQuery, syncUpdate, type ActRequest, type CaseView, type CaseWorkflowInput } from './messages.ts';
import type { CaseProjection } from './projection.ts';

const { projectCase } = proxyActivities<CaseActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '200 milliseconds', maximumInterval: '10 seconds' },
});

/** One workflow per case (id `case-<caseId>`), hosting the case machine. */
export async function caseWorkflow(input: CaseWorkflowInput): Promise<CaseView> {
  const actor = createActor(caseMachine, input.persisted ? { snapshot: input.persisted.snapshot as never, input: input.machine } : { input: input.machine });
  actor.start();
  let seq = input.persisted?.seq ?? 0;
  // Projections are written one after another, in the order the events were accepted.
  let projected: Promise<void> = Promise.resolve();

  const view = (): CaseView => {
    const snapshot = actor.getSnapshot();
    return { state: stateName(snapshot.value), status: snapshot.status === 'done' ? 'done' : 'active', seq, context: snapshot.context };
  };

  const project = (type: string, fromState: string | null, actorId: string | null, at: string, payload: Record<string, unknown>) => {
    seq += 1;
    const snapshot = actor.getSnapshot();
    const { tasks, ...data } = snapshot.context;
    const projection: CaseProjection = {
      record: input.record,
      seq,
      state: stateName(snapshot.value),
      status: snapshot.status === 'done' ? 'CLOSED' : 'OPEN',
      closureReason: snapshot.context.closureReason,
      emergency: snapshot.context.emergency,
      owningUnitId: snapshot.context.owningUnitId,
      data: data as unknown as Record<string, unknown>,
      tasks,
      event: { type, fromState, toState: stateName(snapshot.value), actorId, at, payload },
    };
    projected = projected.then(() => projectCase(projection));
    return projected;
  };

  const accept = (event: CaseEvent) => {
    const before = actor.getSnapshot();
    actor.send(event);
    if (actor.getSnapshot() === before) {
      throw ApplicationFailure.create({ type: 'NOT_ALLOWED_IN_STATE', message: `${event.type} was not taken`, nonRetryable: true });
    }
    const { type, actor: who, at, ...payload } = event;
    return project(type, stateName(before.value), who.id, at, payload);
  };

  if (!input.persisted) {
    const { machine, record } = input;
    void project('CASE_OPENED', null, record.createdById, machine.openedAt, { origin: record.origin, emergency: machine.emergency });
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
    async (request: ActRequest) => {
      await accept({ ...request, at: new Date().toISOString() } as CaseEvent);
      return view();
    },
    {
      validator: (request: ActRequest) => {
        const refusal = refusalOf(actor.getSnapshot(), { ...request, at: new Date().toISOString() } as CaseEvent);
        if (refusal) {
          throw ApplicationFailure.create({ type: refusal.code, message: refusal.message, details: [refusal], nonRetryable: true });
        }
      },
    },
  );

  const runStartSeq = seq;
  const eventsPerRun = input.eventsPerRun ?? 500;
  await condition(() => actor.getSnapshot().status === 'done' || seq - runStartSeq >= eventsPerRun || workflowInfo().continueAsNewSuggested);
  await condition(allHandlersFinished);
  await projected;
  if (actor.getSnapshot().status === 'done') return view();
  // Long-lived cases start a fresh history carrying the persisted machine snapshot.
  return continueAsNew<typeof caseWorkflow>({ ...input, persisted: { snapshot: actor.getPersistedSnapshot(), seq } });
}
