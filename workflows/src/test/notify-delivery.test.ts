import { randomUUID } from 'node:crypto';
import { Worker } from '@temporalio/worker';
import { encryptIdNumber, identityKeys, maskPhone } from '@guanai/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCaseActivities } from '../case/activities.ts';
import type { CaseProjection } from '../case/projection.ts';
import type { ChannelConfig } from '../notify/channels/index.ts';
import { dingtalkSign } from '../notify/channels/index.ts';
import { createNotifyActivities } from '../notify/activities.ts';
import { runOutboxRelay } from '../notify/relay.ts';
import { startHttpReceiver, startSmtpReceiver, type Received } from '../notify/test/receivers.ts';
import { deliveryWorkflowId, type DeliveryPolicy } from '../notify/workflow.ts';
import { createPerson } from './fixtures.ts';
import { useTestbed } from './testbed.ts';
import { startWorkerProcess } from './worker-process.ts';

/**
 * Issue 18: a notification leaves by the recipient's channels. The case projection writes the
 * notification with its case event (the outbox); the relay hands it to its delivery workflow; the
 * deliveries reach real receivers on this machine — an in-process SMTP server, a local HTTP server
 * playing the SMS gateway and the DingTalk robot — through failures, a killed worker and quiet hours.
 */
const bed = useTestbed();
const GUANAI_SECRET = process.env.GUANAI_SECRET ?? 'notify-test-secret-0123456789abcdef';
process.env.GUANAI_SECRET = GUANAI_SECRET;
const keys = identityKeys(GUANAI_SECRET);
const MOBILE = '13900002222';

/** Short enough for a test: tries every 200 ms to 1 s, a try may take 3 s, gives up after 6 s. */
const POLICY: DeliveryPolicy = {
  attemptTimeoutMs: 3_000,
  initialIntervalMs: 200,
  maximumIntervalMs: 1_000,
  giveUpMs: 6_000,
};

/** The SMS gateway as a real one behaves: a repeated Idempotency-Key is the same message, sent once. */
function gateway(failFirst = 0, failAlways = false) {
  const sent = new Map<string, Received>();
  return {
    sent,
    answer: (request: Received, index: number) => {
      if (failAlways || index < failFirst) return { status: 503, json: { code: 'UNAVAILABLE' } };
      const key = String(request.headers['idempotency-key']);
      if (!sent.has(key)) sent.set(key, request);
      return { status: 200, json: { code: 'OK', messageId: `sms-${key}` } };
    },
  };
}

let smtp: Awaited<ReturnType<typeof startSmtpReceiver>>;
let sms: Awaited<ReturnType<typeof startHttpReceiver>>;
let smsGateway = gateway();
let robot: Awaited<ReturnType<typeof startHttpReceiver>>;
const DING_SECRET = 'SECnotify0123';

beforeAll(async () => {
  smtp = await startSmtpReceiver();
  sms = await startHttpReceiver((request, index) => smsGateway.answer(request, index));
  robot = await startHttpReceiver(({ url }) => {
    const timestamp = url.searchParams.get('timestamp') ?? '';
    return url.searchParams.get('sign') === dingtalkSign(timestamp, DING_SECRET)
      ? { status: 200, json: { errcode: 0, errmsg: 'ok' } }
      : { status: 200, json: { errcode: 310000, errmsg: 'sign not match' } };
  });
});
afterAll(async () => {
  await Promise.all([smtp?.close(), sms?.close(), robot?.close()]);
});

/** The channels every test may use: the city's mail server and SMS gateway, the township's DingTalk robot. */
beforeAll(async () => {
  await addChannel({
    kind: 'EMAIL',
    host: '127.0.0.1',
    port: smtp.port,
    secure: false,
    from: '"成都市关爱援助" <noreply@guanai.example>',
  });
  await addChannel({
    kind: 'SMS',
    provider: 'GENERIC',
    endpoint: `${sms.url}/v1/sms`,
    signName: '【成都关爱援助】',
    templates: { SLA_BREACHED: 'TPL_BREACHED', ASSIGNED: 'TPL_ASSIGNED' },
  });
  await addChannel(
    { kind: 'DINGTALK_ROBOT', webhookUrl: `${robot.url}/robot/send?access_token=t`, secret: DING_SECRET },
    bed.network.units.township,
  );
});

async function addChannel(config: ChannelConfig, unitId: string | null = null) {
  const id = randomUUID();
  await bed.database.db.notificationChannel.create({
    data: {
      id,
      kind: config.kind,
      name: config.kind,
      unitId,
      configEnc: encryptIdNumber(JSON.stringify(config), keys),
    },
  });
  return id;
}

/** A recipient with an address, a mobile and the channels per kind they chose. */
async function prefer(
  userId: string,
  channels: Record<string, string[]>,
  quiet = { enabled: false, start: 1320, end: 420 },
) {
  const data = {
    email: 'caseworker@jinjiang.example',
    mobileEnc: encryptIdNumber(MOBILE, keys),
    mobileMasked: maskPhone(MOBILE),
    channels,
    quietHours: quiet.enabled,
    quietStart: quiet.start,
    quietEnd: quiet.end,
  };
  await bed.database.db.notificationPreference.upsert({ where: { userId }, create: { userId, ...data }, update: data });
}

/** The case projection of one event that notifies `userId` (the outbox row, written with the event). */
async function notify(userId: string, kind: 'ASSIGNED' | 'SLA_BREACHED', emergency = false) {
  const network = bed.network;
  const at = new Date().toISOString();
  const caseId = randomUUID();
  const person = await createPerson(bed.database.db, network.units.community, '通知测');
  const task = {
    id: `${caseId}:1`,
    kind: 'SCREEN' as const,
    status: 'OPEN' as const,
    unitId: network.units.township,
    assigneeId: userId,
    createdAt: at,
    dueAt: new Date(Date.parse(at) + 3_600_000).toISOString(),
    completedAt: null,
    completedById: null,
  };
  const projection: CaseProjection = {
    record: {
      caseId,
      caseNo: `N-${caseId.slice(0, 8)}`,
      personId: person.id,
      origin: 'SELF_APPLICATION',
      situation: '通知测试',
      createdById: network.station.id,
      originUnitId: network.units.community,
    },
    seq: 1,
    state: 'screening',
    status: 'OPEN',
    closureReason: null,
    emergency,
    owningUnitId: network.units.township,
    data: { flags: [] },
    tasks: [task],
    event: { type: 'REASSIGN', fromState: null, toState: 'screening', actorId: network.supervisor.id, at, payload: {} },
    notifications: [{ type: 'notify', kind, taskId: task.id, unitId: network.units.township, userId }],
  };
  await createCaseActivities({ db: bed.database.db }).projectCase(projection);
  const row = await bed.database.db.notification.findFirstOrThrow({ where: { caseId, userId, kind } });
  return { notificationId: row.id, caseNo: projection.record.caseNo };
}

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const deliveries = (notificationId: bigint) =>
  bed.database.db.notificationDelivery.findMany({
    where: { notificationId },
    include: { channel: true, attemptLog: { orderBy: { id: 'asc' } } },
    orderBy: { id: 'asc' },
  });

/** A worker and a relay in this process, on their own task queue, for the length of `body`. */
async function withWorker<T>(body: () => Promise<T>): Promise<T> {
  const taskQueue = `notify-${randomUUID()}`;
  const worker = await Worker.create({
    connection: bed.env.nativeConnection,
    taskQueue,
    workflowBundle: bed.bundle,
    activities: createNotifyActivities({ db: bed.database.db, keys: () => keys, adminUrl: 'https://guanai.example' }),
  });
  const stop = new AbortController();
  const relay = runOutboxRelay({
    db: bed.database.db,
    client: bed.env.client,
    taskQueue,
    intervalMs: 100,
    policy: POLICY,
    signal: stop.signal,
  });
  try {
    return await worker.runUntil(body());
  } finally {
    stop.abort();
    await relay;
  }
}

describe('delivery of notifications (issue 18)', () => {
  it('an assignment reaches the mail server in Chinese and the township’s DingTalk group, signed, each once', async () => {
    const user = bed.network.caseworker.id;
    await prefer(user, { ASSIGNED: ['EMAIL', 'DINGTALK_ROBOT'] });
    const mailsBefore = smtp.mails.length;
    const { notificationId, caseNo } = await notify(user, 'ASSIGNED');
    const rows = await withWorker(() =>
      until(
        () => deliveries(notificationId),
        (list) => list.length === 2 && list.every((d) => d.status === 'SENT'),
      ),
    );
    expect(rows.map((d) => [d.channel.kind, d.status, d.attempts]).sort()).toEqual([
      ['DINGTALK_ROBOT', 'SENT', 1],
      ['EMAIL', 'SENT', 1],
    ]);
    const mail = smtp.mails.slice(mailsBefore);
    expect(mail).toHaveLength(1);
    expect(mail[0]!.subject).toBe(`新任务：${caseNo} 政府救助筛查`);
    expect(mail[0]!.text).toContain(`个案 ${caseNo} 的「政府救助筛查」任务已指派给您`);
    // No person's name leaves by e-mail or a group robot.
    expect(mail[0]!.text).not.toContain('通知测');
    const ding = robot.received.at(-1)!;
    expect((ding.body as { text: { content: string } }).text.content).toContain(caseNo);
    expect((ding.body as { at: { atMobiles: string[] } }).at.atMobiles).toEqual([MOBILE]);
    expect(await bed.database.db.notification.findUniqueOrThrow({ where: { id: notificationId } })).toMatchObject({
      dispatchedAt: expect.any(Date),
    });
  });

  it('a gateway failing for a while, then recovering: one message, every attempt recorded', async () => {
    const user = bed.network.caseworker.id;
    await prefer(user, { SLA_BREACHED: ['SMS'] });
    smsGateway = gateway(3);
    sms.received.length = 0;
    const { notificationId } = await notify(user, 'SLA_BREACHED');
    const [row] = await withWorker(() =>
      until(
        () => deliveries(notificationId),
        (list) => list[0]?.status === 'SENT',
      ),
    );
    expect(row!.status).toBe('SENT');
    expect(row!.attemptLog.map((a) => a.outcome)).toEqual(['RETRY', 'RETRY', 'RETRY', 'SENT']);
    expect(row!.lastError).toBeNull();
    expect(sms.received).toHaveLength(4);
    expect(smsGateway.sent.size).toBe(1);
    const body = [...smsGateway.sent.values()][0]!.body as { to: string; templateId: string };
    expect(body).toMatchObject({ to: MOBILE, templateId: 'TPL_BREACHED' });
  });

  it('a gateway that never recovers: the delivery gives up after the policy’s time, FAILED with its last error', async () => {
    const user = bed.network.caseworker.id;
    await prefer(user, { SLA_BREACHED: ['SMS'] });
    smsGateway = gateway(0, true);
    const { notificationId } = await notify(user, 'SLA_BREACHED');
    const [row] = await withWorker(() =>
      until(
        () => deliveries(notificationId),
        (list) => list[0]?.status === 'FAILED',
        20_000,
      ),
    );
    expect(row!.status).toBe('FAILED');
    expect(row!.lastError).toContain('HTTP 503');
    expect(row!.attemptLog.at(-1)!.outcome).toBe('FAILED');
    expect(row!.attemptLog.filter((a) => a.outcome === 'RETRY').length).toBeGreaterThan(1);
  });

  it('quiet hours defer what is not urgent to their end; an emergency case’s breach goes at once', async () => {
    const user = bed.network.supervisor.id;
    // A quiet window around now (Beijing time), ending in ten minutes.
    const minute = Math.floor((Date.now() + 8 * 3_600_000) / 60_000) % 1440;
    const quiet = { enabled: true, start: (minute + 1440 - 10) % 1440, end: (minute + 10) % 1440 };
    await prefer(user, { ASSIGNED: ['SMS'], SLA_BREACHED: ['SMS'] }, quiet);
    smsGateway = gateway();
    const routine = await notify(user, 'ASSIGNED');
    const urgent = await notify(user, 'SLA_BREACHED', true);
    const [deferred, sent] = await withWorker(async () => {
      const sentRow = await until(
        () => deliveries(urgent.notificationId),
        (list) => list[0]?.status === 'SENT',
      );
      return [await deliveries(routine.notificationId), sentRow] as const;
    });
    expect(sent[0]!.status).toBe('SENT');
    expect(deferred[0]!.status).toBe('PENDING');
    expect(deferred[0]!.attempts).toBe(0);
    const endsIn = deferred[0]!.notBefore.getTime() - Date.now();
    expect(endsIn).toBeGreaterThan(8 * 60_000);
    expect(endsIn).toBeLessThanOrEqual(10 * 60_000);
    await bed.env.client.workflow.getHandle(deliveryWorkflowId(String(routine.notificationId))).terminate('test over');
  });
});

describe('a worker killed mid-delivery (issue 18)', () => {
  const startWorker = (taskQueue: string, faults = '') =>
    startWorkerProcess({
      DATABASE_URL: bed.database.url,
      TEMPORAL_ADDRESS: bed.env.address,
      WORKER_TASK_QUEUE: taskQueue,
      GUANAI_SECRET,
      // Long enough to give up only after a second worker has started (it bundles the workflows first).
      NOTIFY_POLICY: JSON.stringify({ ...POLICY, giveUpMs: 180_000 }),
      GUANAI_FAULT_POINTS: faults,
    });

  it(
    'SIGKILL after the gateway took the message and before the ledger says so: one message, one SENT',
    { timeout: 180_000 },
    async () => {
      const user = bed.network.caseworker.id;
      await prefer(user, { SLA_BREACHED: ['SMS'] });
      smsGateway = gateway();
      sms.received.length = 0;
      const taskQueue = `notify-kill-${randomUUID()}`;
      const first = await startWorker(taskQueue, 'notify.after-send:1');
      const exited = new Promise<number | null>((resolve) =>
        first.once('exit', (_code, signal) => resolve(signal ? 9 : 0)),
      );
      const { notificationId } = await notify(user, 'SLA_BREACHED');
      expect(await exited).toBe(9); // killed at the fault point, after the send
      expect(sms.received).toHaveLength(1);
      expect((await deliveries(notificationId))[0]!.status).toBe('PENDING');
      const second = await startWorker(taskQueue);
      try {
        const [row] = await until(
          () => deliveries(notificationId),
          (list) => list[0]?.status === 'SENT',
        );
        expect(row!.status).toBe('SENT');
        expect(row!.attemptLog.map((a) => a.outcome)).toEqual(['SENT']);
        // The retry sent the same key again, and the gateway kept one message.
        expect(sms.received.length).toBeGreaterThanOrEqual(2);
        expect(new Set(sms.received.map((r) => r.headers['idempotency-key'])).size).toBe(1);
        expect(smsGateway.sent.size).toBe(1);
      } finally {
        second.kill('SIGKILL');
      }
    },
  );
});
