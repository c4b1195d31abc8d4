import { readFileSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiAs } from './api.ts';
import { browserProfiles, shot, signIn } from './browser.ts';
import { startSystem, type RunningSystem } from './system.ts';

/**
 * The inbox as a working tool (issue 15), in Chromium against the whole system: the tabs with
 * their counts, due today and overdue, a saved view, and the export, on a desktop and on a phone.
 * The tasks come from real cases: the screening SLA is shortened through the admin's policy API
 * so that one case's screening is overdue and another's is due later today (Beijing date).
 */
let system: RunningSystem;
const profiles = browserProfiles();
const HOUR = 3_600_000;

/** Hours from now to halfway to the next Beijing midnight: a task due then is due today. */
function hoursIntoToday(): number {
  const date = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(Date.now());
  const midnight = Date.parse(`${date}T00:00:00+08:00`) + 24 * HOUR;
  return Math.max((midnight - Date.now()) / 2 / HOUR, 0.01);
}

beforeAll(async () => {
  system = await startSystem({ timeoutMs: 600_000 });
  const admin = await apiAs(system.baseUrl, 'admin');
  const station = await apiAs(system.baseUrl, 'station');
  const caseworker = await apiAs(system.baseUrl, 'caseworker');
  const policies: {
    kind: string;
    normal: number;
    emergency: number;
    unit: string;
    warnAt: number;
    onBreach: string;
  }[] = await admin.call('GET', '/api/sla/policies');
  const screen = policies.find((p) => p.kind === 'SCREEN' || (p as { id?: string }).id === 'SCREEN')!;
  const setScreen = (hours: number) =>
    admin.call('PUT', '/api/sla/policies/SCREEN', {
      normal: hours,
      emergency: hours,
      unit: 'HOURS',
      warnAt: 0.5,
      onBreach: 'NOTIFY',
    });
  // An emergency case whose screening is due in seconds: overdue once that time has passed.
  await setScreen(0.001);
  const late = await station.call('POST', '/api/cases', {
    person: { name: '罗大爷', hukou: 'CHENGDU' },
    situation: '独居，突发疾病，无人照料',
    emergency: true,
  });
  // Waits for the SLA to pass (no assertion on time: the screening simply becomes overdue).
  const overdue = `/api/tasks?filter=${encodeURIComponent(JSON.stringify({ scope: 'unit', overdue: true, caseId: late.id }))}`;
  for (let tries = 0; (await caseworker.call('GET', overdue)).length === 0; tries++) {
    if (tries > 120) throw new Error('the screening never became overdue');
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  // A case whose screening is due later today.
  await setScreen(hoursIntoToday());
  await station.call('POST', '/api/cases', {
    person: { name: '钱阿姨', hukou: 'CHENGDU' },
    situation: '下岗，孩子上学费用困难',
  });
  await admin.call('PUT', '/api/sla/policies/SCREEN', {
    normal: screen.normal,
    emergency: screen.emergency,
    unit: screen.unit,
    warnAt: screen.warnAt,
    onBreach: screen.onBreach,
  });
}, 900_000);
afterAll(async () => {
  await profiles.closeAll();
  await system?.stop();
});

const openInbox = async (page: Page) => {
  await signIn(page, system.baseUrl, 'caseworker', '/#/tasks');
  await page.goto(`${system.baseUrl}/#/tasks`);
  await page.getByRole('tab', { name: '我的任务' }).waitFor();
};

/**
 * Taps a tab. On a phone the tab row scrolls sideways and the app bar is fixed over the page:
 * the tab is brought into the row's view and tapped where it is (a click event on it), since
 * Playwright's own scrolling would put it under the app bar.
 */
async function tab(page: Page, name: string) {
  const target = page.getByRole('tab', { name });
  await target.evaluate((el) => el.scrollIntoView({ block: 'nearest', inline: 'center' }));
  await target.dispatchEvent('click');
}

/**
 * Taps a button in the page. On a phone the app bar is fixed over the page and Playwright's own
 * scrolling and stability checks time out on the list's toolbar: the button is centred in the view,
 * the test waits until what a finger would touch at its centre is the button (a menu just chosen
 * from fades out first), and clicks it there.
 */
async function tap(target: Locator) {
  await target.evaluate((el) => el.scrollIntoView({ block: 'center', inline: 'center' }));
  // What lies over the button's centre (a menu still closing, say), until nothing does.
  const covering = () =>
    target.evaluate((el) => {
      const box = el.getBoundingClientRect();
      const top = document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2);
      return el.contains(top) ? null : (top?.outerHTML.slice(0, 300) ?? 'nothing at all');
    });
  await expect.poll(covering, { message: 'nothing covers the button', timeout: 5_000 }).toBeNull();
  await target.dispatchEvent('click');
}

/** The rows (table rows on a desktop, list items on a phone) naming a person's screening task. */
const screening = (page: Page, name: string, mobile: boolean) =>
  mobile
    ? page.getByText(`政府救助筛查 · ${name}`)
    : page.getByRole('row').filter({ hasText: name }).filter({ hasText: '政府救助筛查' });

describe.each([
  ['desktop', false],
  ['phone', true],
] as const)('the inbox as a working tool, on a %s', (device, mobile) => {
  it('filters due today and overdue, saves a view and picks it, and exports the list', async () => {
    const page = await profiles.newPage({ mobile });
    if (!mobile) await page.setViewportSize({ width: 1366, height: 900 });
    await openInbox(page);
    await page.getByTestId('count-overdue').waitFor();
    await shot(page, `inbox-${device}-01-tabs`);

    await tab(page, '今日到期');
    await screening(page, '钱阿姨', mobile).first().waitFor();
    expect(await screening(page, '罗大爷', mobile).count()).toBe(0);
    await shot(page, `inbox-${device}-02-due-today`);

    await tab(page, '已逾期');
    await screening(page, '罗大爷', mobile).first().waitFor();
    expect(await screening(page, '钱阿姨', mobile).count()).toBe(0);
    await shot(page, `inbox-${device}-03-overdue`);

    // Narrow to emergencies and save that as a view of my own.
    const view = `逾期急难-${device}`;
    await tap(page.getByRole('button', { name: '紧急', exact: true }));
    await expect.poll(() => page.url()).toContain('emergency');
    await tap(page.getByRole('button', { name: '我的视图' }));
    await tap(page.getByRole('menuitem', { name: '保存当前视图…' }));
    await page.getByLabel('视图名称').fill(view);
    await shot(page, `inbox-${device}-04-save-view`);
    await tap(page.getByRole('dialog').getByRole('button', { name: '保存' }));
    await page.getByText('视图已保存').waitFor();

    // Back to my tasks, then the saved view brings the filter back.
    await tab(page, '我的任务');
    await expect.poll(() => page.url()).not.toContain('emergency');
    await tap(page.getByRole('button', { name: '我的视图' }));
    await tap(page.getByRole('menuitem', { name: view }));
    await screening(page, '罗大爷', mobile).first().waitFor();
    expect(decodeURIComponent(page.url())).toContain('"emergency":true');
    expect(await screening(page, '钱阿姨', mobile).count()).toBe(0);
    await shot(page, `inbox-${device}-05-saved-view`);

    // The export holds what the list shows, as a CSV Excel reads (BOM, Chinese headers).
    await tap(page.getByRole('button', { name: '导出' }));
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      tap(page.getByRole('menuitem', { name: 'CSV 文件' })),
    ]);
    expect(download.suggestedFilename()).toMatch(/^tasks-510104017000-\d{4}-\d\d-\d\d\.csv$/);
    const csv = readFileSync((await download.path())!);
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = csv.subarray(3).toString('utf8');
    expect(text.split(/\r?\n/)[0]).toBe('任务,事项,求助人,案件编号,所属单位,经办人,截止时间,状态,急难,标记');
    expect(text).toContain('罗大爷');
    expect(text).toContain('已逾期');
    expect(text).not.toContain('钱阿姨');
    await page.getByText('已导出当前列表').waitFor();
    await shot(page, `inbox-${device}-06-exported`);

    // The view is mine, kept by the API.
    const caseworker = await apiAs(system.baseUrl, 'caseworker');
    const views: { name: string }[] = await caseworker.call('GET', '/api/saved-views');
    expect(views.map((v) => v.name)).toContain(view);
  });
});
