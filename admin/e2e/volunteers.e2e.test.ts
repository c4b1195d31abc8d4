import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiAs } from './api.ts';
import { browserProfiles, shot, signIn } from './browser.ts';
import { startSystem, type RunningSystem } from './system.ts';

/**
 * Issue 19 A in Chromium, against the whole system: a volunteer registered by the station and assigned a visit by the
 * caseworker (through the API, as setup) signs in on a 390×844 phone, checks in, sees the clock run, checks out and
 * sees their hours; the station prints the certificate, whose total is the API's. Someone signs up on volunteer.html
 * and the team's partner approves them in the admin.
 */
let system: RunningSystem;
let station: Awaited<ReturnType<typeof apiAs>>;
let volunteerId: string;
let teamId: string;
let caseId: string;
const profiles = browserProfiles();

/** Today in Beijing, YYYY-MM-DD: the day an assignment is scheduled on. */
const beijingToday = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

/** How long the volunteer serves in the scenario: the phone's clock is moved on by this much while on duty. */
const SERVED_MINUTES = 125;

beforeAll(async () => {
  system = await startSystem();
  station = await apiAs(system.baseUrl, 'station');
  const caseworker = await apiAs(system.baseUrl, 'caseworker');
  const community = (await station.call('GET', '/api/auth/me')).orgUnit.id as string;
  const partners = (await station.call('GET', '/api/partners')) as { id: string; kind: string; name: string }[];
  teamId = partners.find((p) => p.kind === 'VOLUNTEER_TEAM')!.id;
  const volunteer = await station.call('POST', '/api/volunteers', {
    name: '周小红',
    phone: '13900001001',
    username: 'zhouxh',
    password: 'Guanai@2026',
    skills: ['陪伴聊天', '理发'],
    languages: ['四川话'],
    availability: '周末上午',
    teamId,
    communityIds: [community],
  });
  volunteerId = volunteer.id;
  const opened = await station.call('POST', '/api/cases', {
    person: { name: '黄秀英', hukou: 'CHENGDU', address: '水井坊街 12 号 3 单元 2 楼' },
    situation: '独居老人，行动不便，需要有人定期上门看看',
  });
  caseId = opened.id;
  await caseworker.call('POST', '/api/volunteer-assignments', {
    volunteerId,
    caseId,
    kind: 'VISIT',
    scheduledOn: beijingToday(),
    note: '陪老人聊天，帮忙打扫卫生，看看家里有没有安全隐患',
  });
});
afterAll(async () => {
  await profiles.closeAll();
  await system?.stop();
});

/** Nothing wider than the phone's screen (a cut-off card or button would scroll sideways). */
async function expectFitsPhone(page: Page) {
  const widths = await page.evaluate(() => ({
    page: document.documentElement.scrollWidth,
    screen: window.innerWidth,
  }));
  expect(widths.page).toBeLessThanOrEqual(widths.screen);
}

describe('志愿者 in a real browser on a phone', () => {
  it('the volunteer checks in, sees the clock run, checks out, and sees the hours the API counted', async () => {
    const page = await profiles.newPage({ mobile: true });
    // The phone's clock starts as far back as the volunteer will serve; it is moved on while they are on duty.
    await page.clock.install({ time: new Date(Date.now() - SERVED_MINUTES * 60_000) });
    await signIn(page, system.baseUrl, 'zhouxh', '/');
    const card = page.getByTestId('assignment-card');
    await card.getByText('服务对象：黄*英').waitFor(); // the name masked for a volunteer
    await card.getByText('水井坊街 12 号 3 单元 2 楼').waitFor();
    await card.getByText('探访').waitFor();
    await shot(page, 'volunteer-tasks');
    // Only the volunteer's own pages in the menu (the drawer, on a phone).
    await page
      .getByRole('button', { name: /menu|菜单|打开/i })
      .first()
      .click();
    await page.getByRole('menuitem', { name: '我的时长' }).waitFor();
    const items = await page.getByRole('menuitem').allInnerTexts();
    expect(items.map((t) => t.trim())).toEqual(['我的任务', '我的时长']);
    await page.waitForTimeout(400); // the drawer's slide
    await shot(page, 'volunteer-menu');
    await page.keyboard.press('Escape');
    await page.getByRole('menuitem', { name: '我的时长' }).waitFor({ state: 'hidden' });

    await page.getByTestId('check-in').click();
    await page.getByText('已签到，开始计时').waitFor();
    const timer = page.getByTestId('duty-timer');
    await expect.poll(() => timer.textContent()).toMatch(/^00:00:\d\d$/);
    await page.clock.fastForward(SERVED_MINUTES * 60_000);
    await expect.poll(() => timer.textContent()).toMatch(/^02:05:\d\d$/);
    await expectFitsPhone(page);
    await shot(page, 'volunteer-checkin');

    await page.getByTestId('check-out').click();
    await page.getByText('已签退，本次服务 2 小时 5 分钟').waitFor();
    await timer.waitFor({ state: 'detached' });
    const volunteer = await apiAs(system.baseUrl, 'zhouxh');
    const me = await volunteer.call('GET', '/api/volunteers/me');
    expect(me.totalMinutes).toBe(SERVED_MINUTES);
    expect(me.openAttendance).toBeNull();
    await expect.poll(() => page.getByTestId('my-total-hours').textContent()).toBe(`${me.totalHours} 小时`);
    await expectFitsPhone(page);
    await shot(page, 'volunteer-checkout');

    await page.getByTestId('my-total-hours').click();
    await expect.poll(() => page.getByTestId('hours-total').textContent()).toBe(`${me.totalHours} 小时`);
    await page.getByTestId('hours-entry').getByText('2 小时 5 分钟').waitFor();
    await expectFitsPhone(page);
    await shot(page, 'volunteer-hours');
  });

  it('the station prints the certificate: the same total as the API', async () => {
    const page = await profiles.newPage();
    await signIn(page, system.baseUrl, 'station', '/#/volunteers');
    await page.getByRole('menuitem', { name: '志愿者' }).waitFor();
    await page.getByText('139****1001').waitFor(); // the phone masked in the list
    await shot(page, 'volunteer-list');
    await page.getByText('周小红').click();
    await page.getByTestId('ledger-total').getByText('2.08 小时', { exact: false }).waitFor();
    await page.getByRole('button', { name: '打印证明' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '生成证明' }).click();
    const total = page.getByTestId('certificate-total');
    await total.waitFor();
    const url = new URL(page.url().replace('/#/', '/'));
    const from = url.searchParams.get('from')!;
    const to = url.searchParams.get('to')!;
    expect(to).toBe(beijingToday());
    const hours = await station.call('GET', `/api/volunteers/${volunteerId}/hours?from=${from}&to=${to}`);
    const certificate = await station.call('GET', `/api/volunteers/${volunteerId}/certificate?from=${from}&to=${to}`);
    expect(certificate.totalHours).toBe(hours.totalHours);
    expect(await total.textContent()).toBe(`${hours.totalHours} 小时`);
    expect(await page.getByTestId('certificate-minutes').textContent()).toBe(String(hours.totalMinutes));
    expect(hours.totalMinutes).toBe(SERVED_MINUTES);
    await page.getByText(/兹证明 周小红/).waitFor();
    await shot(page, 'volunteer-certificate');
  });

  it('the caseworker assigns the next visit from the case page; the volunteer has it', async () => {
    const page = await profiles.newPage();
    await signIn(page, system.baseUrl, 'caseworker', `/#/cases/${caseId}/show`);
    await page.getByRole('button', { name: '指派志愿者' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('combobox').click();
    await page.getByRole('option', { name: /周小红/ }).click();
    await dialog.getByLabel('服务', { exact: true }).check();
    await dialog.getByLabel(/任务说明/).fill('送米、油上门');
    await shot(page, 'volunteer-assign-dialog');
    await dialog.getByRole('button', { name: '指派志愿者' }).click();
    await page.getByText('已指派给 周小红').waitFor();
    const volunteer = await apiAs(system.baseUrl, 'zhouxh');
    const mine = (await volunteer.call('GET', '/api/volunteer-assignments')) as {
      kind: string;
      status: string;
      note: string;
    }[];
    expect(mine.filter((a) => a.status === 'ASSIGNED')).toEqual([
      expect.objectContaining({ kind: 'DELIVERY', note: '送米、油上门' }),
    ]);
  });

  it('someone signs up on volunteer.html; the team’s partner approves them, and they can sign in', async () => {
    const admin = await apiAs(system.baseUrl, 'admin');
    const city = (await admin.call('GET', '/api/auth/me')).orgUnit.id as string;
    await admin.call('POST', '/api/users', {
      username: 'team.leader',
      displayName: '志愿服务队 队长',
      role: 'PARTNER',
      orgUnitId: city,
      partnerId: teamId,
      password: 'Guanai@2026',
    });

    const page = await profiles.newPage({ mobile: true });
    await page.goto(`${system.baseUrl}/volunteer.html`);
    await page.getByLabel('姓名').fill('吴志强');
    await page.getByLabel('手机号').fill('13900001002');
    await page.getByLabel('登录用户名').fill('wuzq');
    await page.getByLabel('登录密码').fill('Guanai@2026');
    await page.getByLabel('技能特长（可不填）').fill('理发、维修家电');
    await page.getByLabel('志愿服务队').click();
    await page.getByRole('option', { name: '水井坊志愿服务队' }).click();
    await page.getByLabel('想服务的村(社区)').click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: '锦江区' }).click();
    await dialog.getByRole('button', { name: '锦官驿街道' }).click();
    await dialog.getByRole('button', { name: '水井坊社区' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page
      .getByTestId('picked-communities')
      .getByText(/水井坊社区/)
      .waitFor();
    await expectFitsPhone(page);
    await page.evaluate(() => window.scrollTo(0, 0)); // the sticky title bar at the top of the full-page shot
    await shot(page, 'volunteer-register');
    await page.getByRole('button', { name: '提交注册' }).click();
    await page.getByText('注册已提交').waitFor();
    await shot(page, 'volunteer-register-done');

    // Not yet: the sign-in waits for the team's approval.
    const before = await fetch(`${system.baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username: 'wuzq', password: 'Guanai@2026' }),
    });
    expect(before.status).toBeGreaterThanOrEqual(400);

    const leader = await profiles.newPage({ mobile: true });
    await signIn(leader, system.baseUrl, 'team.leader', '/#/volunteers');
    await leader
      .getByText(/吴志强/)
      .first()
      .click();
    await leader.getByRole('button', { name: '通过' }).click();
    await leader.getByText('已通过，志愿者可以登录了').waitFor();
    await leader.getByRole('button', { name: '通过' }).waitFor({ state: 'detached' });
    await leader.waitForTimeout(400); // the status chip's colour transition
    await shot(leader, 'volunteer-approved');
    await apiAs(system.baseUrl, 'wuzq'); // signs in now
  });
});
