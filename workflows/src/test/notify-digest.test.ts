import { randomUUID } from 'node:crypto';
import { Worker } from '@temporalio/worker';
import { encryptIdNumber, identityKeys } from '@guanai/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCaseActivities } from '../case/activities.ts';
import { createNotifyActivities } from '../notify/activities.ts';
import { createDigestActivities } from '../notify/digest.ts';
import { morningDigestWorkflow } from '../notify/digest-workflow.ts';
import { runOutboxRelay } from '../notify/relay.ts';
import { ensureMorningDigestSchedule, MORNING_DIGEST_SCHEDULE_ID } from '../notify/schedule.ts';
import { startSmtpReceiver } from '../notify/test/receivers.ts';
import { createPerson } from './fixtures.ts';
import { useTestbed } from './testbed.ts';

/**
 * Issue 18: the supervisors' morning digest at 08:30 Beijing time, on working days by the project's
 * own calendar (calendar_day: a holiday gets none, a 调休 Sunday gets one), one message per supervisor
 * with what waits in their subtree, delivered through the outbox like any notification.
 */
const bed = useTestbed();
const keys = identityKeys('digest-test-secret-0123456789abcdef');
let smtp: Awaited<ReturnType<typeof startSmtpReceiver>>;
let taskQueue: string;
let worker: Worker;
let running: Promise<void>;

// The project's own calendar (prisma/seed/calendar.ts, calendar_day), not one made up for the test.
const HOLIDAY = '2026-10-01'; // 国庆节, a Thursday
const MAKE_UP_SUNDAY = '2026-09-20'; // 国庆节调休上班
const TUESDAY = '2026-09-29';
/** 08:30 in Beijing on a day, as the schedule starts the workflow. */
const at830 = (day: string) => new Date(`${day}T08:30:00+08:00`).toISOString();

beforeAll(async () => {
  smtp = await startSmtpReceiver();
  taskQueue = `digest-${randomUUID()}`;
  worker = await Worker.create({
    connection: bed.env.nativeConnection,
    taskQueue,
    workflowBundle: bed.bundle,
    activities: {
      ...createDigestActivities({ db: bed.database.db }),
      ...createNotifyActivities({ db: bed.database.db, keys: () => keys }),
    },
  });
  running = worker.run();
  const db = bed.database.db;
  expect(await db.calendarDay.findUnique({ where: { date: new Date(`${HOLIDAY}T00:00:00Z`) } })).toMatchObject({
    kind: 'HOLIDAY',
  });
  expect(await db.calendarDay.findUnique({ where: { date: new Date(`${MAKE_UP_SUNDAY}T00:00:00Z`) } })).toMatchObject({
    kind: 'WORKDAY',
  });
  // In the township supervisor's subtree: one task overdue at 08:30 on the Tuesday, one plan awaiting approval.
  const network = bed.network;
  const caseId = randomUUID();
  const person = await createPerson(db, network.units.community, '摘要测');
  const task = (n: number, kind: 'SCREEN' | 'APPROVE_PLAN', dueAt: string) => ({
    id: `${caseId}:${n}`,
    kind,
    status: 'OPEN' as const,
    unitId: network.units.township,
    assigneeId: null,
    createdAt: '2026-09-01T00:00:00.000Z',
    dueAt,
    completedAt: null,
    completedById: null,
  });
  await createCaseActivities({ db }).projectCase({
    record: {
      caseId,
      caseNo: `D-${caseId.slice(0, 8)}`,
      personId: person.id,
      origin: 'SELF_APPLICATION',
      situation: '摘要',
      createdById: network.station.id,
      originUnitId: network.units.community,
    },
    seq: 1,
    state: 'screening',
    status: 'OPEN',
    closureReason: null,
    emergency: false,
    owningUnitId: network.units.township,
    data: { flags: [] },
    tasks: [task(1, 'SCREEN', '2026-09-28T00:00:00.000Z'), task(2, 'APPROVE_PLAN', '2026-12-31T00:00:00.000Z')],
    event: {
      type: 'REGISTERED',
      fromState: null,
      toState: 'screening',
      actorId: network.station.id,
      at: '2026-09-01T00:00:00.000Z',
      payload: {},
    },
    notifications: [],
  });
});
afterAll(async () => {
  worker?.shutdown();
  await running;
  await smtp?.close();
});

const run = (day: string) =>
  bed.env.client.workflow.execute(morningDigestWorkflow, {
    taskQueue,
    workflowId: `digest-${day}-${randomUUID()}`,
    args: [{ at: at830(day) }],
  });

const digests = (day: string) =>
  bed.database.db.notification.findMany({ where: { kind: 'DIGEST', day: new Date(`${day}T00:00:00Z`) } });

describe('the morning digest', () => {
  it('on a holiday of the calendar nothing is written', async () => {
    expect(await run(HOLIDAY)).toEqual({ day: HOLIDAY, skipped: 'NOT_A_WORKING_DAY', written: 0 });
    expect(await digests(HOLIDAY)).toEqual([]);
    // A plain Saturday is no working day either.
    expect((await run('2026-09-12')).skipped).toBe('NOT_A_WORKING_DAY');
  });

  it('on a working day each supervisor with something waiting gets one, with the counts of their subtree', async () => {
    const result = await run(TUESDAY);
    expect(result).toMatchObject({ day: TUESDAY, skipped: null });
    const rows = await digests(TUESDAY);
    const township = rows.find((row) => row.userId === bed.network.supervisor.id);
    expect(township?.body).toEqual({ day: TUESDAY, overdue: 1, awaitingApproval: 1, escalations: 0 });
    expect(township?.caseId).toBeNull();
    expect(rows).toHaveLength(result.written);
    // Run again (a retry, a manual rerun): nothing twice.
    expect((await run(TUESDAY)).written).toBe(0);
    expect(await digests(TUESDAY)).toHaveLength(rows.length);
  });

  it('a 调休 Sunday is a working day: it gets its digest', async () => {
    expect((await run(MAKE_UP_SUNDAY)).skipped).toBeNull();
    expect((await digests(MAKE_UP_SUNDAY)).length).toBeGreaterThan(0);
  });

  it('the digest reaches the supervisor by e-mail through the outbox, in Chinese', async () => {
    const db = bed.database.db;
    await db.notificationChannel.create({
      data: {
        id: randomUUID(),
        kind: 'EMAIL',
        name: '邮件',
        configEnc: encryptIdNumber(
          JSON.stringify({
            kind: 'EMAIL',
            host: '127.0.0.1',
            port: smtp.port,
            secure: false,
            from: 'noreply@guanai.example',
          }),
          keys,
        ),
      },
    });
    await db.notificationPreference.create({
      data: {
        userId: bed.network.supervisor.id,
        email: 'supervisor@jinjiang.example',
        channels: { DIGEST: ['EMAIL'] },
        quietHours: false,
      },
    });
    const day = '2026-09-30';
    await run(day);
    const stop = new AbortController();
    const relay = runOutboxRelay({ db, client: bed.env.client, taskQueue, intervalMs: 100, signal: stop.signal });
    try {
      for (let i = 0; i < 200 && !smtp.mails.some((m) => m.subject?.includes(day)); i++) {
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    } finally {
      stop.abort();
      await relay;
    }
    const mail = smtp.mails.find((m) => m.subject === `每日待办摘要（${day}）`);
    expect(mail?.text).toContain('逾期任务 1 件；待审批（方案、结案）1 件；待审核上报 0 件');
  });

  it('the schedule runs it at 08:30 Asia/Shanghai every day; a second worker finds it there', async () => {
    expect(await ensureMorningDigestSchedule(bed.env.client, taskQueue)).toBe('CREATED');
    expect(await ensureMorningDigestSchedule(bed.env.client, taskQueue)).toBe('EXISTS');
    const schedule = await bed.env.client.schedule.getHandle(MORNING_DIGEST_SCHEDULE_ID).describe();
    expect(schedule.spec.timezone).toBe('Asia/Shanghai');
    expect(schedule.spec.calendars?.[0]).toMatchObject({
      hour: [{ start: 8, end: 8, step: 1 }],
      minute: [{ start: 30, end: 30, step: 1 }],
    });
    expect(schedule.action).toMatchObject({ type: 'startWorkflow', workflowType: 'morningDigestWorkflow', taskQueue });
  });
});
