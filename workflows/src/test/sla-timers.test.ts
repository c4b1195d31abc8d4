import { randomUUID } from 'node:crypto';
import { Worker } from '@temporalio/worker';
import { describe, expect, it } from 'vitest';
import { createCaseActivities } from '../case/activities.ts';
import { actUpdate, caseWorkflowId, syncUpdate, type CaseWorkflowInput } from '../case/messages.ts';
import type { SlaPolicy } from '../case/types.ts';
import { createPerson, testSla } from './fixtures.ts';
import { useTestbed } from './testbed.ts';
import { startWorkerProcess } from './worker-process.ts';

const bed = useTestbed();

const SECOND_IN_HOURS = 1 / 3600;

async function startCase(taskQueue: string, sla: SlaPolicy, extra: Partial<CaseWorkflowInput['machine']> = {}) {
  const caseId = randomUUID();
  const person = await createPerson(bed.database.db, bed.network.units.community);
  const input: CaseWorkflowInput = {
    record: {
      caseId,
      caseNo: `S-${caseId.slice(0, 8)}`,
      personId: person.id,
      origin: 'SELF_APPLICATION',
      situation: 'SLA',
      createdById: bed.network.station.id,
      originUnitId: bed.network.units.community,
    },
    machine: {
      caseId,
      origin: 'SELF_APPLICATION',
      units: bed.network.units,
      emergency: false,
      openedAt: new Date().toISOString(),
      sla,
      intakeAssigneeId: bed.network.station.id,
      ...extra,
    },
    registerOnOpen: true,
  };
  const handle = await bed.env.client.workflow.start('caseWorkflow', {
    workflowId: caseWorkflowId(caseId),
    taskQueue,
    args: [input],
  });
  await handle.executeUpdate(syncUpdate);
  return { caseId, handle };
}

async function until<T>(read: () => Promise<T>, ok: (value: T) => boolean, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (ok(value) || Date.now() > deadline) return value;
    await new Promise((r) => setTimeout(r, 250));
  }
}

const screenTask = (caseId: string) => bed.database.db.task.findFirstOrThrow({ where: { caseId, kind: 'SCREEN' } });

describe('durable SLA timers (durations from the policy data, seconds long)', () => {
  it('a warning, then a breach: case events, the overdue mark on the task, and notifications to the assignee and supervisors', async () => {
    const taskQueue = `sla-${randomUUID()}`;
    const worker = await Worker.create({
      connection: bed.env.nativeConnection,
      taskQueue,
      workflowBundle: bed.bundle,
      activities: createCaseActivities({ db: bed.database.db }),
    });
    await worker.runUntil(async () => {
      const { caseId, handle } = await startCase(
        taskQueue,
        testSla({
          SCREEN: { normal: 8 * SECOND_IN_HOURS, emergency: 1, unit: 'HOURS', warnAt: 0.5, onBreach: 'NOTIFY' },
        }),
      );
      const task = await screenTask(caseId);
      await handle.executeUpdate(actUpdate, {
        args: [{ type: 'CLAIM', taskId: task.id, actor: bed.network.caseworker }],
      });
      const breached = await until(
        () => screenTask(caseId),
        (t) => t.breachedAt !== null,
      );
      expect(breached.warnedAt).not.toBeNull();
      expect(breached.breachedAt!.getTime()).toBeGreaterThanOrEqual(breached.dueAt.getTime());
      const events = await bed.database.db.caseEvent.findMany({ where: { caseId }, orderBy: { seq: 'asc' } });
      expect(events.map((e) => e.type)).toEqual(['CASE_OPENED', 'REGISTERED', 'CLAIM', 'SLA_WARNING', 'SLA_BREACHED']);
      expect(events.at(-1)).toMatchObject({ actorId: null, fromState: 'screening', toState: 'screening' });
      const notified = await bed.database.db.notification.findMany({ where: { caseId }, include: { user: true } });
      const byKind = (kind: string) =>
        notified
          .filter((n) => n.kind === kind)
          .map((n) => n.user.username)
          .sort();
      expect(byKind('SLA_WARNING')).toEqual(['caseworker', 'supervisor']);
      expect(byKind('SLA_BREACHED')).toEqual(['caseworker', 'supervisor']);
    });
  });

  it('a breach whose policy is AUTO_ESCALATE escalates the case to the district center', async () => {
    const taskQueue = `sla-${randomUUID()}`;
    const worker = await Worker.create({
      connection: bed.env.nativeConnection,
      taskQueue,
      workflowBundle: bed.bundle,
      activities: createCaseActivities({ db: bed.database.db }),
    });
    await worker.runUntil(async () => {
      const { caseId } = await startCase(
        taskQueue,
        testSla({
          SCREEN: { normal: 2 * SECOND_IN_HOURS, emergency: 1, unit: 'HOURS', warnAt: 0.9, onBreach: 'AUTO_ESCALATE' },
        }),
      );
      const row = await until(
        () => bed.database.db.case.findUniqueOrThrow({ where: { id: caseId } }),
        (c) => c.state === 'escalation',
      );
      expect(row.state).toBe('escalation');
      const accept = await bed.database.db.task.findFirstOrThrow({ where: { caseId, kind: 'ACCEPT_ESCALATION' } });
      expect(accept.unitId).toBe(bed.network.units.district);
      const supervisors = await bed.database.db.notification.findMany({
        where: { caseId, kind: 'ESCALATED' },
        include: { user: true },
      });
      expect(supervisors.map((n) => n.user.username)).toEqual(['district.supervisor']);
    });
  });

  it('the follow-up visit falls due on a durable timer after delivery', async () => {
    const taskQueue = `sla-${randomUUID()}`;
    const worker = await Worker.create({
      connection: bed.env.nativeConnection,
      taskQueue,
      workflowBundle: bed.bundle,
      activities: createCaseActivities({ db: bed.database.db }),
    });
    await worker.runUntil(async () => {
      const { caseId, handle } = await startCase(taskQueue, testSla(), { followUpDelayHours: 2 * SECOND_IN_HOURS });
      const act = async (kind: string, event: Record<string, unknown>) => {
        const task = await bed.database.db.task.findFirstOrThrow({ where: { caseId, kind, status: 'OPEN' } });
        const actor = kind === 'APPROVE_PLAN' ? bed.network.supervisor : bed.network.caseworker;
        await handle.executeUpdate(actUpdate, { args: [{ type: 'CLAIM', taskId: task.id, actor }] });
        return handle.executeUpdate(actUpdate, { args: [{ ...event, taskId: task.id, actor } as never] });
      };
      await act('SCREEN', { type: 'SCREENED', referrals: [], outcome: 'RESIDUAL_NEED' });
      await act('ASSESS', { type: 'ASSESSED', needs: [{ category: 'CARE', severity: 'MEDIUM' }] });
      await act('PLAN', { type: 'PLAN_SUBMITTED', summary: '居家照护' });
      await act('APPROVE_PLAN', { type: 'PLAN_APPROVED' });
      await act('MATCH', { type: 'MATCHED', matches: [{ category: 'CARE', resource: '社区居家养老服务' }] });
      const delivered = await act('DELIVER', {
        type: 'DELIVERED',
        items: [{ what: '助浴服务', amount: 4, unit: 'hours' }],
      });
      expect(delivered.state).toBe('followUp.waiting');
      const visit = await until(
        () => bed.database.db.task.findFirst({ where: { caseId, kind: 'FOLLOW_UP' } }),
        (t) => t !== null,
      );
      expect(visit).toMatchObject({ status: 'OPEN', unitId: bed.network.units.township });
      expect((await bed.database.db.case.findUniqueOrThrow({ where: { id: caseId } })).state).toBe('followUp.visiting');
    });
  });
});

describe('a timer outlives a killed worker', () => {
  const startWorker = (taskQueue: string) =>
    startWorkerProcess({
      DATABASE_URL: bed.database.url,
      TEMPORAL_ADDRESS: bed.env.address,
      WORKER_TASK_QUEUE: taskQueue,
    });

  it('kill -9 the worker before the SLA timer fires; after a restart the breach is still recorded', async () => {
    const taskQueue = `kill-${randomUUID()}`;
    const first = await startWorker(taskQueue);
    const { caseId } = await startCase(
      taskQueue,
      testSla({
        SCREEN: { normal: 6 * SECOND_IN_HOURS, emergency: 1, unit: 'HOURS', warnAt: 0.99, onBreach: 'NOTIFY' },
      }),
    );
    first.kill('SIGKILL');
    await new Promise((r) => first.once('exit', r));
    await new Promise((r) => setTimeout(r, 7_000)); // the deadline passes while no worker runs
    expect((await screenTask(caseId)).breachedAt).toBeNull();
    const second = await startWorker(taskQueue);
    try {
      const task = await until(
        () => screenTask(caseId),
        (t) => t.breachedAt !== null,
      );
      expect(task.breachedAt).not.toBeNull();
      expect(await bed.database.db.caseEvent.count({ where: { caseId, type: 'SLA_BREACHED' } })).toBe(1);
    } finally {
      second.kill('SIGKILL');
    }
  });
});
