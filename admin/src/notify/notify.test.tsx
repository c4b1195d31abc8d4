import { configure, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { App } from '../App.tsx';
import { listOf, server, signInAs, userAs } from '../test/server.ts';
import type { Channel, Delivery, Preference } from './types.ts';
import { toHHmm, toMinutes } from './types.ts';

// The whole app renders for each test: give a loaded machine time to sign in and fetch.
configure({ asyncUtilTimeout: 8000 });

const mail: Channel = {
  id: '6f1c2d3e-0000-4000-8000-000000000001',
  kind: 'EMAIL',
  name: '市中心邮件服务器',
  unitId: null,
  unitName: null,
  enabled: true,
  config: {
    kind: 'EMAIL',
    host: 'smtp.chengdu.example',
    port: 465,
    secure: true,
    user: 'guanai',
    password: '已设置',
    from: '"成都市关爱援助" <noreply@guanai.example>',
  },
  updatedAt: '2026-11-30T01:00:00Z',
};
const robot: Channel = {
  id: '6f1c2d3e-0000-4000-8000-000000000002',
  kind: 'DINGTALK_ROBOT',
  name: '锦官驿街道钉钉群',
  unitId: 't1',
  unitName: '锦官驿街道',
  enabled: true,
  config: {
    kind: 'DINGTALK_ROBOT',
    webhookUrl: 'https://oapi.dingtalk.com/robot/send?access_token=***',
    secret: '已设置',
  },
  updatedAt: '2026-11-30T01:00:00Z',
};

/** The channel routes, recording what the admin sends. */
function channelApi(
  test: { ok: boolean; receipt: string | null; error: string | null } = {
    ok: true,
    receipt: '250 OK',
    error: null,
  },
) {
  const sent: { method: string; path: string; body: Record<string, unknown> }[] = [];
  const record = async ({ request }: { request: Request }) => {
    const body = (await request.json()) as Record<string, unknown>;
    sent.push({ method: request.method, path: new URL(request.url).pathname, body });
    return body;
  };
  server.use(
    http.get('*/api/notify/channels', () => HttpResponse.json([mail, robot])),
    http.put('*/api/notify/channels/:id', async (info) => {
      const body = await record(info);
      return HttpResponse.json({ ...mail, name: body.name });
    }),
    http.post('*/api/notify/channels/:id/test', async (info) => {
      await record(info);
      return HttpResponse.json(test);
    }),
    http.get('*/api/notify/preferences/me', () =>
      HttpResponse.json({ ...preference, email: 'admin@guanai.example' } satisfies Preference),
    ),
  );
  return sent;
}

function renderAt(hash: string) {
  window.location.hash = hash;
  return render(<App />);
}

const input = (name: string) => document.querySelector<HTMLInputElement>(`input[name="${name}"]`)!;

describe('通知渠道 (admins)', () => {
  it('the edit form starts every secret empty, never sends a masked one back, and sends one typed anew', async () => {
    signInAs(userAs('ADMIN'));
    const sent = channelApi();
    renderAt(`#/notify/channels/${mail.id}`);
    await waitFor(() => expect(input('config.host')?.value).toBe('smtp.chengdu.example'));
    expect(input('config.password').value).toBe('');
    expect(screen.getByText('已设置，留空则不变')).toBeTruthy();

    fireEvent.change(input('name'), { target: { value: '市中心邮件服务器（新）' } });
    fireEvent.click(screen.getByRole('button', { name: '保存' }));
    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]).toMatchObject({ method: 'PUT', path: `/api/notify/channels/${mail.id}` });
    expect(sent[0]!.body).toEqual({
      name: '市中心邮件服务器（新）',
      unitId: null,
      enabled: true,
      config: {
        kind: 'EMAIL',
        host: 'smtp.chengdu.example',
        port: 465,
        secure: true,
        user: 'guanai',
        from: '"成都市关爱援助" <noreply@guanai.example>',
      },
    });
    expect(JSON.stringify(sent[0]!.body)).not.toContain('已设置');

    // Back on the list; open it again and type a new password.
    await screen.findByText('锦官驿街道钉钉群');
    window.location.hash = `#/notify/channels/${mail.id}`;
    await waitFor(() => expect(input('config.password')).toBeTruthy());
    fireEvent.change(input('config.password'), { target: { value: 'new-smtp-pass' } });
    fireEvent.click(screen.getByRole('button', { name: '保存' }));
    await waitFor(() => expect(sent).toHaveLength(2));
    expect(sent[1]!.body.config).toMatchObject({ kind: 'EMAIL', password: 'new-smtp-pass' });
  });

  it('a robot keeps its webhook (shown masked) unless a new one is typed; a new signing secret is sent', async () => {
    signInAs(userAs('ADMIN'));
    const sent = channelApi();
    renderAt(`#/notify/channels/${robot.id}`);
    await waitFor(() => expect(input('name')?.value).toBe('锦官驿街道钉钉群'));
    expect(input('config.webhookUrl').value).toBe('');
    expect(
      screen.getByText('已设置（https://oapi.dingtalk.com/robot/send?access_token=***），留空则不变'),
    ).toBeTruthy();
    fireEvent.change(input('config.secret'), { target: { value: 'SEC0123456789' } });
    fireEvent.click(screen.getByRole('button', { name: '保存' }));
    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]!.body).toMatchObject({
      unitId: 't1',
      config: { kind: 'DINGTALK_ROBOT', secret: 'SEC0123456789' },
    });
    expect(sent[0]!.body.config).not.toHaveProperty('webhookUrl');
  });

  it('发送测试 sends to my own address by default and shows a refusal with the channel’s reason', async () => {
    signInAs(userAs('ADMIN'));
    const reason = 'SMTP 127.0.0.1:1 refused the connection (ECONNREFUSED)';
    const sent = channelApi({ ok: false, receipt: null, error: reason });
    renderAt('#/notify/channels');
    await screen.findByText('市中心邮件服务器');
    expect(screen.getByText('锦官驿街道')).toBeTruthy();
    fireEvent.click(screen.getAllByRole('button', { name: '发送测试' })[0]!);
    const dialog = within(await screen.findByRole('dialog'));
    await waitFor(() => expect(dialog.getByLabelText('收件邮箱')).toHaveProperty('value', 'admin@guanai.example'));
    fireEvent.click(dialog.getByRole('button', { name: '发送' }));
    expect(await dialog.findByText('发送失败')).toBeTruthy();
    expect(dialog.getByText(reason)).toBeTruthy();
    expect(sent).toEqual([
      { method: 'POST', path: `/api/notify/channels/${mail.id}/test`, body: { email: 'admin@guanai.example' } },
    ]);
  });

  it('a test that arrives shows 发送成功 with the receipt', async () => {
    signInAs(userAs('ADMIN'));
    channelApi({ ok: true, receipt: '250 2.0.0 Ok: queued as 4F2A', error: null });
    renderAt('#/notify/channels');
    await screen.findByText('市中心邮件服务器');
    fireEvent.click(screen.getAllByRole('button', { name: '发送测试' })[1]!);
    const dialog = within(await screen.findByRole('dialog'));
    expect(dialog.queryByLabelText('收件邮箱')).toBeNull();
    fireEvent.click(dialog.getByRole('button', { name: '发送' }));
    expect(await dialog.findByText('发送成功')).toBeTruthy();
    expect(dialog.getByText('回执：250 2.0.0 Ok: queued as 4F2A')).toBeTruthy();
  });
});

const preference: Preference = {
  userId: 'u-cw',
  email: 'caseworker@jinjiang.example',
  mobile: '139****2222',
  channels: { SLA_BREACHED: ['SMS'] },
  quietHours: { enabled: true, start: 1320, end: 420 },
};

describe('我的通知设置', () => {
  it('sends the kinds × channels matrix and quiet hours in minutes; the masked mobile is not sent back', async () => {
    const sent: unknown[] = [];
    server.use(
      http.get('*/api/notify/preferences/me', () => HttpResponse.json(preference)),
      http.put('*/api/notify/preferences/me', async ({ request }) => {
        const body = (await request.json()) as Record<string, unknown>;
        sent.push(body);
        return HttpResponse.json({ ...preference, ...body, mobile: preference.mobile });
      }),
    );
    renderAt('#/notify/preferences');
    expect(await screen.findByText('手机号码: 139****2222')).toBeTruthy();
    const start = screen.getByLabelText('开始') as HTMLInputElement;
    expect(start.value).toBe('22:00');
    expect((screen.getByLabelText('结束') as HTMLInputElement).value).toBe('07:00');
    expect((screen.getByLabelText('任务已超期 · 短信') as HTMLInputElement).checked).toBe(true);

    fireEvent.change(start, { target: { value: '21:30' } });
    fireEvent.change(screen.getByLabelText('结束'), { target: { value: '06:45' } });
    fireEvent.click(screen.getByLabelText('任务改派给您 · 企业微信群机器人'));
    fireEvent.click(screen.getByLabelText('任务已超期 · 电子邮件'));
    fireEvent.click(screen.getByRole('button', { name: '保存' }));
    await waitFor(() => expect(sent).toHaveLength(1));
    const body = sent[0] as Record<string, unknown>;
    expect(body).not.toHaveProperty('mobile');
    expect(body.email).toBe('caseworker@jinjiang.example');
    expect(body.quietHours).toEqual({ enabled: true, start: 1290, end: 405 });
    expect(body.channels).toMatchObject({
      ASSIGNED: ['WECOM_ROBOT'],
      // In the channels' order, whichever was ticked first.
      SLA_BREACHED: ['EMAIL', 'SMS'],
      SLA_WARNING: [],
      ESCALATED: [],
      DIGEST: [],
    });
    expect(await screen.findByText('通知设置已保存')).toBeTruthy();
  });

  it('a new mobile number is sent as typed; quiet hours switched off are sent off', async () => {
    const sent: Record<string, unknown>[] = [];
    server.use(
      http.get('*/api/notify/preferences/me', () => HttpResponse.json(preference)),
      http.put('*/api/notify/preferences/me', async ({ request }) => {
        sent.push((await request.json()) as Record<string, unknown>);
        return HttpResponse.json(preference);
      }),
    );
    renderAt('#/notify/preferences');
    fireEvent.change(await screen.findByLabelText('新手机号码'), { target: { value: '13700001111' } });
    fireEvent.click(screen.getByLabelText('免打扰时段内暂缓发送（紧急案件除外）'));
    fireEvent.click(screen.getByRole('button', { name: '保存' }));
    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]).toMatchObject({ mobile: '13700001111', quietHours: { enabled: false, start: 1320, end: 420 } });
  });

  it('HH:mm and minutes after midnight convert both ways', () => {
    expect([toMinutes('22:00'), toMinutes('07:00'), toMinutes('0:05'), toMinutes('24:00'), toMinutes('')]).toEqual([
      1320,
      420,
      5,
      null,
      null,
    ]);
    expect([toHHmm(1320), toHHmm(420), toHHmm(5)]).toEqual(['22:00', '07:00', '00:05']);
  });
});

const delivery = (status: Delivery['status']): Delivery => ({
  id: status === 'FAILED' ? '9' : '8',
  notificationId: '41',
  kind: 'SLA_BREACHED',
  recipientName: '社工 张伟',
  caseNo: 'GA-2026-000001',
  channelKind: 'SMS',
  channelName: '市短信网关',
  status,
  notBefore: '2026-11-30T01:00:00Z',
  attempts: 2,
  lastError: status === 'FAILED' ? 'gateway answered 500' : null,
  sentAt: status === 'SENT' ? '2026-11-30T01:01:00Z' : null,
  failedAt: status === 'FAILED' ? '2026-11-30T03:00:00Z' : null,
  attemptLog: [
    { at: '2026-11-30T01:00:00Z', outcome: 'RETRY', error: 'gateway answered 503' },
    status === 'FAILED'
      ? { at: '2026-11-30T03:00:00Z', outcome: 'FAILED', error: 'gateway answered 500' }
      : { at: '2026-11-30T01:01:00Z', outcome: 'SENT', error: null },
  ],
});

describe('投递记录', () => {
  it('a notification’s row opens its deliveries, each attempt with its time, outcome and error', async () => {
    const asked: unknown[] = [];
    server.use(
      http.get('*/api/notifications', () =>
        listOf('notifications', [
          {
            id: '41',
            kind: 'SLA_BREACHED',
            caseId: 'case-1',
            caseNo: 'GA-2026-000001',
            personName: '张三明',
            digest: null,
            readAt: null,
            createdAt: '2026-11-30T01:00:00Z',
          },
        ]),
      ),
      http.get('*/api/notify/deliveries', ({ request }) => {
        asked.push(JSON.parse(new URL(request.url).searchParams.get('filter') ?? 'null'));
        return listOf('deliveries', [delivery('SENT')]);
      }),
    );
    renderAt('#/notifications');
    fireEvent.click(await screen.findByRole('button', { name: '投递记录' }));
    const dialog = within(await screen.findByRole('dialog'));
    expect(await dialog.findByText('市短信网关 · 短信')).toBeTruthy();
    expect(dialog.getByText('已送达')).toBeTruthy();
    expect(dialog.getByText('重试')).toBeTruthy();
    expect(dialog.getByText('gateway answered 503')).toBeTruthy();
    expect(dialog.getByText('成功')).toBeTruthy();
    expect(asked).toEqual([{ notificationId: '41' }]);
    // Opening the dialog does not open the case.
    expect(window.location.hash).toBe('#/notifications');
  });

  it('投递失败 (admins) lists the FAILED deliveries with who was to be told and why it failed', async () => {
    signInAs(userAs('ADMIN'));
    const asked: unknown[] = [];
    server.use(
      http.get('*/api/notify/deliveries', ({ request }) => {
        asked.push(JSON.parse(new URL(request.url).searchParams.get('filter') ?? 'null'));
        return listOf('deliveries', [delivery('FAILED')]);
      }),
    );
    renderAt('#/notify/failed');
    expect(await screen.findByText('社工 张伟 · 任务已超期 · GA-2026-000001')).toBeTruthy();
    expect(screen.getAllByText('失败').length).toBeGreaterThan(0);
    expect(screen.getByText('gateway answered 500')).toBeTruthy();
    expect(asked).toEqual([{ status: 'FAILED' }]);
    // The admin's menu leads here and to the channels.
    expect(screen.getByRole('menuitem', { name: '投递失败' })).toBeTruthy();
    expect(screen.getByRole('menuitem', { name: '通知渠道' })).toBeTruthy();
  });
});
