import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiAs } from './api.ts';
import { browserProfiles, shot, screenshotsDir, signIn as signInAs } from './browser.ts';
import { startSystem, type RunningSystem } from './system.ts';

let system: RunningSystem;
let caseId: string;
let caseworker: Awaited<ReturnType<typeof apiAs>>;
const profiles = browserProfiles();
const newPage = profiles.newPage;

const PERSON = {
  name: '蒋秀兰',
  birthDate: '1958-04-12',
  phone: '13900008001',
  address: '水井坊街 8 号',
  hukou: 'CHENGDU',
  tags: ['SERIOUS_ILLNESS'],
};

beforeAll(async () => {
  system = await startSystem();
  // Through the real API: a seriously ill person's case worked up to matching at the township, with
  // a MEDICAL need that the seeded 大病医疗爱心援助 (成都市慈善总会, citywide, with a budget) answers.
  const station = await apiAs(system.baseUrl, 'station');
  caseworker = await apiAs(system.baseUrl, 'caseworker');
  const supervisor = await apiAs(system.baseUrl, 'supervisor');
  caseId = (await station.call('POST', '/api/cases', { person: PERSON, situation: '重病住院，医疗费用缺口大' })).id;
  await caseworker.work(caseId, 'SCREEN', { referrals: ['YILIAO'], outcome: 'RESIDUAL_NEED' });
  await caseworker.work(caseId, 'ASSESS', {
    needs: [{ category: 'MEDICAL', severity: 'HIGH', description: '住院治疗费用缺口' }],
  });
  await caseworker.work(caseId, 'PLAN', { summary: '申请大病医疗援助' });
  const planned = await supervisor.work(caseId, 'APPROVE_PLAN', { approved: true });
  expect(planned.state).toBe('matching');
});
afterAll(async () => {
  await profiles.closeAll();
  await system?.stop();
});

const signIn = async (page: Page, username: string) => {
  // Sign-in lands on the role's home page; these steps start from the inbox (待办).
  await signInAs(page, system.baseUrl, username, '/#/tasks');
  await page.getByText('待办').first().waitFor();
};

describe('供需对接 in a real browser: a caseworker proposes, the partner accepts', () => {
  let matchId: string;

  it('the caseworker sees the ranked candidate with its reasons on the case page, and proposes it', async () => {
    const page = await newPage();
    await signIn(page, 'caseworker');
    await page.goto(`${system.baseUrl}/#/cases/${caseId}/show`);
    const panel = page.getByRole('region', { name: '供需对接' });
    const candidate = panel.getByRole('article', { name: '大病医疗爱心援助' });
    await candidate.waitFor();
    await candidate.getByText('第 1 位', { exact: true }).waitFor();
    await candidate.getByText('全市', { exact: true }).waitFor();
    for (const reason of [
      '已发布',
      '在有效期内',
      '可解决医疗类需求',
      '覆盖全市（成都市）',
      '符合对象类别：重病',
      '剩余资金 ¥500,000',
    ]) {
      expect(await candidate.getByText(reason, { exact: true }).count(), reason).toBe(1);
    }
    // Nothing at the township answers a medical need: the upper center is offered.
    await panel.getByText('本级无可对接资源，可上报上级中心').waitFor();
    await panel.getByText(/未入选的资源及原因/).click();
    await panel
      .getByText(/不解决医疗类需求/)
      .first()
      .waitFor();
    await panel.locator('.MuiCollapse-entered').waitFor(); // unfolded, for the screenshot
    await shot(page, 'matching-candidates');

    await candidate.getByRole('button', { name: '对接' }).click();
    const dialog = page.getByRole('dialog', { name: '对接：大病医疗爱心援助' });
    await dialog.getByLabel('金额（元）').fill('5000');
    await dialog.getByLabel('备注（合作机构可见）').fill('住院押金缺口');
    await dialog.getByRole('button', { name: '确认' }).click();
    await page.getByText('已提交对接申请，等待合作机构接受').waitFor();
    await panel.getByRole('list', { name: '对接记录' }).getByText('待接受').waitFor();
    await candidate.getByText('已对接').waitFor();
    await shot(page, 'matching-proposed');

    const matches = await caseworker.call(
      'GET',
      `/api/matches?filter=${encodeURIComponent(JSON.stringify({ caseId }))}`,
    );
    expect(matches).toHaveLength(1);
    expect(matches[0]).toMatchObject({
      status: 'PROPOSED',
      resourceName: '大病医疗爱心援助',
      amount: 5000,
      note: '住院押金缺口',
    });
    matchId = matches[0].id;
  });

  it('the partner, on a phone, opens 对接申请, sees the name masked, accepts, and then sees the person', async () => {
    const page = await newPage({ mobile: true });
    await signIn(page, 'partner');
    await page.getByRole('button', { name: '打开菜单' }).click();
    await page.getByRole('menuitem', { name: '对接申请' }).click();
    const row = page.getByText('医疗（重）：住院治疗费用缺口 · 蒋*兰');
    await row.waitFor();
    await shot(page, 'partner-inbox-phone');
    await row.click();
    await page.getByText('接受后可见求助人姓名、电话和住址').waitFor();
    expect(await page.getByText(PERSON.phone).count()).toBe(0);
    await shot(page, 'partner-match-phone');

    await page.getByRole('button', { name: '接受' }).click();
    await page.getByText('已接受对接').waitFor();
    await page.getByText(PERSON.name, { exact: true }).waitFor();
    await page.getByText(PERSON.phone).waitFor();
    await page.getByText(PERSON.address).waitFor();
    expect(await page.getByText('接受后可见求助人姓名、电话和住址').count()).toBe(0);
    await page.getByRole('button', { name: '登记落实' }).waitFor();
    await page.getByText('已接受对接').waitFor({ state: 'hidden' }); // the notification, not the chip
    await shot(page, 'partner-accept');

    const partner = await apiAs(system.baseUrl, 'partner');
    expect(await partner.call('GET', `/api/matches/${matchId}`)).toMatchObject({
      status: 'ACCEPTED',
      person: { name: PERSON.name, phone: PERSON.phone },
    });
    expect(await caseworker.call('GET', `/api/matches/${matchId}`)).toMatchObject({ status: 'ACCEPTED' });
  });

  it('on a phone the caseworker reads the candidates and the accepted match stacked on the case page', async () => {
    const page = await newPage({ mobile: true });
    await signIn(page, 'caseworker');
    await page.goto(`${system.baseUrl}/#/cases/${caseId}/show`);
    const panel = page.getByRole('region', { name: '供需对接' });
    await panel.getByRole('list', { name: '对接记录' }).getByText('已接受').waitFor();
    await panel.getByRole('article', { name: '大病医疗爱心援助' }).getByText('符合对象类别：重病').waitFor();
    // What the phone shows with the panel at the top of the screen (the whole page is very long).
    await panel.evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await page.screenshot({ path: join(screenshotsDir, 'matching-candidates-phone.png') });
  });
});
