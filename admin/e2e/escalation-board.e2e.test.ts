import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiAs } from './api.ts';
import { launchBrowser, shot, signIn as signInAs } from './browser.ts';
import { startSystem, type RunningSystem } from './system.ts';

let system: RunningSystem;
let browser: BrowserContext;
let caseId: string;

beforeAll(async () => {
  system = await startSystem();
  // Through the real API: a case registered, worked up to matching at the township and escalated.
  const station = await apiAs(system.baseUrl, 'station');
  const caseworker = await apiAs(system.baseUrl, 'caseworker');
  const supervisor = await apiAs(system.baseUrl, 'supervisor');
  caseId = (
    await station.call('POST', '/api/cases', {
      person: { name: '蒋奶奶', hukou: 'CHENGDU' },
      situation: '重病，医疗费用缺口大',
    })
  ).id;
  await caseworker.work(caseId, 'SCREEN', { referrals: ['YILIAO'], outcome: 'RESIDUAL_NEED' });
  await caseworker.work(caseId, 'ASSESS', { needs: [{ category: 'MEDICAL', severity: 'HIGH' }] });
  await caseworker.work(caseId, 'PLAN', { summary: '申请大病救助' });
  await supervisor.work(caseId, 'APPROVE_PLAN', { approved: true });
  await caseworker.call('POST', `/api/cases/${caseId}/actions`, {
    type: 'ESCALATE',
    reason: '本街道无可匹配的医疗资源',
  });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await system?.stop();
});

describe('the escalation board, in a real browser', () => {
  it('a district supervisor accepts an escalation from the board; the case moves to the district center', async () => {
    const page = browser.pages()[0] ?? (await browser.newPage());
    await signInAs(page, system.baseUrl, 'district.supervisor');
    await page.getByRole('menuitem', { name: '升级看板' }).click();
    await page.getByText('待审核的上报').waitFor();
    const row = page.getByRole('row').filter({ hasText: '蒋奶奶' }).filter({ hasText: '审核上报' });
    await row.waitFor();
    await shot(page, '10-escalation-board');
    await row.getByRole('button', { name: '认领' }).click();
    await page.getByText('已认领任务').waitFor();
    await row.getByRole('link', { name: '办理' }).click();
    await page.getByLabel('资源对接').check();
    await shot(page, '11-accept-escalation-form');
    await page.getByRole('button', { name: '提交' }).click();
    await page.getByText('已办结，案件进入：资源对接').waitFor();
    await page.getByText('上级中心接收 · 上报待审核 → 资源对接').waitFor();
    expect(await page.getByText('锦江区').count()).toBeGreaterThan(0);
    await shot(page, '12-case-at-district');
  });
});
