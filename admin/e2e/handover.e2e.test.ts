import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiAs } from './api.ts';
import { browserProfiles, shot, signIn } from './browser.ts';
import { startSystem, type RunningSystem } from './system.ts';

/**
 * Issue 15 item 2 in a real browser against the whole system: a supervisor hands two tasks of the
 * unit queue to a colleague in bulk, with a reason, and sets an absence for a team member; the
 * absent caseworker's inbox then names who covers them. Desktop (1366×900) and phone (390×844).
 */
let system: RunningSystem;
const profiles = browserProfiles();
let supervisor: Awaited<ReturnType<typeof apiAs>>;
const taskIds: string[] = [];

/** A local date-time as a datetime-local input takes it (the browser runs on this machine's clock and zone). */
const local = (ms: number) => {
  const d = new Date(ms);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
};

const unitQueue = () =>
  `${system.baseUrl}/#/tasks?filter=${encodeURIComponent(JSON.stringify({ scope: 'unit', status: 'OPEN' }))}`;

async function desktop(): Promise<Page> {
  const page = await profiles.newPage();
  await page.setViewportSize({ width: 1366, height: 900 });
  return page;
}

beforeAll(async () => {
  system = await startSystem();
  const admin = await apiAs(system.baseUrl, 'admin');
  const station = await apiAs(system.baseUrl, 'station');
  const caseworker = await apiAs(system.baseUrl, 'caseworker');
  supervisor = await apiAs(system.baseUrl, 'supervisor');
  // A second caseworker at 锦官驿街道, who takes the work.
  const [zhang] = await admin.call(
    'GET',
    `/api/users?filter=${encodeURIComponent(JSON.stringify({ q: 'caseworker' }))}`,
  );
  await admin.call('POST', '/api/users', {
    username: 'caseworker.li',
    displayName: '社工 李娜',
    role: 'CASEWORKER',
    orgUnitId: zhang.orgUnitId,
    password: 'Guanai@2026',
  });
  for (const name of ['蒋大爷', '何阿姨']) {
    const created = await station.call('POST', '/api/cases', {
      person: { name, hukou: 'CHENGDU' },
      situation: '生活困难',
    });
    const [task] = await caseworker.call(
      'GET',
      `/api/tasks?filter=${encodeURIComponent(JSON.stringify({ scope: 'unit', caseId: created.id, kind: 'SCREEN' }))}`,
    );
    await caseworker.call('POST', `/api/tasks/${encodeURIComponent(task.id)}/claim`);
    taskIds.push(task.id);
  }
});
afterAll(async () => {
  await profiles.closeAll();
  await system?.stop();
});

describe('handover and absence, in a real browser', () => {
  it('a supervisor selects two tasks of the unit queue and assigns them to a colleague with a reason; each result is shown', async () => {
    const page = await desktop();
    await signIn(page, system.baseUrl, 'supervisor');
    await page.goto(unitQueue());
    for (const name of ['蒋大爷', '何阿姨']) {
      const row = page.getByRole('row').filter({ hasText: name });
      await row.waitFor();
      await row.getByRole('checkbox').check();
    }
    await page.getByRole('button', { name: '指派给…' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('将 2 个任务指派给同事').waitFor();
    await dialog.getByLabel('同事').fill('李娜');
    await page.getByRole('option', { name: /社工 李娜/ }).click();
    await dialog.getByLabel('原因').fill('张伟外出培训，任务改派李娜');
    await shot(page, 'handover-01-bulk-dialog-desktop');
    await dialog.getByRole('button', { name: '确定' }).click();
    await dialog.getByText('已处理 2 个，未处理 0 个').waitFor();
    expect(await dialog.getByText('已改派').count()).toBe(2);
    await shot(page, 'handover-02-bulk-results-desktop');
    await dialog.getByRole('button', { name: '关闭' }).click();
    for (const id of taskIds) {
      const task = await supervisor.call('GET', `/api/tasks/${encodeURIComponent(id)}`);
      expect(task.assigneeName).toBe('社工 李娜');
    }
    await expect.poll(() => page.getByRole('row').filter({ hasText: '社工 李娜' }).count()).toBe(2);
    await shot(page, 'handover-03-queue-after-desktop');
  });

  it('a supervisor sets an absence for a team member; the team tab lists it', async () => {
    const page = await desktop();
    await signIn(page, system.baseUrl, 'supervisor');
    await page.goto(`${system.baseUrl}/#/absences/create`);
    await page.getByLabel('休假人').fill('张伟');
    await page.getByRole('option', { name: /社工 张伟/ }).click();
    await page.getByLabel('代理人').fill('李娜');
    await page.getByRole('option', { name: /社工 李娜/ }).click();
    await page.getByLabel('开始时间').fill(local(Date.now() - 3_600_000));
    await page.getByLabel('结束时间').fill(local(Date.now() + 3 * 86_400_000));
    await page.getByLabel('说明').fill('年假');
    await shot(page, 'handover-04-absence-form-desktop');
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByRole('tab', { name: '团队休假' }).click();
    const row = page.getByRole('row').filter({ hasText: '社工 张伟' });
    await row.waitFor();
    expect(await row.getByText('进行中').count()).toBe(1);
    await shot(page, 'handover-05-absences-team-desktop');
  });

  it('on a phone: the absent caseworker’s inbox names who covers them; the supervisor’s absence list and a task’s reassign dialog', async () => {
    const phone = await profiles.newPage({ mobile: true });
    await signIn(phone, system.baseUrl, 'caseworker');
    await phone.goto(`${system.baseUrl}/#/tasks`);
    await phone.getByText(/您休假期间由 社工 李娜 代理/).waitFor();
    await shot(phone, 'handover-06-cover-banner-phone');

    const delegate = await profiles.newPage({ mobile: true });
    await signIn(delegate, system.baseUrl, 'caseworker.li');
    await delegate.goto(`${system.baseUrl}/#/tasks`);
    await delegate.getByText(/您正在代理 社工 张伟/).waitFor();
    await shot(delegate, 'handover-07-covering-banner-phone');

    const sup = await profiles.newPage({ mobile: true });
    await signIn(sup, system.baseUrl, 'supervisor');
    await sup.goto(`${system.baseUrl}/#/absences?filter=${encodeURIComponent(JSON.stringify({ scope: 'team' }))}`);
    await sup.getByText('社工 张伟 → 社工 李娜').waitFor();
    await shot(sup, 'handover-08-absences-phone');
    await sup.goto(`${system.baseUrl}/#/tasks/${encodeURIComponent(taskIds[0]!)}/show`);
    await sup.getByRole('button', { name: '改派' }).click();
    await sup.getByRole('dialog').getByText('将 1 个任务指派给同事').waitFor();
    await shot(sup, 'handover-09-reassign-dialog-phone');
    // Assigning to the absent 张伟 gives the task to his delegate.
    await sup.getByRole('dialog').getByLabel('同事').fill('张伟');
    await sup.getByRole('option', { name: /社工 张伟/ }).click();
    await sup.getByRole('dialog').getByLabel('原因').fill('退回原经办人');
    await sup.getByRole('dialog').getByRole('button', { name: '确定' }).click();
    await sup.getByRole('dialog').getByText('已处理 1 个，未处理 0 个').waitFor();
    const task = await supervisor.call('GET', `/api/tasks/${encodeURIComponent(taskIds[0]!)}`);
    expect(task.assigneeName).toBe('社工 李娜');
  });
});
