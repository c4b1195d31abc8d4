import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiAs } from './api.ts';
import { browserProfiles, shot, signIn } from './browser.ts';
import { startSystem, type RunningSystem } from './system.ts';

/**
 * §四(三) 募捐 in Chromium on a phone (390×844) against the whole system: a manager reverses (冲正) a
 * donation from the campaign's donations tab, prints a receipt (捐赠收据), and the public page shows the
 * campaign's figures from the ledger, to the fen. Screenshots in test-results/screenshots/fundraising-*.
 */
let system: RunningSystem;
const profiles = browserProfiles();
let campaignId: string;
const gifts: { id: string; receiptNo: string }[] = [];

beforeAll(async () => {
  system = await startSystem();
  const [manager, partner] = await Promise.all(['manager', 'partner'].map((name) => apiAs(system.baseUrl, name)));
  const partners: { id: string; name: string }[] = await manager!.call('GET', '/api/partners');
  const units: { id: string; code: string }[] = await manager!.call(
    'GET',
    `/api/org-units?filter=${encodeURIComponent(JSON.stringify({ level: 'TOWNSHIP', q: '锦官驿' }))}`,
  );
  const city: { id: string }[] = await manager!.call(
    'GET',
    `/api/org-units?filter=${encodeURIComponent(JSON.stringify({ level: 'CITY' }))}`,
  );
  const campaign = await manager!.call('POST', '/api/resources', {
    kind: 'FUNDRAISING',
    name: '定向募捐：困境儿童助学',
    providerId: partners.find((p) => p.name === '成都市慈善总会')!.id,
    coverageUnitId: city[0]!.id,
    categories: ['EDUCATION'],
    campaignType: 'DIRECTED',
    beneficiaryCategory: 'EDUCATION',
    beneficiaryTownshipId: units[0]!.id,
    target: 20000,
    deadline: '2030-12-31',
  });
  campaignId = campaign.id;
  await manager!.call('POST', `/api/resources/${campaignId}/status`, { status: 'PUBLISHED' });
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(Date.now());
  for (const [donorName, amount] of [
    ['爱心人士', 0.1],
    ['成都某科技有限公司', 1234.5],
    ['张女士', 33.33],
  ] as const)
    gifts.push(
      await partner!.call('POST', `/api/resources/${campaignId}/donations`, { donorName, amount, receivedOn: today }),
    );
});
afterAll(async () => {
  await profiles.closeAll();
  await system?.stop();
});

describe('§四(三) 募捐 on a phone', () => {
  it('冲正 from the donations tab with a reason; the receipt prints on A4 with the beneficiary as category and township; the public figures follow the ledger', async () => {
    const page = await profiles.newPage({ mobile: true });
    await signIn(page, system.baseUrl, 'manager', `/#/resources/${campaignId}/show`);
    const list = page.getByRole('list', { name: '捐赠台账' });
    await list.getByText(`收据号 ${gifts[2]!.receiptNo}`).waitFor();
    await shot(page, 'fundraising-donations');
    const third = list.locator('li', { hasText: gifts[2]!.receiptNo });
    await third.getByRole('button', { name: '冲正' }).click();
    const dialog = page.getByRole('dialog', { name: `冲正：${gifts[2]!.receiptNo}` });
    await dialog.getByLabel(/原因/).fill('误将他项目款项登记于此');
    await shot(page, 'fundraising-reversal-dialog');
    await dialog.getByRole('button', { name: '确认' }).click();
    await list.getByText(/更正 .* 误将他项目款项登记于此/).waitFor();
    await shot(page, 'fundraising-donations-reversed');

    // The form of a directed campaign names its beneficiary.
    await page.goto(`${system.baseUrl}/#/resources/${campaignId}`);
    await page.getByLabel('受益乡镇（街道）').waitFor();
    await expect
      .poll(() => page.getByLabel('受益乡镇（街道）').inputValue(), { timeout: 10_000 })
      .toContain('锦官驿街道');
    await page.getByText('定向募捐须指明受益对象').scrollIntoViewIfNeeded();
    await shot(page, 'fundraising-directed-form');

    await page.goto(`${system.baseUrl}/#/print/donations/${gifts[1]!.id}`);
    await page.getByRole('heading', { level: 1, name: '捐赠收据' }).waitFor();
    expect(await page.getByTestId('receipt-words').textContent()).toBe('人民币壹仟贰佰叁拾肆元伍角整');
    expect(await page.getByTestId('receipt-beneficiary').textContent()).toBe('教育 · 锦官驿街道');
    await shot(page, 'fundraising-receipt-phone');
    await page.emulateMedia({ media: 'print' });
    await shot(page, 'fundraising-receipt-print');

    const visitor = await profiles.newPage({ mobile: true });
    await visitor.goto(`${system.baseUrl}/public.html`);
    const campaigns = visitor.getByTestId('public-campaigns');
    await campaigns.getByText('定向募捐：困境儿童助学').waitFor();
    // 0.10 + 1234.50 + 33.33 − 33.33, summed exactly.
    await campaigns.getByText('¥1,234.60').first().waitFor();
    await campaigns.scrollIntoViewIfNeeded();
    await shot(visitor, 'fundraising-public-campaigns');
  });
});
