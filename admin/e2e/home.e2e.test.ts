import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiAs } from './api.ts';
import { browserProfiles, shot, signIn } from './browser.ts';
import { startSystem, type RunningSystem } from './system.ts';

/**
 * Each role's home page (首页), the first page after sign-in, on a desktop and on a phone, and the manager's map of
 * Chengdu drilled into a district, in Chromium against the whole system as `npm start` runs it.
 */
let system: RunningSystem;
const profiles = browserProfiles();

beforeAll(async () => {
  system = await startSystem();
  // Through the real API: three applications at 水井坊社区 (锦江区 锦官驿街道), one screening taken by the caseworker.
  const station = await apiAs(system.baseUrl, 'station');
  const caseworker = await apiAs(system.baseUrl, 'caseworker');
  for (const name of ['宋大爷', '陶阿姨', '冉同学'])
    await station.call('POST', '/api/cases', { person: { name, hukou: 'CHENGDU' }, situation: '生活困难，需要帮助' });
  const tasks = await caseworker.call(
    'GET',
    `/api/tasks?filter=${encodeURIComponent(JSON.stringify({ scope: 'unit', kind: 'SCREEN' }))}`,
  );
  await caseworker.call('POST', `/api/tasks/${encodeURIComponent(tasks[0].id)}/claim`);
});
afterAll(async () => {
  await profiles.closeAll();
  await system?.stop();
});

const DESKTOP = { width: 1366, height: 900 };

async function openHome(username: string, device: 'desktop' | 'phone'): Promise<Page> {
  const page = await profiles.newPage({ mobile: device === 'phone' });
  if (device === 'desktop') await page.setViewportSize(DESKTOP);
  await signIn(page, system.baseUrl, username);
  await page.locator('[data-home]:not([data-home=""])').waitFor();
  return page;
}

/** No English in the Chinese page: no run of three Latin letters in the home page's text (case numbers have none). */
async function expectChineseOnly(page: Page) {
  const text = await page.locator('[data-home]').innerText();
  expect(text).not.toMatch(/[A-Za-z]{3,}/);
}

/** Nothing sticks out of a phone's screen sideways. */
async function expectNoSidewaysScroll(page: Page) {
  const [scrollWidth, width] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
  expect(scrollWidth).toBeLessThanOrEqual(width + 1);
}

const ROLES: [string, string, string][] = [
  ['caseworker', '本单位待领取', 'caseworker'],
  ['supervisor', '待审批方案', 'supervisor'],
  ['manager', '成都市概览', 'manager'],
  ['district.manager', '锦江区概览', 'district-manager'],
  ['station', '登记求助', 'station'],
  ['discoverer', '上报发现', 'discoverer'],
  ['partner', '待我答复的对接申请', 'partner'],
  ['admin', '成都市概览', 'admin'],
];

describe('首页: each role’s home page after sign-in', () => {
  for (const device of ['desktop', 'phone'] as const) {
    it.each(ROLES)(`%s lands on their home page (${device})`, async (username, expected, name) => {
      const page = await openHome(username, device);
      await page.getByText(expected, { exact: false }).first().waitFor();
      if (username === 'manager' || username === 'admin' || username === 'district.manager')
        await page.locator('[data-testid=district-map] canvas').first().waitFor();
      await page.waitForTimeout(300); // the map's first frame
      await shot(page, `home-${name}-${device}`);
      await expectChineseOnly(page);
      if (device === 'phone') await expectNoSidewaysScroll(page);
      await page.context().close();
    });
  }

  it('the caseworker’s numbers are links to the lists behind them', async () => {
    const page = await openHome('caseworker', 'desktop');
    const unclaimed = page.getByRole('link', { name: /^本单位待领取 \d+$/ });
    // The three screenings wait at the township; the caseworker took one: two are unclaimed.
    expect(await unclaimed.getAttribute('aria-label')).toBe('本单位待领取 2');
    expect(decodeURIComponent((await unclaimed.getAttribute('href'))!)).toBe(
      '#/tasks?filter={"scope":"unit","unassigned":true}',
    );
    await page.context().close();
    const station = await openHome('station', 'desktop');
    await station.getByRole('link', { name: '本社区办理中个案 3' }).click();
    await station.waitForURL(/#\/cases\?filter=/);
    await station.getByText('陶阿姨').first().waitFor();
    await station.context().close();
  });
});

describe('the manager’s map of Chengdu', () => {
  for (const device of ['desktop', 'phone'] as const) {
    it(`clicking 锦江区 on the map shows its townships; back returns to the city (${device})`, async () => {
      const page = await openHome('manager', device);
      const map = page.locator('[data-testid=district-map]');
      await map.locator('canvas').first().waitFor();
      // Where ECharts drew 锦江区 (its label point), in the map's own pixels.
      await page.waitForFunction(() => {
        const centers = document.querySelector('[data-testid=district-map]')?.getAttribute('data-centers');
        return centers !== null && centers !== undefined && centers.includes('510104000000');
      });
      const townships = page.getByRole('table', { name: '锦江区各乡镇(街道)' });
      await map.locator('canvas').first().scrollIntoViewIfNeeded();
      // While the page is still laying out (a busy machine, a phone) the chart may resize after its
      // centres were read: tap again at the centre read afresh until the district opens. Once tapped,
      // the map gives way to the townships' table, so each try is short and a vanished map is no error.
      const tapJinjiang = async () => {
        const centers = await map.getAttribute('data-centers', { timeout: 2_000 }).catch(() => null);
        const [x, y] = (JSON.parse(centers ?? '{}') as Record<string, [number, number]>)['510104000000'] ?? [];
        if (x === undefined || y === undefined) return;
        await map
          .locator('canvas')
          .first()
          .click({ position: { x, y }, timeout: 2_000 })
          .catch(() => undefined);
      };
      await expect
        .poll(
          async () => {
            if (await townships.isVisible()) return true;
            await tapJinjiang();
            await townships.waitFor({ timeout: 3_000 }).catch(() => undefined);
            return townships.isVisible();
          },
          { timeout: 40_000, interval: 500 },
        )
        .toBe(true);
      const row = townships.getByRole('row').filter({ hasText: '锦官驿街道' });
      // The three open cases are owned by 锦官驿街道.
      expect(await row.getByRole('link').innerText()).toBe('3');
      await shot(page, `home-map-townships-${device}`);
      await expectChineseOnly(page);
      await page.getByRole('button', { name: '返回全市' }).click();
      await page.getByRole('table', { name: '功能区（地图上无单独区域）' }).waitFor();
      // Colour by another figure.
      await page.getByRole('combobox', { name: '指标' }).click();
      await page.getByRole('option', { name: '任务超期率' }).click();
      await map.locator('canvas').first().waitFor();
      await page.waitForTimeout(300);
      await shot(page, `home-map-overdue-rate-${device}`);
      await page.context().close();
    });
  }
});
