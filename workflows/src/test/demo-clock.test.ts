import { randomUUID } from 'node:crypto';
import { Worker } from '@temporalio/worker';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { describe, expect, it } from 'vitest';
import { createCaseActivities } from '../case/activities.ts';
import {
  actUpdate,
  caseWorkflowId,
  demoClockUpdate,
  syncUpdate,
  type ActRequest,
  type CaseWorkflowInput,
} from '../case/messages.ts';
import { caseWorkflow } from '../case/workflow.ts';
import { createPerson, testSla } from './fixtures.ts';
import { useTestbed } from './testbed.ts';

const bed = useTestbed();
const HOUR = 3_600_000;

async function withWorker<T>(fn: (taskQueue: string) => Promise<T>): Promise<T> {
  const taskQueue = `test-${randomUUID()}`;
  const worker = await Worker.create({
    connection: bed.env.nativeConnection,
    taskQueue,
    workflowBundle: bed.bundle,
    activities: createCaseActivities({ db: bed.database.db }),
  });
  return worker.runUntil(fn(taskQueue));
}

/** A registered self-application (now in screening), opened `openedAt`; a demo case when `demo`. */
async function openCase(taskQueue: string, { openedAt, demo }: { openedAt: Date; demo: boolean }) {
  const caseId = randomUUID();
  const person = await createPerson(bed.database.db, bed.network.units.community);
  const input: CaseWorkflowInput = {
    record: {
      caseId,
      caseNo: `T-${caseId.slice(0, 8)}`,
      personId: person.id,
      origin: 'SELF_APPLICATION',
      situation: '独居老人，行动不便',
      createdById: bed.network.station.id,
      originUnitId: bed.network.units.community,
      ...(demo ? { demo: true } : {}),
    },
    machine: {
      caseId,
      origin: 'SELF_APPLICATION',
      units: bed.network.units,
      emergency: false,
      openedAt: openedAt.toISOString(),
      sla: testSla(),
      intakeAssigneeId: bed.network.station.id,
    },
    registerOnOpen: true,
    ...(demo ? { demo: { now: openedAt.toISOString() } } : {}),
  };
  const handle = await bed.env.client.workflow.start(caseWorkflow, {
    workflowId: caseWorkflowId(caseId),
    taskQueue,
    args: [input],
  });
  await handle.executeUpdate(syncUpdate);
  const screen = await bed.database.db.task.findFirstOrThrow({ where: { caseId, kind: 'SCREEN', status: 'OPEN' } });
  return { caseId, handle, screen };
}

/** The refusal an Update met: its type and the field it names. */
async function refusalOf(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(WorkflowUpdateFailedError);
  const cause = (error as WorkflowUpdateFailedError).cause as ApplicationFailure;
  return { type: cause.type, field: (cause.details?.[0] as { field?: string }).field, message: cause.message };
}

describe('demo cases: caller-supplied times, on a real Temporal dev server', () => {
  it('a case that is not a demo case refuses a caller-supplied `at` and a clock move (nobody back-dates a real case)', async () => {
    await withWorker(async (taskQueue) => {
      const { caseId, handle, screen } = await openCase(taskQueue, { openedAt: new Date(), demo: false });
      const claim = {
        type: 'CLAIM',
        taskId: screen.id,
        actor: { id: bed.network.caseworker.id, role: 'CASEWORKER', unitId: bed.network.units.township },
        at: new Date(Date.now() - HOUR).toISOString(),
      } as ActRequest;
      expect(await refusalOf(handle.executeUpdate(actUpdate, { args: [claim] }))).toMatchObject({
        type: 'INVALID',
        field: 'at',
      });
      expect(
        await refusalOf(handle.executeUpdate(demoClockUpdate, { args: [{ to: new Date().toISOString() }] })),
      ).toMatchObject({ type: 'INVALID', field: 'to' });
      // Nothing was written: the claim without a time is still taken, stamped by the workflow.
      const { at: _at, ...stamped } = claim;
      await handle.executeUpdate(actUpdate, { args: [stamped as ActRequest] });
      const events = await bed.database.db.caseEvent.findMany({ where: { caseId }, orderBy: { seq: 'asc' } });
      expect(events.map((e) => e.type)).toEqual(['CASE_OPENED', 'REGISTERED', 'CLAIM']);
      expect(events[2]!.at.getTime()).toBeGreaterThan(Date.now() - 60_000);
    });
  });

  it('a demo case takes past times in order, refuses an earlier or a future one, and its timers wait for the loader’s clock', async () => {
    await withWorker(async (taskQueue) => {
      const openedAt = new Date(Date.now() - 30 * 24 * HOUR);
      const { caseId, handle, screen } = await openCase(taskQueue, { openedAt, demo: true });
      const caseworker = { id: bed.network.caseworker.id, role: 'CASEWORKER', unitId: bed.network.units.township };
      const claimAt = new Date(openedAt.getTime() + 2 * HOUR).toISOString();
      const claim = { type: 'CLAIM', taskId: screen.id, actor: caseworker, at: claimAt } as ActRequest;
      const early = { ...claim, at: new Date(openedAt.getTime() - HOUR).toISOString() } as ActRequest;
      const future = { ...claim, at: new Date(Date.now() + HOUR).toISOString() } as ActRequest;
      expect(await refusalOf(handle.executeUpdate(actUpdate, { args: [early] }))).toMatchObject({ field: 'at' });
      expect(await refusalOf(handle.executeUpdate(actUpdate, { args: [future] }))).toMatchObject({ field: 'at' });
      await handle.executeUpdate(actUpdate, { args: [claim] });
      // The SCREEN task (72 h) has been overdue for weeks in real time, but the case is driven: no breach yet.
      const row = await bed.database.db.case.findUniqueOrThrow({ where: { id: caseId } });
      expect(row.demo).toBe(true);
      expect(await bed.database.db.caseEvent.count({ where: { caseId, type: 'SLA_BREACHED' } })).toBe(0);
      // Moving the loader's clock past the warning fires it, stamped with the loader's time.
      const warnBy = new Date(openedAt.getTime() + 60 * HOUR).toISOString();
      await handle.executeUpdate(demoClockUpdate, { args: [{ to: warnBy }] });
      // Handed to real time, the overdue task breaches at once.
      await handle.executeUpdate(demoClockUpdate, { args: [{ to: 'now' }] });
      await expect
        .poll(() => bed.database.db.caseEvent.count({ where: { caseId, type: 'SLA_BREACHED' } }), { timeout: 20_000 })
        .toBe(1);
      const events = await bed.database.db.caseEvent.findMany({ where: { caseId }, orderBy: { seq: 'asc' } });
      expect(events.map((e) => e.type)).toEqual(['CASE_OPENED', 'REGISTERED', 'CLAIM', 'SLA_WARNING', 'SLA_BREACHED']);
      expect(events.map((e) => e.at.toISOString()).slice(0, 4)).toEqual([
        openedAt.toISOString(),
        openedAt.toISOString(),
        claimAt,
        warnBy,
      ]);
      expect(events[4]!.at.getTime()).toBeGreaterThan(Date.now() - 60_000);
    });
  });
});
