import { afterEach, describe, expect, it } from 'vitest';
import { startHttpReceiver, startSmtpReceiver } from '../test/receivers.ts';
import { ChannelError, channelFor, dingtalkSign, redactChannel, type OutgoingMessage } from './index.ts';

/**
 * Each channel against a real receiver on this machine: an in-process SMTP server reads the mail, a
 * local HTTP server plays the robots' webhooks and the SMS gateway and checks what they would check.
 */
const message: OutgoingMessage = {
  key: 'notification-42:EMAIL',
  kind: 'BREACHED',
  subject: '任务已逾期：GA-2026-000123 需求评估',
  body: '张某某的个案（锦官驿街道）需求评估任务已超过时限，请尽快处理。',
  params: { caseNo: 'GA-2026-000123', task: '需求评估' },
  link: 'https://guanai.example/#/cases/1/show',
};
const recipient = { name: '李晓华', email: 'li.xiaohua@jinjiang.example', mobile: '13800001111' };

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
});

async function failure(promise: Promise<unknown>): Promise<ChannelError> {
  const error = await promise.then(
    () => null,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(ChannelError);
  return error as ChannelError;
}

describe('e-mail over SMTP', () => {
  it('delivers a Chinese subject and body that the server reads back, with a Message-ID from the key', async () => {
    const smtp = await startSmtpReceiver();
    closers.push(smtp.close);
    const channel = channelFor({
      kind: 'EMAIL',
      host: '127.0.0.1',
      port: smtp.port,
      secure: false,
      from: '"成都市关爱援助" <noreply@guanai.example>',
    });
    const result = await channel.send(recipient, message);
    expect(smtp.mails).toHaveLength(1);
    const mail = smtp.mails[0]!;
    expect(mail.subject).toBe(message.subject);
    expect(mail.text).toContain('需求评估任务已超过时限');
    expect(mail.text).toContain(message.link);
    expect(mail.from?.value[0]).toMatchObject({ name: '成都市关爱援助', address: 'noreply@guanai.example' });
    expect(mail.to && !Array.isArray(mail.to) ? mail.to.value[0] : null).toMatchObject({
      name: '李晓华',
      address: recipient.email,
    });
    expect(mail.messageId).toBe('<notification-42.EMAIL@guanai>');
    expect(result.receipt).toBe(mail.messageId);
  });

  it('a temporary refusal (451) is tried again, a final one (550) is not; neither names a password', async () => {
    const smtp = await startSmtpReceiver((index) => (index === 0 ? 451 : 550));
    closers.push(smtp.close);
    const channel = channelFor({
      kind: 'EMAIL',
      host: '127.0.0.1',
      port: smtp.port,
      secure: false,
      user: 'robot',
      password: 's3cret-pass',
      from: 'noreply@guanai.example',
    });
    const first = await failure(channel.send(recipient, message));
    expect(first.retryable).toBe(true);
    const second = await failure(channel.send(recipient, message));
    expect(second.retryable).toBe(false);
    expect(`${first.message} ${second.message}`).not.toContain('s3cret');
    expect(smtp.mails).toHaveLength(0);
  });

  it('a server that is not there is tried again; a recipient without an address is final', async () => {
    const channel = channelFor({ kind: 'EMAIL', host: '127.0.0.1', port: 1, secure: false, from: 'a@b.example' });
    expect((await failure(channel.send(recipient, message))).retryable).toBe(true);
    expect((await failure(channel.send({ name: '王五' }, message))).retryable).toBe(false);
  });
});

describe('WeChat Work group robot (企业微信)', () => {
  it('posts its text message format, @-mentioning the recipient by mobile', async () => {
    const robot = await startHttpReceiver(() => ({ status: 200, json: { errcode: 0, errmsg: 'ok' } }));
    closers.push(robot.close);
    const result = await channelFor({
      kind: 'WECOM_ROBOT',
      webhookUrl: `${robot.url}/cgi-bin/webhook/send?key=wecom-key-123`,
    }).send(recipient, message);
    expect(result.receipt).toBe('ok');
    expect(robot.received).toHaveLength(1);
    const { url, body, headers } = robot.received[0]!;
    expect(url.pathname).toBe('/cgi-bin/webhook/send');
    expect(url.searchParams.get('key')).toBe('wecom-key-123');
    expect(headers['content-type']).toContain('application/json');
    expect(body).toEqual({
      msgtype: 'text',
      text: {
        content: `【${message.subject}】\n${message.body}\n${message.link}`,
        mentioned_mobile_list: ['13800001111'],
      },
    });
  });

  it('its rate limit (errcode 45009) and a 5xx are tried again; a revoked key (93000) is final and never named', async () => {
    const answers = [
      { status: 200, json: { errcode: 45009, errmsg: 'api freq out of limit' } },
      { status: 502, json: {} },
      { status: 200, json: { errcode: 93000, errmsg: 'invalid webhook url' } },
    ];
    const robot = await startHttpReceiver((_request, index) => answers[index]!);
    closers.push(robot.close);
    const channel = channelFor({ kind: 'WECOM_ROBOT', webhookUrl: `${robot.url}/send?key=wecom-secret-key` });
    const results = [];
    for (let i = 0; i < answers.length; i++) results.push(await failure(channel.send(recipient, message)));
    expect(results.map((error) => error.retryable)).toEqual([true, true, false]);
    for (const error of results) expect(error.message).not.toContain('wecom-secret-key');
  });
});

describe('DingTalk group robot (钉钉) with 加签', () => {
  it('signs the timestamp as DingTalk checks it: base64 HMAC-SHA256 of "timestamp\\nsecret"', async () => {
    const secret = 'SEC0123456789abcdef';
    const robot = await startHttpReceiver(({ url }) => {
      // What DingTalk does: the timestamp within an hour, and the sign recomputed from it.
      const timestamp = url.searchParams.get('timestamp') ?? '';
      const fresh = Math.abs(Date.now() - Number(timestamp)) < 3_600_000;
      const signed = url.searchParams.get('sign') === dingtalkSign(timestamp, secret);
      return fresh && signed
        ? { status: 200, json: { errcode: 0, errmsg: 'ok' } }
        : { status: 200, json: { errcode: 310000, errmsg: 'sign not match' } };
    });
    closers.push(robot.close);
    const webhookUrl = `${robot.url}/robot/send?access_token=ding-token`;
    await channelFor({ kind: 'DINGTALK_ROBOT', webhookUrl, secret }).send(recipient, message);
    const { url, body } = robot.received[0]!;
    expect(url.searchParams.get('access_token')).toBe('ding-token');
    expect(body).toEqual({
      msgtype: 'text',
      text: { content: `【${message.subject}】\n${message.body}\n${message.link}` },
      at: { atMobiles: ['13800001111'], isAtAll: false },
    });
    // A wrong secret is refused by the robot, and that refusal is final.
    const wrong = await failure(
      channelFor({ kind: 'DINGTALK_ROBOT', webhookUrl, secret: 'SECwrong' }).send(recipient, message),
    );
    expect(wrong.retryable).toBe(false);
    expect(wrong.message).toContain('310000');
    expect(wrong.message).not.toContain('ding-token');
  });

  it('the signature is the one DingTalk documents for a known timestamp and secret', () => {
    // Computed independently: printf '1700000000000\nSECtest' | openssl dgst -sha256 -hmac SECtest -binary | base64
    expect(dingtalkSign('1700000000000', 'SECtest')).toBe('aZLLrriXgn05YbwaGR7knYsLeJADjr9NwLaNNKpxh4g=');
  });
});

describe('SMS through an HTTP gateway', () => {
  const sms = (endpoint: string) =>
    channelFor({
      kind: 'SMS',
      provider: 'GENERIC',
      endpoint,
      token: 'gateway-token-9',
      signName: '【成都关爱援助】',
      templates: { BREACHED: 'TPL_BREACHED_01' },
    });

  it('sends the registered template with its parameters, the idempotency key and the token', async () => {
    const gateway = await startHttpReceiver(() => ({ status: 200, json: { code: 'OK', messageId: 'sms-1' } }));
    closers.push(gateway.close);
    const result = await sms(`${gateway.url}/v1/sms`).send(recipient, message);
    expect(result.receipt).toBe('sms-1');
    const { body, headers } = gateway.received[0]!;
    expect(headers['idempotency-key']).toBe(message.key);
    expect(headers.authorization).toBe('Bearer gateway-token-9');
    expect(body).toEqual({
      requestId: message.key,
      to: '13800001111',
      signName: '【成都关爱援助】',
      templateId: 'TPL_BREACHED_01',
      params: message.params,
    });
  });

  it('a busy gateway is tried again; a kind without a template or a person without a mobile is final', async () => {
    const gateway = await startHttpReceiver(() => ({ status: 200, json: { code: 'THROTTLED', message: '请稍后' } }));
    closers.push(gateway.close);
    const channel = sms(`${gateway.url}/v1/sms`);
    expect((await failure(channel.send(recipient, message))).retryable).toBe(true);
    expect((await failure(channel.send(recipient, { ...message, kind: 'DIGEST' }))).retryable).toBe(false);
    expect((await failure(channel.send({ name: '王五' }, message))).retryable).toBe(false);
    expect(gateway.received).toHaveLength(1);
  });
});

describe('secrets', () => {
  it('an admin sees a channel back with every secret replaced by whether it is set', () => {
    const shown = JSON.stringify([
      redactChannel({
        kind: 'EMAIL',
        host: 'smtp.example',
        port: 465,
        secure: true,
        user: 'u',
        password: 'pw-1',
        from: 'a@b',
      }),
      redactChannel({ kind: 'WECOM_ROBOT', webhookUrl: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k-2' }),
      redactChannel({
        kind: 'DINGTALK_ROBOT',
        webhookUrl: 'https://oapi.dingtalk.com/robot/send?access_token=t-3',
        secret: 'SEC-4',
      }),
      redactChannel({
        kind: 'SMS',
        provider: 'GENERIC',
        endpoint: 'https://sms.example',
        token: 'tok-5',
        signName: 's',
        templates: {},
      }),
    ]);
    for (const secret of ['pw-1', 'k-2', 't-3', 'SEC-4', 'tok-5']) expect(shown).not.toContain(secret);
    expect(shown).toContain('已设置');
    expect(shown).toContain('key=***');
  });
});
