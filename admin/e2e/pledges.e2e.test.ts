import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiAs } from './api.ts';
import { browserProfiles, shot, signIn } from './browser.ts';
import { startSystem, type RunningSystem } from './system.ts';

let system: RunningSystem;
let projectId: string;
let caseworker: Awaited<ReturnType<typeof apiAs>>;
const profiles = browserProfiles();

beforeAll(async () => {
  system = await startSystem();
  // Through the real API: a child's case worked up to matching at the township, with an EDUCATION need
  // that the seeded 困境儿童社工个案服务 (锦江区益民社会工作服务中心, places) answers, published as a project.
  const station = await apiAs(system.baseUrl, 'station');
  caseworker = await apiAs(system.baseUrl, 'caseworker');
  const supervisor = await apiAs(system.baseUrl, 'supervisor');
  const caseId = (
    await station.call('POST', '/api/cases', {
      person: { name: '邓小雨', birthDate: '2013-05-20', hukou: 'CHENGDU' },
      situation: '父母离异，随祖母生活，学业困难',
    })
  ).id;
  await caseworker.work(caseId, 'SCREEN', { referrals: ['JIAOYU'], outcome: 'RESIDUAL_NEED' });
  await caseworker.work(caseId, 'ASSESS', {
    needs: [{ category: 'EDUCATION', severity: 'MEDIUM', description: '需要学业辅导' }],
  });
  await caseworker.work(caseId, 'PLAN', { summary: '学业辅导与心理支持' });
  expect((await supervisor.work(caseId, 'APPROVE_PLAN', { approved: true })).state).toBe('matching');
  projectId = (
    await caseworker.call('POST', '/api/projects', {
      caseId,
      needIndex: 0,
      title: '困境儿童学业辅导',
      description: '锦官驿街道一名小学生随祖母生活，学习跟不上，需要每周学业辅导与心理支持。',
      service: '每周一次上门学业辅导',
    })
  ).id;
});
afterAll(async () => {
  await profiles.closeAll();
  await system?.stop();
});

const open = async (page: Page, username: string) => {
  await signIn(page, system.baseUrl, username, `/#/projects/${projectId}/show`);
  await page.getByText('困境儿童学业辅导').first().waitFor();
};

describe('§四(三) 认捐 in a real browser: a partner pledges on a phone, the center accepts', () => {
  it('the partner pledges places from its own service; the caseworker accepts; the partner sees it accepted and the match', async () => {
    const phone = await profiles.newPage({ mobile: true });
    await open(phone, 'partner.sw');
    const form = phone.getByRole('region', { name: '我要认捐' });
    await form.getByLabel('出自本机构的援助项目').click();
    await phone.getByRole('option', { name: '困境儿童社工个案服务' }).click();
    // A service with places: pledged as places by default.
    expect(await form.getByRole('radio', { name: '名额' }).isChecked()).toBe(true);
    await form.getByLabel('名额（个）').fill('1');
    await form.getByLabel('说明（至少4个字）').fill('本中心可安排社工每周上门辅导一次，为期一学期。');
    // Nothing of the form is cut off on a 390 px phone.
    const box = await form.boundingBox();
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width).toBeLessThanOrEqual(390);
    await phone.evaluate(() => window.scrollTo(0, 0)); // the app bar back in place for the full-page shot
    await shot(phone, 'pledge-form');
    await form.getByRole('button', { name: '提交认捐' }).click();
    await phone.getByText('已提交认捐，等待中心处理').waitFor();
    const mine = phone.getByRole('list', { name: '本机构的认捐' });
    await mine.getByText('待处理').waitFor();
    await form.waitFor({ state: 'detached' }); // one live pledge: the form is gone

    // The case's caseworker, at a desk, accepts it.
    const desk = await profiles.newPage();
    await open(desk, 'caseworker');
    const pledge = desk.getByRole('listitem', { name: '锦江区益民社会工作服务中心 名额 1 个' });
    await pledge.getByText('出自：困境儿童社工个案服务').waitFor();
    await shot(desk, 'pledge-staff');
    await pledge.getByRole('button', { name: '接受' }).click();
    await desk.getByText('已接受认捐，已生成对接申请').waitFor();
    await pledge.getByText('已接受').waitFor();
    // A project without an amount is covered by the accepted pledge.
    await desk.getByText('项目已结束：需求已满足').waitFor();

    await phone.reload();
    await mine.getByText('已接受').waitFor();
    await phone.getByText('项目已结束：需求已满足').waitFor();
    await mine.getByRole('link', { name: '查看对接申请' }).waitFor();
    await phone.evaluate(() => window.scrollTo(0, 0));
    await shot(phone, 'pledge-accepted');
    await mine.getByRole('link', { name: '查看对接申请' }).click();
    await phone.getByText('待接受').first().waitFor();
    await phone.getByText('困境儿童社工个案服务').first().waitFor();

    const partner = await apiAs(system.baseUrl, 'partner.sw');
    const detail = await partner.call('GET', `/api/projects/${projectId}`);
    expect(detail.responseList).toEqual([expect.objectContaining({ status: 'ACCEPTED', kind: 'PLACES', places: 1 })]);
    expect(await partner.call('GET', `/api/matches/${detail.responseList[0].matchId}`)).toMatchObject({
      status: 'PROPOSED',
      resourceName: '困境儿童社工个案服务',
      places: 1,
    });
  });
});
