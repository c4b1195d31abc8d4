import { startSmtpReceiver } from '@guanai/workflows/notify-test';
import type { Locator } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiAs } from './api.ts';
import { browserProfiles, shot, signIn } from './browser.ts';
import { startSystem, type RunningSystem } from './system.ts';

/**
 * Notification settings in the admin (issue 18 §4), in Chromium against the whole system: an admin adds
 * the city's mail server (an in-process SMTP server here), presses 发送测试 and the mail arrives; the
 * edit form shows the password only as set; a caseworker sets where and when they are told what on a
 * phone; the admin finds those settings from the user's page, and the page of failed deliveries.
 */
let system: RunningSystem;
let smtp: Awaited<ReturnType<typeof startSmtpReceiver>>;
const profiles = browserProfiles();

beforeAll(async () => {
  smtp = await startSmtpReceiver();
  system = await startSystem({ timeoutMs: 600_000 });
}, 900_000);
afterAll(async () => {
  await profiles.closeAll();
  await system?.stop();
  await smtp?.close();
});

/** Taps what a finger would touch (on a phone Playwright's own scrolling puts it under the app bar). */
async function tap(target: Locator) {
  await target.evaluate((el) => el.scrollIntoView({ block: 'center', inline: 'center' }));
  await target.dispatchEvent('click');
}

describe('notification settings', () => {
  it('an admin adds an e-mail channel, sends a test and the SMTP server receives it; the password is never shown', async () => {
    const page = await profiles.newPage();
    await signIn(page, system.baseUrl, 'admin', '/#/notify/channels');
    await page.goto(`${system.baseUrl}/#/notify/channels`);
    await page.getByText('尚未配置通知渠道').waitFor();
    await page.getByRole('button', { name: '新建' }).click();
    await page.getByRole('menuitem', { name: '新增电子邮件' }).click();
    await page.locator('input[name=name]').fill('市中心邮件服务器');
    await page.locator('input[name="config.host"]').fill('127.0.0.1');
    await page.locator('input[name="config.port"]').fill(String(smtp.port));
    await page.getByLabel('全程 TLS（端口 465）').uncheck();
    await page.locator('input[name="config.user"]').fill('guanai');
    await page.locator('input[name="config.password"]').fill('smtp-pass-e2e');
    await page.locator('input[name="config.from"]').fill('"成都市关爱援助" <noreply@guanai.example>');
    await shot(page, 'notify-01-channel-create');
    await page.getByRole('button', { name: '保存' }).click();

    const row = page.getByRole('row').filter({ hasText: '市中心邮件服务器' });
    await row.waitFor();
    expect(await row.textContent()).toContain('电子邮件');
    await shot(page, 'notify-02-channels');

    await row.getByRole('button', { name: '发送测试' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('收件邮箱').fill('ops@guanai.example');
    await dialog.getByRole('button', { name: '发送' }).click();
    await dialog.getByText('发送成功').waitFor({ timeout: 30_000 });
    await shot(page, 'notify-03-test-sent');
    expect(smtp.mails).toHaveLength(1);
    expect(smtp.mails[0]!.subject).toBe('关爱援助通知渠道测试');
    expect(smtp.mails[0]!.text).toContain('这是一条来自「市中心邮件服务器」的测试消息');
    expect(JSON.stringify(smtp.mails[0]!.to)).toContain('ops@guanai.example');
    await dialog.getByRole('button', { name: '关闭' }).click();

    // The edit form: the password field empty, "set, leave empty to keep it"; a save keeps it.
    await row.getByRole('link', { name: '编辑' }).click();
    await page.getByText('已设置，留空则不变').waitFor();
    expect(await page.locator('input[name="config.password"]').inputValue()).toBe('');
    expect(await page.content()).not.toContain('smtp-pass-e2e');
    await shot(page, 'notify-04-channel-edit');
    await page.locator('input[name=name]').fill('市中心邮件服务器（主）');
    await page.getByRole('button', { name: '保存' }).click();
    const renamed = page.getByRole('row').filter({ hasText: '市中心邮件服务器（主）' });
    await renamed.waitFor();
    await renamed.getByRole('button', { name: '发送测试' }).click();
    await dialog.getByLabel('收件邮箱').fill('ops@guanai.example');
    await dialog.getByRole('button', { name: '发送' }).click();
    await dialog.getByText('发送成功').waitFor({ timeout: 30_000 });
    // The password kept: the server took the login again.
    expect(smtp.mails).toHaveLength(2);
  });

  it('a caseworker sets addresses, channels per kind and quiet hours on a phone', async () => {
    const page = await profiles.newPage({ mobile: true });
    await page.setViewportSize({ width: 375, height: 812 });
    await signIn(page, system.baseUrl, 'caseworker', '/#/');
    // From the user menu: 我的通知设置.
    await tap(page.getByRole('button', { name: '个人' }));
    await tap(page.getByRole('menuitem', { name: '我的通知设置' }));
    await page.getByRole('heading', { name: '各类通知的接收渠道' }).waitFor();
    expect(await page.getByLabel('开始').inputValue()).toBe('22:00');
    await page.getByLabel('电子邮箱').fill('zhangwei@jinjiang.example');
    await page.getByLabel('新手机号码').fill('13900002222');
    await tap(page.getByLabel('任务已超期 · 电子邮件'));
    await tap(page.getByLabel('任务已超期 · 短信'));
    await tap(page.getByLabel('任务改派给您 · 企业微信群机器人'));
    await page.getByLabel('开始').fill('21:30');
    await page.getByLabel('结束').fill('06:45');
    await shot(page, 'notify-05-preferences-phone');
    // Nothing wider than the phone.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await tap(page.getByRole('button', { name: '保存' }));
    await page.getByText('通知设置已保存').waitFor();
    await page.getByText('手机号码: 139****2222').waitFor();
    await shot(page, 'notify-06-preferences-saved');

    const caseworker = await apiAs(system.baseUrl, 'caseworker');
    expect(await caseworker.call('GET', '/api/notify/preferences/me')).toMatchObject({
      email: 'zhangwei@jinjiang.example',
      mobile: '139****2222',
      channels: { SLA_BREACHED: ['EMAIL', 'SMS'], ASSIGNED: ['WECOM_ROBOT'], DIGEST: [] },
      quietHours: { enabled: true, start: 1290, end: 405 },
    });
  });

  it('the admin reads the caseworker’s settings from the user’s page, and the failed deliveries', async () => {
    const admin = await apiAs(system.baseUrl, 'admin');
    const [user] = (await admin.call(
      'GET',
      `/api/users?filter=${encodeURIComponent(JSON.stringify({ q: 'caseworker' }))}`,
    )) as { id: string; username: string }[];
    const page = await profiles.newPage();
    await signIn(page, system.baseUrl, 'admin', `/#/users/${user!.id}`);
    await page.goto(`${system.baseUrl}/#/users/${user!.id}`);
    await page.getByRole('link', { name: '通知设置' }).click();
    await page.getByText('手机号码: 139****2222').waitFor();
    expect(await page.getByLabel('任务已超期 · 电子邮件').isChecked()).toBe(true);
    expect(await page.getByLabel('结束').inputValue()).toBe('06:45');
    await shot(page, 'notify-07-user-preferences');

    await page.getByRole('menuitem', { name: '投递失败' }).click();
    await page.getByText('没有投递失败的通知').waitFor();
    await shot(page, 'notify-08-failed');
  });

  it('a task handed to the caseworker reaches their mail; on a phone they read the delivery and its attempt', async () => {
    const admin = await apiAs(system.baseUrl, 'admin');
    const station = await apiAs(system.baseUrl, 'station');
    const supervisor = await apiAs(system.baseUrl, 'supervisor');
    const caseworker = await apiAs(system.baseUrl, 'caseworker');
    const me = (await caseworker.call('GET', '/api/auth/me')) as { id: string };
    // Assignments by e-mail, at any hour (quiet hours off, so the test does not wait for the morning).
    await admin.call('PUT', `/api/notify/preferences/${me.id}`, {
      email: 'zhangwei@jinjiang.example',
      channels: { ASSIGNED: ['EMAIL'] },
      quietHours: { enabled: false, start: 1320, end: 420 },
    });
    const created = await station.call('POST', '/api/cases', {
      person: { name: '罗大爷', hukou: 'CHENGDU' },
      situation: '独居，行动不便，需要上门照料',
    });
    const filter = encodeURIComponent(JSON.stringify({ scope: 'unit', caseId: created.id }));
    let tasks: { id: string }[] = [];
    for (let tries = 0; !(tasks = await caseworker.call('GET', `/api/tasks?filter=${filter}`)).length; tries++) {
      if (tries > 60) throw new Error('the screening task never appeared');
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    const before = smtp.mails.length;
    await supervisor.call('POST', `/api/tasks/${encodeURIComponent(tasks[0]!.id)}/reassign`, {
      assigneeId: me.id,
      reason: '请尽快上门核实',
    });
    await expect.poll(() => smtp.mails.length, { timeout: 60_000, interval: 500 }).toBe(before + 1);
    expect(JSON.stringify(smtp.mails[before]!.to)).toContain('zhangwei@jinjiang.example');

    const page = await profiles.newPage({ mobile: true });
    await page.setViewportSize({ width: 375, height: 812 });
    await signIn(page, system.baseUrl, 'caseworker', '/#/notifications');
    await page.goto(`${system.baseUrl}/#/notifications`);
    await tap(page.getByRole('button', { name: '投递记录' }).first());
    const dialog = page.getByRole('dialog');
    await dialog.getByText('市中心邮件服务器（主） · 电子邮件').waitFor();
    await dialog.getByText('已送达').waitFor();
    expect(await dialog.getByText('成功').count()).toBe(1);
    await shot(page, 'notify-09-deliveries-phone');
  });
});
