import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserProfiles, shot, signIn as signInAs } from './browser.ts';
import { startSystem, type RunningSystem } from './system.ts';

let system: RunningSystem;
const profiles = browserProfiles();
const newPage = profiles.newPage;

beforeAll(async () => {
  system = await startSystem();
});
afterAll(async () => {
  await profiles.closeAll();
  await system?.stop();
});

const signIn = async (page: Page, username: string) => {
  // Sign-in lands on the role's home page; this test works from the inbox.
  await signInAs(page, system.baseUrl, username, '/#/tasks');
  await page.getByRole('tab', { name: '我的任务' }).waitFor();
};

describe('in a real browser (Debian Chromium), against the whole system', () => {
  it('a station worker registers an application in the admin', async () => {
    const page = await newPage();
    await signIn(page, 'station');
    await page.goto(`${system.baseUrl}/#/cases/create`);
    await page.getByLabel('姓名').fill('李秀英');
    await page.getByLabel('身份证号').fill('510104195001010010');
    await page.getByLabel('困难情况').fill('独居老人，腿脚不便，医疗费用负担重');
    await shot(page, '01-register');
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByText('已立案').waitFor();
    await expect.poll(() => page.getByText('李秀英').count()).toBeGreaterThan(0);
    expect(await page.getByText('5101**********0010').count()).toBe(1);
    await shot(page, '02-registered-case');
  });

  it('a township caseworker signs in, claims the screening task and clears it; the case moves on', async () => {
    const page = await newPage();
    await signIn(page, 'caseworker');
    await page.getByRole('tab', { name: '本单位队列' }).click();
    const row = page.getByRole('row').filter({ hasText: '李秀英' });
    await row.getByText('政府救助筛查').waitFor();
    await shot(page, '03-unit-queue');
    await row.getByRole('button', { name: '认领' }).click();
    await page.getByText('已认领任务').waitFor();

    await page.getByRole('tab', { name: '我的任务' }).click();
    const mine = page.getByRole('row').filter({ hasText: '李秀英' });
    await mine.getByRole('link', { name: '办理' }).click();
    await page.getByRole('checkbox', { name: '最低生活保障', exact: true }).check();
    await page.getByRole('checkbox', { name: '医疗救助', exact: true }).check();
    await page.getByLabel('政府救助后仍有困难，转社会关爱援助').check();
    // The screening form's own questions (the city's version 1 of 初筛表, issue 17): two are required.
    await page.getByLabel('共同生活家庭人口').fill('1');
    await page.getByRole('combobox', { name: '居住方式' }).click();
    await page.getByRole('option', { name: '独居' }).click();
    await shot(page, '04-screening-form');
    await page.getByRole('button', { name: '提交' }).click();

    await page.getByText('已办结，案件进入：需求评估').waitFor();
    await page.getByText('完成筛查 · 筛查 → 需求评估').waitFor();
    expect(await page.getByText('最低生活保障、医疗救助').count()).toBeGreaterThan(0);
    await shot(page, '05-case-after-screening');
  });

  it('on a phone-sized screen the inbox is a readable list', async () => {
    const page = await newPage({ mobile: true });
    await signIn(page, 'caseworker');
    await page.getByRole('tab', { name: '本单位队列' }).click();
    await page.getByText('需求评估 · 李秀英').waitFor();
    await shot(page, '06-phone-inbox');
  });
});
