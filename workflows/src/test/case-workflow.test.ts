import { randomUUID } from 'node:crypto';
import { Worker } from '@temporalio/worker';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { describe, expect, it } from 'vitest';
import { createCaseActivities } from '../case/activities.ts';
import { actUpdate, caseWorkflowId, stateQuery, syncUpdate, type CaseWorkflowInput } from '../case/messages.ts';
import { caseWorkflow } from '../case/workflow.ts';
import type { CaseProjection } from '../case/projection.ts';
import { createPerson, testSla } from './fixtures.ts';
import { useTestbed } from './testbed.ts';

const bed = useTestbed();

async function withWorker<T>(
  fn: (taskQueue: string) => Promise<T>,
  activities = createCaseActivities({ db: bed.database.db }),
): Promise<T> {
  const taskQueue = `test-${randomUUID()}`;
  const worker = await Worker.create({
    connection: bed.env.nativeConnection,
    taskQueue,
    workflowBundle: bed.bundle,
    activities,
  });
  return worker.runUntil(fn(taskQueue));
}

async function openCase(
  taskQueue: string,
  { registerOnOpen = true, reopenWindowDays }: { registerOnOpen?: boolean; reopenWindowDays?: number } = {},
) {
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
    },
    machine: {
      caseId,
      origin: 'SELF_APPLICATION',
      units: bed.network.units,
      emergency: false,
      openedAt: new Date().toISOString(),
      sla: testSla(),
      intakeAssigneeId: registerOnOpen ? bed.network.station.id : null,
      ...(reopenWindowDays ? { reopenWindowDays } : {}),
    },
    registerOnOpen,
  };
  const handle = await bed.env.client.workflow.start(caseWorkflow, {
    workflowId: caseWorkflowId(caseId),
    taskQueue,
    args: [input],
  });
  await handle.executeUpdate(syncUpdate);
  return { caseId, handle };
}

const openTask = async (caseId: string) => bed.database.db.task.findFirstOrThrow({ where: { caseId, status: 'OPEN' } });

describe('caseWorkflow on a real Temporal dev server', () => {
  it('a registered self-application is projected in screening with an open SCREEN task at the township', async () => {
    await withWorker(async (taskQueue) => {
      const { caseId, handle } = await openCase(taskQueue);
      const row = await bed.database.db.case.findUniqueOrThrow({ where: { id: caseId } });
      expect(row).toMatchObject({
        state: 'screening',
        status: 'OPEN',
        owningUnitId: bed.network.units.township,
        lastSeq: 2,
      });
      const events = await bed.database.db.caseEvent.findMany({ where: { caseId }, orderBy: { seq: 'asc' } });
      expect(events.map((e) => [e.type, e.fromState, e.toState])).toEqual([
        ['CASE_OPENED', null, 'intake'],
        ['REGISTERED', 'intake', 'screening'],
      ]);
      expect(await openTask(caseId)).toMatchObject({
        kind: 'SCREEN',
        unitId: bed.network.units.township,
        assigneeId: null,
      });
      expect((await handle.query(stateQuery)).state).toBe('screening');
    });
  });

  it('act: claim and complete move the case on, and the projection is written before the update returns', async () => {
    await withWorker(async (taskQueue) => {
      const { caseId, handle } = await openCase(taskQueue);
      const task = await openTask(caseId);
      const claimed = await handle.executeUpdate(actUpdate, {
        args: [{ type: 'CLAIM', taskId: task.id, actor: bed.network.caseworker }],
      });
      expect(claimed.state).toBe('screening');
      expect((await bed.database.db.task.findUniqueOrThrow({ where: { id: task.id } })).assigneeId).toBe(
        bed.network.caseworker.id,
      );
      const view = await handle.executeUpdate(actUpdate, {
        args: [
          {
            type: 'SCREENED',
            taskId: task.id,
            referrals: ['DIBAO'],
            outcome: 'RESIDUAL_NEED',
            actor: bed.network.caseworker,
          },
        ],
      });
      expect(view.state).toBe('assessment');
      const row = await bed.database.db.case.findUniqueOrThrow({ where: { id: caseId } });
      expect(row.state).toBe('assessment');
      expect(await bed.database.db.task.findUniqueOrThrow({ where: { id: task.id } })).toMatchObject({
        status: 'DONE',
        completedById: bed.network.caseworker.id,
      });
      expect((await openTask(caseId)).kind).toBe('ASSESS');
    });
  });

  it('an action takes one workflow task: the projection is a local activity carrying only the tasks the event changed', async () => {
    const real = createCaseActivities({ db: bed.database.db });
    const projections: CaseProjection[] = [];
    const recording = {
      ...real,
      projectCase: async (p: CaseProjection) => {
        projections.push(p);
        return real.projectCase(p);
      },
    };
    await withWorker(async (taskQueue) => {
      const { caseId, handle } = await openCase(taskQueue);
      const task = await openTask(caseId);
      const before = (await handle.fetchHistory()).events!.length;
      await handle.executeUpdate(actUpdate, {
        args: [{ type: 'CLAIM', taskId: task.id, actor: bed.network.caseworker }],
      });
      const events = (await handle.fetchHistory()).events!;
      expect(events.some((e) => e.activityTaskScheduledEventAttributes)).toBe(false);
      // The update and its projection in one workflow task, with the local activity's marker.
      const added = events.slice(before);
      expect(added.filter((e) => e.workflowTaskCompletedEventAttributes)).toHaveLength(1);
      expect(added.filter((e) => e.markerRecordedEventAttributes?.markerName === 'core_local_activity')).toHaveLength(
        1,
      );
      // Opening wrote every task; the claim changed one of the case's two and carried only that one.
      expect(await bed.database.db.task.count({ where: { caseId } })).toBe(2);
      const claim = projections.find((p) => p.event.type === 'CLAIM')!;
      expect(claim.tasks.map((t) => [t.id, t.assigneeId])).toEqual([[task.id, bed.network.caseworker.id]]);
    }, recording);
  });

  it('the validator refuses what the snapshot cannot take, with the reason, and nothing is written', async () => {
    await withWorker(async (taskQueue) => {
      const { caseId, handle } = await openCase(taskQueue);
      const task = await openTask(caseId);
      const before = await bed.database.db.caseEvent.count({ where: { caseId } });
      const attempts = [
        [{ type: 'ASSESSED', taskId: task.id, needs: [], actor: bed.network.caseworker }, 'NOT_ALLOWED_IN_STATE'],
        [{ type: 'CLAIM', taskId: task.id, actor: bed.network.caseworker2 }, 'FORBIDDEN'],
        [
          { type: 'SCREENED', taskId: task.id, referrals: [], outcome: 'NO_NEED', actor: bed.network.caseworker },
          'NOT_ASSIGNEE',
        ],
      ] as const;
      for (const [event, code] of attempts) {
        const error = await handle.executeUpdate(actUpdate, { args: [event as never] }).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(WorkflowUpdateFailedError);
        expect((error as WorkflowUpdateFailedError).cause).toMatchObject({ type: code });
      }
      expect(await bed.database.db.caseEvent.count({ where: { caseId } })).toBe(before);
      expect((await handle.query(stateQuery)).seq).toBe(before);
    });
  });

  it('a retried update (same update id) has one effect', async () => {
    await withWorker(async (taskQueue) => {
      const { caseId, handle } = await openCase(taskQueue);
      const task = await openTask(caseId);
      const updateId = randomUUID();
      const request = { type: 'CLAIM' as const, taskId: task.id, actor: bed.network.caseworker };
      const [a, b] = await Promise.all([
        handle.executeUpdate(actUpdate, { args: [request], updateId }),
        handle.executeUpdate(actUpdate, { args: [request], updateId }),
      ]);
      expect(a.seq).toBe(b.seq);
      expect(await bed.database.db.caseEvent.count({ where: { caseId, type: 'CLAIM' } })).toBe(1);
    });
  });

  it('the projection activity is idempotent: a retried attempt writes nothing twice', async () => {
    let attempts = 0;
    const real = createCaseActivities({ db: bed.database.db });
    const flaky = {
      ...real,
      async projectCase(p: Parameters<typeof real.projectCase>[0]) {
        await real.projectCase(p);
        if (p.event.type === 'CLAIM' && attempts++ === 0) throw new Error('lost the reply after writing');
      },
    };
    await withWorker(async (taskQueue) => {
      const { caseId, handle } = await openCase(taskQueue);
      const task = await openTask(caseId);
      await handle.executeUpdate(actUpdate, {
        args: [{ type: 'CLAIM', taskId: task.id, actor: bed.network.caseworker }],
      });
      expect(attempts).toBe(2);
      expect(await bed.database.db.caseEvent.count({ where: { caseId } })).toBe(3);
      expect(await bed.database.db.task.count({ where: { caseId } })).toBe(2);
    }, flaky);
  });

  it('§四(六)(七) closing a case is followed by its effects: holds released, projects withdrawn — once, even when the activity dies halfway and runs again', async () => {
    const db = bed.database.db;
    const real = createCaseActivities({ db });
    let attempts = 0;
    // The first attempt performs the effects and then dies before it can report (a worker killed mid-activity).
    const dying = {
      ...real,
      async performEffects(p: Parameters<typeof real.performEffects>[0]) {
        await real.performEffects(p);
        if (attempts++ === 0) throw new Error('worker killed after the effects, before the activity completed');
      },
    };
    await withWorker(async (taskQueue) => {
      const { caseId, handle } = await openCase(taskQueue);
      const creator = bed.network.station.id;
      const partner = await db.partner.findFirstOrThrow();
      const resource = await db.resource.create({
        data: {
          kind: 'CHARITY_PROJECT',
          name: '测试慈善项目',
          providerId: partner.id,
          coverageUnitId: bed.network.units.city,
          categories: ['MEDICAL'],
          capacity: 5,
          reservedPlaces: 2,
          budget: 10_000,
          reservedAmount: 3_000,
          status: 'PUBLISHED',
          createdById: creator,
        },
      });
      const hold = (status: 'PROPOSED' | 'ACCEPTED', places: number, amount: number, needIndex: number) =>
        db.match.create({
          data: {
            id: randomUUID(),
            caseId,
            needIndex,
            category: 'MEDICAL',
            resourceId: resource.id,
            status,
            places,
            amount,
            liveKey: `${caseId}:${needIndex}:${resource.id}`,
            proposedById: creator,
          },
        });
      await hold('PROPOSED', 1, 1_000, 0);
      await hold('ACCEPTED', 1, 2_000, 1);
      const project = await db.project.create({
        data: {
          caseId,
          needIndex: 0,
          category: 'MEDICAL',
          townshipId: bed.network.units.township,
          title: '医疗费用缺口',
          description: '需要医疗费用资助',
          amount: 5_000,
          publishedById: creator,
        },
      });
      // 认捐: a partner's pledge still waiting for the center.
      const pledge = await db.projectResponse.create({
        data: {
          projectId: project.id,
          partnerId: partner.id,
          kind: 'MONEY',
          amount: 1_000,
          message: '认捐',
          resourceId: resource.id,
          createdById: creator,
        },
      });

      const view = await handle.executeUpdate(actUpdate, {
        args: [{ type: 'CLOSE', reason: 'declined', actor: bed.network.supervisor }],
      });
      expect(view.state).toBe('closed');
      // The Update answered after the effects: nothing for a client to find half done.
      expect(attempts).toBe(2);
      expect(await db.resource.findUniqueOrThrow({ where: { id: resource.id } })).toMatchObject({ reservedPlaces: 0 });
      expect(Number((await db.resource.findUniqueOrThrow({ where: { id: resource.id } })).reservedAmount)).toBe(0);
      expect(await db.match.count({ where: { caseId, status: { in: ['PROPOSED', 'ACCEPTED'] } } })).toBe(0);
      expect(await db.project.findUniqueOrThrow({ where: { id: project.id } })).toMatchObject({
        status: 'WITHDRAWN',
        closedReason: 'CASE_CLOSED',
      });
      const declined = await db.projectResponse.findUniqueOrThrow({ where: { id: pledge.id } });
      expect(declined).toMatchObject({ status: 'DECLINED', declineReason: '个案已结案' });
      // Run once more: nothing changes (not even when it was declined).
      const before = JSON.stringify([
        await db.project.findMany({ where: { caseId } }),
        await db.projectResponse.findMany({ where: { projectId: project.id } }),
      ]);
      await real.performEffects({ effects: [{ type: 'caseClosed', caseId }] } as Parameters<
        typeof real.performEffects
      >[0]);
      expect(
        JSON.stringify([
          await db.project.findMany({ where: { caseId } }),
          await db.projectResponse.findMany({ where: { projectId: project.id } }),
        ]),
      ).toBe(before);
    }, dying);
  });

  it('§四(九) a joint meeting’s resolution is written to the meeting’s record by the workflow, once', async () => {
    const db = bed.database.db;
    await withWorker(async (taskQueue) => {
      const { caseId, handle } = await openCase(taskQueue);
      const city = bed.network.units.city;
      const citySupervisor = await db.user.findUniqueOrThrow({ where: { username: 'city.supervisor' } });
      const meeting = await db.jointMeeting.create({
        data: {
          unitId: city,
          title: '联席会议',
          scheduledAt: new Date(),
          departments: ['MZ'],
          createdById: citySupervisor.id,
        },
      });
      const actor = { id: citySupervisor.id, role: 'SUPERVISOR' as const, unitId: city };
      const view = await handle.query(stateQuery);
      // Straight to the effect: the machine emits it on MEETING_RESOLVED; drive the case there through the city.
      const raise = async (type: string, extra: Record<string, unknown>, who = actor) =>
        handle.executeUpdate(actUpdate, { args: [{ type, ...extra, actor: who } as never] });
      const claimAndDo = async (
        type: string,
        extra: Record<string, unknown>,
        who: { id: string; role: string; unitId: string },
      ) => {
        const task = await openTask(caseId);
        await raise('CLAIM', { taskId: task.id }, who as never);
        return raise(type, { taskId: task.id, ...extra }, who as never);
      };
      expect(view.state).toBe('screening');
      await claimAndDo('SCREENED', { referrals: [], outcome: 'RESIDUAL_NEED' }, bed.network.caseworker);
      await raise('ESCALATE', { reason: '街道无法解决' }, bed.network.caseworker as never);
      await claimAndDo('ESCALATION_ACCEPTED', { target: 'resume' }, bed.network.districtSupervisor);
      expect((await handle.query(stateQuery)).state).toBe('assessment');
      await raise('ESCALATE', { reason: '区级无法解决' }, bed.network.districtSupervisor as never);
      await claimAndDo('ESCALATION_ACCEPTED', {}, actor);
      await raise('REFER_JOINT_MEETING', { reason: '需多部门协调' });
      const resolved = await claimAndDo(
        'MEETING_RESOLVED',
        {
          next: 'matching',
          meetingId: meeting.id,
          note: '由民政局牵头协调',
          actions: [{ department: '民政局', departmentCode: 'MZ', action: '协调救助', deadline: '2026-12-31' }],
        },
        actor,
      );
      expect(resolved.state).toBe('matching');
      const items = await db.meetingItem.findMany({ where: { meetingId: meeting.id } });
      expect(items).toHaveLength(1);
      expect(items[0]).toMatchObject({
        caseId,
        resolution: '由民政局牵头协调',
        next: 'matching',
        resolvedById: citySupervisor.id,
        actions: [{ department: 'MZ', action: '协调救助', deadline: '2026-12-31' }],
      });
    });
  });

  it('a closed case waits for reopening; when the reopen window ends (a durable timer) it is archived and the workflow ends', async () => {
    await withWorker(async (taskQueue) => {
      const { caseId, handle } = await openCase(taskQueue, { reopenWindowDays: 3 / 86_400 });
      await handle.executeUpdate(actUpdate, {
        args: [{ type: 'CLOSE', reason: 'duplicate', actor: bed.network.supervisor }],
      });
      expect(await bed.database.db.case.findUniqueOrThrow({ where: { id: caseId } })).toMatchObject({
        status: 'CLOSED',
        closureReason: 'duplicate',
        state: 'closed',
      });
      expect(await bed.database.db.task.count({ where: { caseId, status: 'OPEN' } })).toBe(0);
      const result = await handle.result();
      expect(result.state).toBe('archived');
      expect((await bed.database.db.case.findUniqueOrThrow({ where: { id: caseId } })).state).toBe('archived');
    });
  });
});

describe('continue-as-new', () => {
  it('a long-lived case continues as new with its persisted snapshot; nothing is lost across the boundary', async () => {
    await withWorker(async (taskQueue) => {
      const caseId = randomUUID();
      const person = await createPerson(bed.database.db, bed.network.units.community);
      const input: CaseWorkflowInput = {
        record: {
          caseId,
          caseNo: `T-${caseId.slice(0, 8)}`,
          personId: person.id,
          origin: 'SELF_APPLICATION',
          situation: '长期跟踪',
          createdById: bed.network.station.id,
          originUnitId: bed.network.units.community,
        },
        machine: {
          caseId,
          origin: 'SELF_APPLICATION',
          units: bed.network.units,
          emergency: false,
          openedAt: new Date().toISOString(),
          sla: testSla(),
          intakeAssigneeId: bed.network.station.id,
        },
        registerOnOpen: true,
        eventsPerRun: 3,
      };
      const handle = await bed.env.client.workflow.start(caseWorkflow, {
        workflowId: caseWorkflowId(caseId),
        taskQueue,
        args: [input],
      });
      await handle.executeUpdate(syncUpdate);
      const firstRun = (await handle.describe()).runId;
      const task = await openTask(caseId);
      for (let i = 0; i < 3; i++) {
        await handle.executeUpdate(actUpdate, {
          args: [{ type: 'CLAIM', taskId: task.id, actor: bed.network.caseworker }],
        });
        await handle.executeUpdate(actUpdate, {
          args: [{ type: 'RELEASE', taskId: task.id, actor: bed.network.caseworker }],
        });
      }
      await handle.executeUpdate(actUpdate, {
        args: [{ type: 'CLAIM', taskId: task.id, actor: bed.network.caseworker }],
      });
      const view = await handle.executeUpdate(actUpdate, {
        args: [
          { type: 'SCREENED', taskId: task.id, referrals: [], outcome: 'RESIDUAL_NEED', actor: bed.network.caseworker },
        ],
      });
      expect((await handle.describe()).runId).not.toBe(firstRun);
      expect(view).toMatchObject({ state: 'assessment', seq: 10 });
      const events = await bed.database.db.caseEvent.findMany({ where: { caseId }, orderBy: { seq: 'asc' } });
      expect(events.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
      expect(await bed.database.db.task.count({ where: { caseId } })).toBe(3);
      expect((await handle.query(stateQuery)).context.tasks.map((t) => t.kind)).toEqual([
        'REGISTER',
        'SCREEN',
        'ASSESS',
      ]);
    });
  });
});
