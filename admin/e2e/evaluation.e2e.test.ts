import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiAs } from './api.ts';
import { launchBrowser, shot, signIn as signInAs } from './browser.ts';
import { startSystem, type RunningSystem } from './system.ts';

let system: RunningSystem;
let browser: BrowserContext;
let phone: BrowserContext;

/** The month before this one, Beijing time: the month a disclosure publishes. */
const beijingMonth = (offset: number) => {
  const now = new Date(Date.now() + 8 * 3_600_000);
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + offset, 1)).toISOString().slice(0, 7);
};
const period = beijingMonth(-1);
const thisMonth = beijingMonth(0);

// 锦官驿街道: three people given MEDICAL aid in the month (published, masked); one child given
// EDUCATION service (alone in the township's cell, so withheld and counted).
const MEDICAL = [
  { name: '蒋秀兰', masked: '蒋*兰', amount: 3000 },
  { name: '何建华', masked: '何*华', amount: 2000 },
  { name: '罗志强', masked: '罗*强', amount: 1500 },
];
const CHILD = '邓小雨';

type Api = Awaited<ReturnType<typeof apiAs>>;

/** A case registered at the station and worked up to matching, with one need. */
async function caseInMatching(
  s: { station: Api; caseworker: Api; supervisor: Api },
  person: Record<string, unknown>,
  need: { category: string; severity: string },
) {
  const { id } = await s.station.call('POST', '/api/cases', {
    person: { hukou: 'CHENGDU', ...person },
    confirmNotDuplicate: true,
    situation: '家庭困难，需社会援助',
  });
  await s.caseworker.work(id, 'SCREEN', { referrals: ['YILIAO'], outcome: 'RESIDUAL_NEED' });
  await s.caseworker.work(id, 'ASSESS', { needs: [need] });
  await s.caseworker.work(id, 'PLAN', { summary: '对接社会援助资源' });
  await s.supervisor.work(id, 'APPROVE_PLAN', { approved: true });
  return id as string;
}

async function resourceNamed(api: Api, name: string): Promise<string> {
  const [resource] = await api.call('GET', `/api/resources?filter=${encodeURIComponent(JSON.stringify({ q: name }))}`);
  if (!resource) throw new Error(`no resource ${name}`);
  return resource.id;
}

beforeAll(async () => {
  system = await startSystem();
  const [station, caseworker, supervisor, partner, partnerSw, manager] = await Promise.all(
    ['station', 'caseworker', 'supervisor', 'partner', 'partner.sw', 'manager'].map((name) =>
      apiAs(system.baseUrl, name),
    ),
  );
  const s = { station: station!, caseworker: caseworker!, supervisor: supervisor! };
  // Through the real API: matched, accepted by the partner, and delivered in the month before.
  const medical = await resourceNamed(s.caseworker, '大病医疗爱心援助');
  for (const person of MEDICAL) {
    const caseId = await caseInMatching(
      s,
      { name: person.name, tags: ['SERIOUS_ILLNESS'] },
      { category: 'MEDICAL', severity: 'HIGH' },
    );
    const match = await s.caseworker.call('POST', `/api/cases/${caseId}/matches`, {
      needIndex: 0,
      resourceId: medical,
      amount: person.amount,
    });
    await partner!.call('POST', `/api/matches/${match.id}/accept`);
    await partner!.call('POST', `/api/matches/${match.id}/deliveries`, {
      kind: 'MONEY',
      description: '医疗费用缺口援助',
      amount: person.amount,
      deliveredOn: `${period}-15`,
    });
  }
  const service = await resourceNamed(s.caseworker, '困境儿童社工个案服务');
  const childCase = await caseInMatching(
    s,
    { name: CHILD, birthDate: '2015-06-01' },
    { category: 'EDUCATION', severity: 'MEDIUM' },
  );
  const childMatch = await s.caseworker.call('POST', `/api/cases/${childCase}/matches`, {
    needIndex: 0,
    resourceId: service,
  });
  await partnerSw!.call('POST', `/api/matches/${childMatch.id}/accept`);
  await partnerSw!.call('POST', `/api/matches/${childMatch.id}/deliveries`, {
    kind: 'SERVICE',
    description: '学业辅导',
    hours: 4,
    deliveredOn: `${period}-16`,
  });
  // With the default threshold of 3: the three MEDICAL rows are shown, the lone EDUCATION row withheld.
  const published = await manager!.call('POST', `/api/disclosures/${period}/publish`);
  expect(published).toMatchObject({ period, rows: 3, suppressed: 1 });
  expect(['ORIGINAL', 'CORRECTION']).toContain(published.kind);
  browser = await launchBrowser();
  phone = await launchBrowser({ mobile: true });
});
afterAll(async () => {
  await browser?.close();
  await phone?.close();
  await system?.stop();
});

/** The public page's month, checked: masked rows, the suppression note, and no full name anywhere. */
async function checkDisclosure(page: Page) {
  await page.goto(`${system.baseUrl}/public.html`);
  await page.getByRole('heading', { name: `${period} 援助明细` }).waitFor();
  for (const person of MEDICAL) await page.getByText(person.masked, { exact: true }).first().waitFor();
  await page.getByText('因人数少于 3 人未公开 1 条').waitFor();
  await page.getByText('大病医疗爱心援助').first().waitFor();
  const text = await page.locator('body').innerText();
  for (const name of [...MEDICAL.map((p) => p.name), CHILD]) expect(text).not.toContain(name);
  expect(text).not.toMatch(/\d{17}[\dX]|1[3-9]\d{9}/);
  expect(text).toContain('医疗'); // the category in Chinese, not MEDICAL
  expect(text).not.toContain('MEDICAL');
}

describe('public disclosure and the KPI dashboard, in a real browser', () => {
  it('anyone, without signing in, reads last month’s disclosure: masked names, the withheld count, no full name', async () => {
    const page = browser.pages()[0] ?? (await browser.newPage());
    await checkDisclosure(page);
    expect(await page.getByRole('link', { name: '下载本版 CSV' }).getAttribute('href')).toMatch(
      new RegExp(`^/api/public/disclosures/${period}/csv\\?version=\\d+$`),
    );
    await shot(page, 'public-disclosure');
  });

  it('on a phone the same month reads as one card per row', async () => {
    const page = phone.pages()[0] ?? (await phone.newPage());
    await checkDisclosure(page);
    expect(await page.locator('table').count()).toBe(0); // cards, not tables, on a phone
    await shot(page, 'public-disclosure-phone');
  });

  it('a manager opens 绩效评价: the cards and both charts render; this month counts the new cases', async () => {
    const page = browser.pages()[0] ?? (await browser.newPage());
    await signInAs(page, system.baseUrl, 'manager');
    await page.getByRole('menuitem', { name: '绩效评价' }).click();
    await page.getByRole('heading', { name: `成都市 · ${period}` }).waitFor();
    for (const name of ['新增个案', '时限达标率', '每解决个案资金', '督导评分'])
      await page.locator('[data-kpi]').getByText(name, { exact: true }).waitFor();
    await page.getByLabel('月份', { exact: true }).fill(thisMonth);
    await page.getByRole('heading', { name: `成都市 · ${thisMonth}` }).waitFor();
    await page.locator('[data-kpi="cases"]').getByText('4', { exact: true }).waitFor();
    // The trend line and the districts side by side (the chart library loads with the page).
    await page.locator('[data-chart="trend"] .recharts-line').waitFor();
    await page.locator('[data-chart="compare"] .recharts-bar-rectangle').first().waitFor(); // 锦江区's four cases
    const labels = await page.locator('[data-chart="compare"] svg text').allTextContents();
    expect(labels).toEqual(expect.arrayContaining(['锦江区', '青羊区', '武侯区'])); // every district, named
    await shot(page, 'kpi-dashboard');
  });

  it('the manager’s SLA monitor shows, per unit, open / 已预警 / 已超期 as the API counts them', async () => {
    const page = browser.pages()[0]!; // signed in as the manager by the test before
    await page.goto(`${system.baseUrl}/#/sla`);
    for (const heading of ['办理中', '已预警', '已超期', '超期率'])
      await page.getByRole('columnheader', { name: heading }).first().waitFor();
    const manager = await apiAs(system.baseUrl, 'manager');
    const overview = await manager.call('GET', '/api/sla/overview');
    const township = overview.units.find((u: { name: string }) => u.name === '锦官驿街道');
    expect(township.open).toBeGreaterThan(0);
    const row = page.getByRole('row').filter({ has: page.getByRole('cell', { name: '锦官驿街道', exact: true }) });
    expect(await row.getByRole('cell').allTextContents()).toEqual([
      '锦官驿街道',
      String(township.open),
      String(township.warned),
      String(township.overdue),
      `${(township.breachRate * 100).toFixed(1)}%`,
    ]);
    await shot(page, 'sla-monitor');
  });

  it('the dashboard fits a phone', async () => {
    const page = phone.pages()[0] ?? (await phone.newPage());
    await signInAs(page, system.baseUrl, 'manager', '/#/kpis');
    await page.getByRole('heading', { name: `成都市 · ${period}` }).waitFor();
    await page.locator('[data-chart="trend"] .recharts-line').waitFor();
    // Nothing wider than the screen: the page does not scroll sideways.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await shot(page, 'kpi-dashboard-phone');
  });
});
