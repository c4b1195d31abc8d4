import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiAs } from './api.ts';
import { launchBrowser, shot, signIn as signInAs } from './browser.ts';
import { startSystem, type RunningSystem } from './system.ts';

let system: RunningSystem;
let browser: BrowserContext;
let existingId: string;

/** A resident identity number with its GB 11643 check digit. */
function residentId(first17: string): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = weights.reduce((acc, w, i) => acc + w * Number(first17[i]), 0);
  return first17 + '10X98765432'[sum % 11];
}
const ID_NUMBER = residentId('51010419470823002');

beforeAll(async () => {
  system = await startSystem();
  // Someone already in the registry, with a phone the station will type again.
  const station = await apiAs(system.baseUrl, 'station');
  existingId = (
    await station.call('POST', '/api/people', {
      name: '周桂芳',
      idNumber: ID_NUMBER,
      phone: '13900007001',
      address: '水井坊街 12 号',
      hukou: 'CHENGDU',
      tags: ['ELDERLY_ALONE'],
    })
  ).id;
  browser = await launchBrowser({ mobile: true });
});
afterAll(async () => {
  await browser?.close();
  await system?.stop();
});

const signIn = async (page: Page, username: string) => {
  // Sign-in lands on the role's home page; these steps start from the inbox (待办).
  await signInAs(page, system.baseUrl, username, '/#/tasks');
  await page.getByText('待办').first().waitFor();
};

describe('the registry of people, in a real browser on a phone', () => {
  it('a station worker registering someone with the same phone is warned, with a link to the record; confirming registers them', async () => {
    const page = browser.pages()[0] ?? (await browser.newPage());
    await signIn(page, 'station');
    await page.goto(`${system.baseUrl}/#/people/create`);
    await page.locator('input[name=name]').fill('周小芳');
    await page.locator('input[name=phone]').fill('13900007001');
    await page.locator('input[name=address]').click(); // leaving the phone field asks the API for duplicates
    await page.getByText('可能已登记过此人').waitFor();
    await page
      .getByLabel('成都')
      .check()
      .catch(() => undefined);
    await page.getByRole('button', { name: '保存' }).click();
    const warning = page.getByText('可能与已有记录是同一人，请核对');
    await warning.waitFor();
    await expect(page.getByText('同一电话').first().isVisible()).resolves.toBe(true);
    expect(await page.locator(`a[href$="/people/${existingId}/show"]`).count()).toBeGreaterThan(0);
    await shot(page, '20-registry-duplicate-warning-phone');
    await page.getByRole('button', { name: '不是同一人，继续登记' }).click();
    await page.getByText('周小芳').first().waitFor();
    await page.waitForURL(/\/people\/[0-9a-f-]+\/show/);
    await shot(page, '21-registry-registered-phone');
    const station = await apiAs(system.baseUrl, 'station');
    const found = await station.call(
      'GET',
      `/api/people?filter=${encodeURIComponent(JSON.stringify({ q: '周小芳' }))}`,
    );
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ phone: '13900007001', openCases: 0 });
  });

  it('a caseworker sees the number masked and reveals it only after giving a reason', async () => {
    await browser.clearCookies(); // another user on the same phone
    const page = await browser.newPage();
    await signIn(page, 'caseworker');
    await page.goto(`${system.baseUrl}/#/people/${existingId}/show`);
    await page.getByText('5101**********').first().waitFor();
    expect(await page.getByText(ID_NUMBER).count()).toBe(0);
    await page.getByRole('button', { name: '查看完整证件号' }).click();
    await page.getByLabel('查看理由（记入审计日志）').fill('核对低保申请材料');
    await shot(page, '22-registry-reveal-reason-phone');
    await page.getByRole('button', { name: '确认' }).click();
    await page.getByText(ID_NUMBER).waitFor();
    await shot(page, '23-registry-revealed-phone');
    await page.close();
  });
});
