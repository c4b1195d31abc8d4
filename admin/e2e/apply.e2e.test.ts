import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiAs } from './api.ts';
import { browserProfiles, shot, signIn } from './browser.ts';
import { startSystem, type RunningSystem } from './system.ts';

/**
 * 网上申请 (§四(一) 个人申请), in Chromium on a phone against the whole system as `npm start` runs it: a resident
 * applies on apply.html with a photo of a document (the proof of work solved in the browser), the station worker
 * verifies in 网上申请 — declines one with a reason, accepts another into a case — and the resident reads the
 * decline's reason at apply.html#status with the reference number.
 */
let system: RunningSystem;
const profiles = browserProfiles();

beforeAll(async () => {
  system = await startSystem();
});
afterAll(async () => {
  await profiles.closeAll();
  await system?.stop();
});

const DECLINE_REASON = '您家已纳入低保，本次困难请到锦官驿街道便民服务中心申请临时救助，电话 028-86000000。';

/** Nothing sticks out of a phone's screen sideways. */
async function expectNoSidewaysScroll(page: Page) {
  const [scrollWidth, width] = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
  expect(scrollWidth).toBeLessThanOrEqual(width + 1);
}

/** A camera-sized photo (2400×1800 PNG) drawn in the page itself: the form must make it small enough to send. */
async function cameraPhoto(page: Page): Promise<Buffer> {
  const base64 = await page.evaluate(() => {
    const canvas = document.createElement('canvas');
    canvas.width = 2400;
    canvas.height = 1800;
    const context = canvas.getContext('2d')!;
    const gradient = context.createLinearGradient(0, 0, 2400, 1800);
    gradient.addColorStop(0, '#f5f0e6');
    gradient.addColorStop(1, '#d9cbb0');
    context.fillStyle = gradient;
    context.fillRect(0, 0, 2400, 1800);
    context.fillStyle = '#b22222';
    context.font = 'bold 160px sans-serif';
    context.fillText('诊断证明书', 300, 400);
    context.fillStyle = '#333';
    context.font = '80px sans-serif';
    for (let line = 0; line < 10; line++) context.fillText(`第 ${line + 1} 行：病情说明……`, 300, 650 + line * 110);
    return canvas.toDataURL('image/png').replace(/^data:image\/png;base64,/, '');
  });
  return Buffer.from(base64, 'base64');
}

/** Picks 水井坊社区 (锦江区 › 锦官驿街道), the `station` user's community, through the picker's tree. */
async function pickCommunity(page: Page, screenshot?: string) {
  await page.getByLabel('所在村(社区)').click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: '锦江区' }).click();
  await dialog.getByRole('button', { name: '锦官驿街道' }).click();
  await dialog.getByRole('button', { name: '水井坊社区' }).waitFor();
  if (screenshot) await shot(page, screenshot);
  await dialog.getByRole('button', { name: '水井坊社区' }).click();
  await dialog.waitFor({ state: 'detached' });
}

/** Submits the filled form and answers the reference number the page shows. */
async function submit(page: Page, screenshot?: string): Promise<string> {
  await page.getByRole('button', { name: '提交申请' }).click();
  const reference = page.locator('#apply-reference');
  await reference.waitFor({ timeout: 30_000 }); // the proof of work, then the photos' upload
  if (screenshot) await shot(page, screenshot);
  return (await reference.innerText()).trim();
}

describe('网上申请: a resident applies on a phone, the station decides, the resident reads the answer', () => {
  let resident: Page;
  let declined: string;
  let accepted: string;

  it('§四(一) a resident applies with a photo of a document and reads the reference number', async () => {
    resident = await profiles.newPage({ mobile: true });
    await resident.goto(`${system.baseUrl}/apply.html`);
    await resident.getByText('谁来申请').waitFor();
    await shot(resident, 'apply-01-form-phone');
    await expectNoSidewaysScroll(resident);

    await resident.getByLabel('姓名').fill('宋秀英');
    await resident.getByLabel('联系电话').fill('13900007101');
    await pickCommunity(resident, 'apply-02-community-picker-phone');
    await resident
      .getByLabel('遇到的困难')
      .fill('独居老人，今年摔伤后行动不便，医药费负担重，希望得到照料和医疗方面的帮助。');
    await resident
      .locator('input[type=file]')
      .setInputFiles({ name: '诊断证明.png', mimeType: 'image/png', buffer: await cameraPhoto(resident) });
    await resident.getByAltText('第 1 张照片').waitFor();
    await shot(resident, 'apply-03-form-filled-phone');
    await expectNoSidewaysScroll(resident);
    declined = await submit(resident, 'apply-04-reference-phone');
    expect(declined).toMatch(/^SQ-[0-9A-Z]{10}$/);
    await expectNoSidewaysScroll(resident);

    // A relative applies for someone else, from the same phone.
    await resident.getByRole('button', { name: '再提交一份申请' }).click();
    await resident.getByLabel('为家人申请').check();
    await resident.getByLabel('您的姓名（代为申请的人）').fill('陶小军');
    await resident.getByLabel('需要帮助的人的姓名').fill('陶建国');
    await resident.getByLabel('联系电话').fill('13900007102');
    await pickCommunity(resident);
    await resident.getByLabel('遇到的困难').fill('父亲患尿毒症每周透析，母亲无业，家里没有收入，孩子上学也困难。');
    accepted = await submit(resident);
    expect(accepted).not.toBe(declined);
  });

  it('§四(一) the station worker finds both in 网上申请, declines one with a reason the applicant reads, and accepts the other into a case', async () => {
    const station = await profiles.newPage({ mobile: true });
    await signIn(station, system.baseUrl, 'station');
    const figure = station.getByRole('link', { name: '待核实的网上申请 2' });
    await figure.waitFor();
    await shot(station, 'apply-05-station-home-phone');
    await figure.click();
    await station.getByText('宋秀英').first().waitFor();
    await station.getByText('陶建国').first().waitFor();
    await shot(station, 'apply-06-applications-list-phone');
    await expectNoSidewaysScroll(station);

    // 宋秀英: the photo is there, made small enough; not accepted, with a reason.
    await station.getByText('宋秀英').first().click();
    await station.getByText(declined, { exact: true }).waitFor();
    const photo = station.getByRole('img', { name: '证明材料 1' });
    await photo.waitFor();
    await expect
      .poll(() => photo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth), { timeout: 10_000 })
      .toBe(1600); // 2400 px wide, drawn again at 1600
    await shot(station, 'apply-07-application-show-phone');
    await expectNoSidewaysScroll(station);
    await station.getByRole('button', { name: '不予受理' }).click();
    const dialog = station.getByRole('dialog');
    await dialog.getByText('申请人会用申请编号在网上看到这段理由', { exact: false }).waitFor();
    await dialog.getByLabel('不予受理的理由（4–500 字）').fill(DECLINE_REASON);
    await shot(station, 'apply-08-decline-dialog-phone');
    await dialog.getByRole('button', { name: '不予受理' }).click();
    await station.getByText('已告知申请人不予受理').waitFor();
    await station.getByText(`不予受理的理由：${DECLINE_REASON}`).waitFor();

    // 陶建国: the phone revealed for a reason (audited), then accepted into a case.
    await station.goto(`${system.baseUrl}/#/applications`);
    await station.getByText('陶建国').first().click();
    await station.getByText(accepted, { exact: true }).waitFor();
    await station.getByRole('button', { name: '显示完整电话' }).click();
    await station.getByLabel('查看理由（记入审计日志）').fill('电话核实身份和家庭情况');
    await station.getByRole('button', { name: '确认' }).click();
    await station.getByText('13900007102').waitFor();
    await shot(station, 'apply-09-phone-revealed-phone');
    await station.getByRole('button', { name: '关闭' }).click();
    await station.getByRole('link', { name: '受理立案' }).click();
    await expect.poll(() => station.locator('input[name=name]').inputValue()).toBe('陶建国');
    await station.locator('input[name=address]').fill('水井坊街 28 号 2 单元 3 楼');
    await shot(station, 'apply-10-accept-form-phone');
    await station.getByRole('button', { name: '受理立案' }).click();
    await station.waitForURL(/#\/cases\/[0-9a-f-]+\/show/);
    await station.getByText('陶建国').first().waitFor();
    await shot(station, 'apply-11-case-opened-phone');

    // Through the API: one case, a self-application naming the application; both decided.
    const api = await apiAs(system.baseUrl, 'station');
    const caseId = station.url().match(/cases\/([0-9a-f-]+)\/show/)![1]!;
    const opened = await api.call('GET', `/api/cases/${caseId}`);
    expect(opened).toMatchObject({ origin: 'SELF_APPLICATION', personName: '陶建国' });
    const decided = await api.call(
      'GET',
      `/api/applications?filter=${encodeURIComponent(JSON.stringify({ status: 'ACCEPTED' }))}`,
    );
    expect(decided).toHaveLength(1);
    expect(decided[0]).toMatchObject({ reference: accepted, caseId, status: 'ACCEPTED' });
    const [declinedOne] = await api.call(
      'GET',
      `/api/applications?filter=${encodeURIComponent(JSON.stringify({ status: 'DECLINED' }))}`,
    );
    expect(declinedOne).toMatchObject({ reference: declined, declineReason: DECLINE_REASON });
    // The camera's PNG went as a JPEG of at most 1600 px, well under the 2 MB the API takes.
    expect(declinedOne.documents).toEqual([
      expect.objectContaining({ contentType: 'image/jpeg', filename: '诊断证明.jpg' }),
    ]);
    expect(declinedOne.documents[0].size).toBeLessThan(2 * 1024 * 1024);
  });

  it('§四(一) the resident reads the decline’s reason with the reference number, and the accepted one as a case', async () => {
    await resident.goto(`${system.baseUrl}/apply.html#status`);
    const field = resident.getByLabel('申请编号');
    await expect.poll(() => field.inputValue()).toBe(accepted); // the latest reference this phone was given
    await resident.getByRole('button', { name: '查询' }).click();
    await resident.getByText('已受理，已立案').waitFor();
    await field.fill(declined.toLowerCase());
    await resident.getByRole('button', { name: '查询' }).click();
    await resident.getByText(`未受理：${DECLINE_REASON}`).waitFor();
    await resident.getByText('处理时间', { exact: false }).waitFor();
    await shot(resident, 'apply-12-status-declined-phone');
    await expectNoSidewaysScroll(resident);
    await field.fill('SQ-0000000000');
    await resident.getByRole('button', { name: '查询' }).click();
    await resident.getByText('没有找到这个编号').waitFor();
  });
});
