import { randomUUID } from 'node:crypto';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker, type WorkflowBundle } from '@temporalio/worker';
import { getShortestPaths } from 'xstate/graph';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@guanai/db/testing';
import { createCaseActivities } from '../case/activities.ts';
import {
  caseMachine,
  stateName,
  type CaseContext,
  type CaseEvent,
  type CaseInput,
  type CaseSnapshot,
} from '../case/machine.ts';
import {
  actUpdate,
  caseWorkflowId,
  stateQuery,
  syncUpdate,
  type ActRequest,
  type CaseWorkflowInput,
} from '../case/messages.ts';
import { bundleWorkflows } from '../worker.ts';
import { createPerson, seededNetwork, testSla } from './fixtures.ts';
import {
  coveringPaths,
  extendByEveryEvent,
  MODEL_AT,
  modelEvents,
  serializeCase,
  transitionsOf,
  type ModelActors,
} from './model-events.ts';
import { startTemporal } from './temporal-env.ts';

/**
 * Model-based testing: paths through the case machine, generated with xstate/graph, each run
 * through the real workflow on a Temporal dev server with real PostgreSQL; after every step the
 * workflow's state, the projected case and its open tasks must be what the model says.
 */
let env: TestWorkflowEnvironment;
let database: TestDatabase;
let bundle: WorkflowBundle;
let actors: ModelActors;
let input: CaseInput;
let plan: ReturnType<typeof coveringPaths<CaseSnapshot, ReturnType<typeof extendByEveryEvent>[number]>>;

// Three seconds: long enough that the steps of a path in followUp.waiting come before it, even on a
// busy machine; the real timer then brings the visit due.
const FOLLOW_UP_DELAY_HOURS = 3 / 3600;

beforeAll(async () => {
  [env, database, bundle] = await Promise.all([startTemporal(), createTestDatabase(), bundleWorkflows()]);
  const network = await seededNetwork(database.db);
  const districtSupervisor = await database.db.user.findUniqueOrThrow({ where: { username: 'district.supervisor' } });
  const citySupervisor = await database.db.user.findUniqueOrThrow({ where: { username: 'city.supervisor' } });
  actors = {
    station: network.station,
    caseworker: network.caseworker,
    supervisor: network.supervisor,
    districtSupervisor: { id: districtSupervisor.id, role: 'SUPERVISOR', unitId: districtSupervisor.orgUnitId },
    citySupervisor: { id: citySupervisor.id, role: 'SUPERVISOR', unitId: citySupervisor.orgUnitId },
  };
  input = {
    caseId: 'MODEL',
    origin: 'SELF_APPLICATION',
    units: network.units,
    emergency: false,
    openedAt: MODEL_AT,
    sla: testSla(),
    intakeAssigneeId: network.station.id,
    followUpTimer: true,
    meetingActionTasks: true,
    escalationGates: true,
    followUpDelayHours: FOLLOW_UP_DELAY_HOURS,
  };
  const events = modelEvents(actors);
  const paths = getShortestPaths(caseMachine, {
    input,
    events,
    serializeState: (snapshot) => serializeCase(snapshot as CaseSnapshot),
    limit: 300_000,
  });
  plan = coveringPaths(extendByEveryEvent(paths as never, events));
});
afterAll(async () => {
  await env?.teardown();
  await database?.drop();
});

/** Open tasks as kind@unit(assignee), comparable between the model and the database. */
const modelOpenTasks = (context: CaseContext) =>
  context.tasks
    .filter((t) => t.status === 'OPEN')
    .map((t) => `${t.kind}@${t.unitId}(${t.assigneeId ?? '-'})`)
    .sort();

async function until<T>(read: () => Promise<T>, ok: (value: T) => boolean, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (ok(value) || Date.now() > deadline) return value;
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('model-based: generated paths through the real workflow', () => {
  it('the generated plan takes every transition of the model, including escalation to the city and the joint meeting', () => {
    expect(plan.paths.length).toBeGreaterThan(10);
    for (const t of [
      'intake --REGISTERED--> screening',
      'screening --SCREENED--> closed',
      'matching --ESCALATE--> escalation',
      'escalation --ESCALATION_RETURNED--> matching',
      'matching --REFER_JOINT_MEETING--> jointMeeting',
      'jointMeeting --MEETING_RESOLVED--> delivery',
      'followUp.waiting --FOLLOW_UP_DUE--> followUp.visiting',
      'closed --REOPEN--> assessment',
      'suspended --RESUME--> intake',
      'escalation --ESCALATION_ACCEPTED--> assessment',
      // §四(二) escalation-gates: an accepted escalation resumes at the step the case left.
      'screening --ESCALATE--> escalation',
      'escalation --ESCALATION_ACCEPTED--> screening',
      'escalation --ESCALATION_ACCEPTED--> planning.drafting',
      'escalation --ESCALATION_ACCEPTED--> matching',
    ]) {
      expect(plan.transitions, t).toContain(t);
    }
  });

  it('§四(二) on every generated path, an accepted escalation lands at or before the step the case left (no gate skipped)', () => {
    const order = ['screening', 'monitoring', 'assessment', 'planning', 'matching', 'delivery', 'followUp'];
    let accepted = 0;
    for (const path of plan.paths) {
      for (const [i, step] of path.steps.entries()) {
        if (i === 0 || (step.event as CaseEvent).type !== 'ESCALATION_ACCEPTED') continue;
        const before = path.steps[i - 1]!.state.context as CaseContext;
        const from = before.escalations?.at(-1)?.fromStep;
        const landed = stateName(step.state.value).split('.')[0]!;
        expect(from, 'the escalation records the step it left').toBeDefined();
        expect(order.indexOf(landed), `escalated from ${from}, accepted into ${landed}`).toBeLessThanOrEqual(
          order.indexOf(from!),
        );
        expect(order.indexOf(landed)).toBeGreaterThanOrEqual(0);
        accepted += 1;
      }
    }
    expect(accepted).toBeGreaterThan(0);
  });

  it('every path, step by step: state, owning unit, open tasks and events agree with the model', async () => {
    const taskQueue = `model-${randomUUID()}`;
    const worker = await Worker.create({
      connection: env.nativeConnection,
      taskQueue,
      workflowBundle: bundle,
      activities: createCaseActivities({ db: database.db }),
    });
    let stepsRun = 0;
    await worker.runUntil(async () => {
      for (const path of plan.paths) {
        const caseId = randomUUID();
        const person = await createPerson(database.db, input.units.community);
        const workflowInput: CaseWorkflowInput = {
          record: {
            caseId,
            caseNo: `M-${caseId.slice(0, 8)}`,
            personId: person.id,
            origin: 'SELF_APPLICATION',
            situation: 'model',
            createdById: actors.station.id,
            originUnitId: input.units.community,
          },
          machine: { ...input, caseId, openedAt: new Date().toISOString() },
          registerOnOpen: false,
        };
        const handle = await env.client.workflow.start('caseWorkflow', {
          workflowId: caseWorkflowId(caseId),
          taskQueue,
          args: [workflowInput],
        });
        await handle.executeUpdate(syncUpdate);
        const route = transitionsOf(path);
        for (const [i, step] of path.steps.slice(1).entries()) {
          const expected = step.state;
          const event = step.event as CaseEvent;
          const where = `${route.slice(0, i + 1).join(' ; ')}`;
          if (event.type === 'FOLLOW_UP_DUE') {
            // The model sends it; the real workflow's durable timer must do the same.
            const v = await until(
              () => handle.query(stateQuery),
              (v) => v.state === 'followUp.visiting',
            );
            expect(v.state, `${where}: the follow-up timer did not fire`).toBe('followUp.visiting');
            // The timer's transition is projected after the query can see it: wait for the projection.
            await handle.executeUpdate(syncUpdate);
          } else {
            const { at: _at, ...rest } = event;
            const request = JSON.parse(JSON.stringify(rest).replaceAll('MODEL:', `${caseId}:`)) as ActRequest;
            await handle
              .executeUpdate(actUpdate, { args: [request] })
              .catch((error: { cause?: { message?: string } }) => {
                throw new Error(
                  `${where}: the workflow refused ${request.type}: ${error.cause?.message ?? String(error)}`,
                );
              });
          }
          const view = await handle.query(stateQuery);
          expect(view.state, where).toBe(stateName(expected.value));
          const row = await database.db.case.findUniqueOrThrow({
            where: { id: caseId },
            include: { tasks: { where: { status: 'OPEN' } } },
          });
          expect(row.state, where).toBe(view.state);
          expect(row.owningUnitId, where).toBe((expected.context as CaseContext).owningUnitId);
          expect(row.tasks.map((t) => `${t.kind}@${t.unitId}(${t.assigneeId ?? '-'})`).sort(), where).toEqual(
            modelOpenTasks(expected.context as CaseContext),
          );
          expect(await database.db.caseEvent.count({ where: { caseId } }), where).toBe(i + 2);
          stepsRun += 1;
        }
      }
    });
    expect(stepsRun).toBe(plan.paths.reduce((n, p) => n + p.steps.length - 1, 0));
  }, 400_000);
});
