import { startSmtpReceiver } from '@guanai/workflows/notify-test';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, q, signIn, startHarness, type Harness, type Session } from './harness.ts';
import { ledgerFixture } from './ledger-fixture.ts';

/**
 * Issue 18 in the API: admins configure the channels (secrets are written, never read back, and stored
 * encrypted), send a test through one to a real SMTP server, each user sets where and when they are told
 * what, and the deliveries show every attempt — against real PostgreSQL.
 */
let h: Harness;
let admin: Session;
let caseworker: Session;
let smtp: Awaited<ReturnType<typeof startSmtpReceiver>>;
const PASSWORD = 'smtp-pass-7f3e9';
const WEBHOOK_KEY = 'wecom-key-51c0d';

beforeAll(async () => {
  h = await startHarness();
  admin = await signIn(h.app, 'admin');
  caseworker = await signIn(h.app, 'caseworker');
  smtp = await startSmtpReceiver();
});
afterAll(async () => {
  await smtp?.close();
  await h?.stop();
});

const emailChannel = () => ({
  name: '市中心邮件服务器',
  unitId: null,
  config: {
    kind: 'EMAIL',
    host: '127.0.0.1',
    port: smtp.port,
    secure: false,
    user: 'guanai',
    password: PASSWORD,
    from: '"成都市关爱援助" <noreply@guanai.example>',
  },
});

describe('channels (admins)', () => {
  it('an admin adds a mail server and a robot; the API never gives a secret back and stores none in the clear', async () => {
    const township = await h.db.orgUnit.findFirstOrThrow({ where: { code: '510104017000' } });
    const mail = await admin.request('POST', '/api/notify/channels', emailChannel());
    expect(mail.status).toBe(201);
    const robot = await admin.request('POST', '/api/notify/channels', {
      name: '锦官驿街道工作群',
      unitId: township.id,
      config: {
        kind: 'WECOM_ROBOT',
        webhookUrl: `https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=${WEBHOOK_KEY}`,
      },
    });
    expect(robot.status).toBe(201);
    const list = await admin.request('GET', '/api/notify/channels');
    const text = await list.text();
    expect(text).not.toContain(PASSWORD);
    expect(text).not.toContain(WEBHOOK_KEY);
    const channels = JSON.parse(text) as { name: string; config: Record<string, unknown>; unitName: string | null }[];
    expect(channels.find((ch) => ch.name === '市中心邮件服务器')!.config).toMatchObject({
      password: '已设置',
      port: smtp.port,
    });
    expect(channels.find((ch) => ch.name === '锦官驿街道工作群')).toMatchObject({
      unitName: township.name,
      config: { webhookUrl: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=***' },
    });
    const stored = await h.db.notificationChannel.findMany();
    for (const row of stored) {
      expect(row.configEnc).not.toContain(PASSWORD);
      expect(row.configEnc).not.toContain(WEBHOOK_KEY);
    }
  });

  it('an update that leaves the password out keeps it; the test send then reaches the SMTP server in Chinese', async () => {
    const [channel] = (await json(await admin.request('GET', '/api/notify/channels'))) as {
      id: string;
      name: string;
    }[];
    const { password: _left, ...config } = emailChannel().config;
    const updated = await admin.request('PUT', `/api/notify/channels/${channel!.id}`, {
      ...emailChannel(),
      name: '市中心邮件服务器（新）',
      config,
    });
    expect(updated.status).toBe(200);
    expect((await json(updated)).config.password).toBe('已设置');
    const before = smtp.mails.length;
    const test = await admin.request('POST', `/api/notify/channels/${channel!.id}/test`, {
      email: 'ops@guanai.example',
    });
    expect(await json(test)).toMatchObject({ ok: true, error: null });
    const mail = smtp.mails[before]!;
    expect(mail.subject).toBe('关爱援助通知渠道测试');
    expect(mail.text).toContain('这是一条来自「市中心邮件服务器（新）」的测试消息');
  });

  it('a test through a server that is not there is an answer saying so, not an error', async () => {
    const created = await json(
      await admin.request('POST', '/api/notify/channels', {
        ...emailChannel(),
        name: '不存在的服务器',
        config: { ...emailChannel().config, port: 1 },
      }),
    );
    const test = await admin.request('POST', `/api/notify/channels/${created.id}/test`, {
      email: 'ops@guanai.example',
    });
    expect(test.status).toBe(200);
    const answer = await json(test);
    expect(answer.ok).toBe(false);
    expect(answer.error).toContain('127.0.0.1');
    expect(answer.error).not.toContain(PASSWORD);
  });

  it('bad settings are a 422 naming the field, and nothing is written', async () => {
    const count = await h.db.notificationChannel.count();
    const cases: [unknown, string][] = [
      [{ ...emailChannel(), config: { ...emailChannel().config, port: 70000 } }, 'config.port'],
      [{ ...emailChannel(), config: { kind: 'PIGEON' } }, 'config.kind'],
      [{ name: '群', unitId: null, config: { kind: 'DINGTALK_ROBOT', webhookUrl: 'ftp://x' } }, 'config.webhookUrl'],
      [{ name: '群', unitId: null, config: { kind: 'DINGTALK_ROBOT' } }, 'config.webhookUrl'],
      [{ ...emailChannel(), unitId: '00000000-0000-4000-8000-000000000000' }, 'unitId'],
    ];
    for (const [body, field] of cases) {
      const res = await admin.request('POST', '/api/notify/channels', body);
      expect(res.status, field).toBe(422);
      expect(((await json(res)).errors as { field: string }[]).map((e) => e.field)).toContain(field);
    }
    expect(await h.db.notificationChannel.count()).toBe(count);
  });

  it('a caseworker may neither read nor change channels', async () => {
    expect((await caseworker.request('GET', '/api/notify/channels')).status).toBe(403);
    expect((await caseworker.request('POST', '/api/notify/channels', emailChannel())).status).toBe(403);
  });
});

describe('preferences', () => {
  it('a user sets their channels per kind and quiet hours; the mobile is stored encrypted and shown masked', async () => {
    const res = await caseworker.request('PUT', '/api/notify/preferences/me', {
      email: 'caseworker@jinjiang.example',
      mobile: '13900002222',
      channels: { SLA_BREACHED: ['SMS', 'EMAIL'], ASSIGNED: ['WECOM_ROBOT'] },
      quietHours: { enabled: true, start: 1320, end: 420 },
    });
    expect(res.status).toBe(200);
    expect(await json(res)).toMatchObject({
      mobile: '139****2222',
      channels: { SLA_BREACHED: ['SMS', 'EMAIL'], ASSIGNED: ['WECOM_ROBOT'] },
      quietHours: { enabled: true, start: 1320, end: 420 },
    });
    const user = await h.db.user.findUniqueOrThrow({ where: { username: 'caseworker' } });
    const row = await h.db.notificationPreference.findUniqueOrThrow({ where: { userId: user.id } });
    expect(row.mobileEnc).not.toContain('13900002222');
    // The admin sees the same, masked; the caseworker may not read another's.
    const seen = await json(await admin.request('GET', `/api/notify/preferences/${user.id}`));
    expect(seen.mobile).toBe('139****2222');
    expect((await caseworker.request('GET', `/api/notify/preferences/${user.id}`)).status).toBe(403);
  });

  it('bad preferences are a 422 naming the field, and the stored ones stay', async () => {
    const before = await json(await caseworker.request('GET', '/api/notify/preferences/me'));
    const cases: [unknown, string][] = [
      [{ channels: { ASSIGNED: ['FAX'] }, quietHours: { enabled: true, start: 0, end: 1 } }, 'channels.ASSIGNED.0'],
      [
        { channels: { ASSIGNED: ['SMS', 'SMS'] }, quietHours: { enabled: true, start: 0, end: 1 } },
        'channels.ASSIGNED',
      ],
      [{ channels: {}, quietHours: { enabled: true, start: 1440, end: 1 } }, 'quietHours.start'],
      [{ mobile: '12345', channels: {}, quietHours: { enabled: false, start: 0, end: 0 } }, 'mobile'],
    ];
    for (const [body, field] of cases) {
      const res = await caseworker.request('PUT', '/api/notify/preferences/me', body);
      expect(res.status, field).toBe(422);
      expect(((await json(res)).errors as { field: string }[]).map((e) => e.field)).toContain(field);
    }
    expect(await json(await caseworker.request('GET', '/api/notify/preferences/me'))).toEqual(before);
  });
});

describe('deliveries', () => {
  it('a delivery shows each attempt; the recipient sees their own, an admin sees the failures of all', async () => {
    const user = await h.db.user.findUniqueOrThrow({ where: { username: 'caseworker' } });
    const { caseId } = await ledgerFixture(h.db, h.keys).caseFor('通知投递', '510104017001', '2026-11-01T02:00:00Z');
    const someCase = await h.db.case.findUniqueOrThrow({ where: { id: caseId } });
    const notification = await h.db.notification.create({
      data: { userId: user.id, caseId: someCase.id, kind: 'SLA_BREACHED', seq: 9999, dispatchedAt: new Date() },
    });
    const channel = await h.db.notificationChannel.findFirstOrThrow({ where: { kind: 'EMAIL' } });
    await h.db.notificationDelivery.create({
      data: {
        notificationId: notification.id,
        channelId: channel.id,
        status: 'FAILED',
        notBefore: new Date(),
        attempts: 2,
        lastError: 'the mail server 127.0.0.1 refused: SMTP 550',
        failedAt: new Date(),
        attemptLog: {
          create: [
            { outcome: 'RETRY', error: 'the mail server 127.0.0.1 refused: SMTP 451' },
            { outcome: 'FAILED', error: 'the mail server 127.0.0.1 refused: SMTP 550' },
          ],
        },
      },
    });
    const failed = await json(
      await admin.request('GET', `/api/notify/deliveries${q({ filter: { status: 'FAILED' } })}`),
    );
    expect(failed).toHaveLength(1);
    expect(failed[0]).toMatchObject({
      notificationId: String(notification.id),
      recipientName: user.displayName,
      caseNo: someCase.caseNo,
      channelKind: 'EMAIL',
      status: 'FAILED',
      attemptLog: [
        { outcome: 'RETRY', error: expect.stringContaining('451') },
        { outcome: 'FAILED', error: expect.stringContaining('550') },
      ],
    });
    const mine = await json(
      await caseworker.request(
        'GET',
        `/api/notify/deliveries${q({ filter: { notificationId: String(notification.id) } })}`,
      ),
    );
    expect(mine).toHaveLength(1);
    const other = await signIn(h.app, 'caseworker2');
    expect(
      await json(await other.request('GET', `/api/notify/deliveries${q({ filter: { status: 'FAILED' } })}`)),
    ).toEqual([]);
  });
});
