import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiAs } from './api.ts';
import { CHROMIUM, shot, signIn } from './browser.ts';
import { expectInstallable } from './pwa.ts';
import { startSystem, type RunningSystem } from './system.ts';

/**
 * Issue 16 in Chromium on a phone, against the whole system: a discoverer opens the installable app
 * once, goes offline, reloads it (it still opens), records three outreach reports and two visits
 * (one with a photo), closes the browser and opens it again (the outbox is still there), and comes
 * back online: the four that fit land exactly once and the outbox empties; the visit on a case that
 * a supervisor closed meanwhile shows the conflict, and "send as a note" lands it as a note.
 */
let system: RunningSystem;
let supervisor: Awaited<ReturnType<typeof apiAs>>;
let discoverer: Awaited<ReturnType<typeof apiAs>>;
const cases: Record<string, { id: string; caseNo: string }> = {};
const profile = mkdtempSync(join(tmpdir(), 'guanai-field-'));
let browser: BrowserContext | null = null;

/** The phone: one Chromium profile, closed and opened again like a phone's browser. */
async function openPhone(): Promise<Page> {
  browser = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    locale: 'zh-CN',
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    geolocation: { latitude: 30.6571, longitude: 104.0812, accuracy: 15 },
    permissions: ['geolocation'],
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-dev-shm-usage',
    ],
  });
  return browser.pages()[0] ?? browser.newPage();
}

/** A tiny JPEG, as the phone's camera gives a file. */
const JPEG = Buffer.from(
  '/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAAMCAgICAgMCAgIDAwMDBAYEBAQEBAgGBgUGCQgKCgkICQkKDA8MCgsOCwkJDRENDg8QEBEQCgwSExIQEw8QEBD/yQALCAABAAEBAREA/8wABgAQEAX/2gAIAQEAAD8A0s8g/9k=',
  'base64',
);

const waiting = (page: Page) => page.getByTestId('outbox-waiting');

beforeAll(async () => {
  system = await startSystem();
  const station = await apiAs(system.baseUrl, 'station');
  supervisor = await apiAs(system.baseUrl, 'supervisor');
  discoverer = await apiAs(system.baseUrl, 'discoverer');
  for (const name of ['李爷爷', '张奶奶']) {
    const opened = await station.call('POST', '/api/cases', { person: { name, hukou: 'CHENGDU' }, situation: '独居' });
    cases[name] = { id: opened.id, caseNo: opened.caseNo };
  }
});
afterAll(async () => {
  await browser?.close();
  await system?.stop();
});

async function report(page: Page, name: string, phone: string, seen: string, { photo = false, place = false } = {}) {
  await page.goto(`${system.baseUrl}/#/field`);
  await page.getByTestId('field-report').click();
  await page.getByTestId('report-name').fill(name);
  await page.getByTestId('report-phone').fill(phone);
  await page.getByTestId('report-situation').fill(seen);
  if (photo)
    await page.getByTestId('photo-input').setInputFiles({ name: 'site.jpg', mimeType: 'image/jpeg', buffer: JPEG });
  if (place) {
    await page.getByRole('button', { name: '记录位置' }).click();
    await page.getByTestId('place').waitFor();
  }
  return page.getByTestId('report-save');
}

async function visit(page: Page, name: string, text: string, photo = false) {
  await page.goto(`${system.baseUrl}/#/field/cases`);
  await page.getByRole('link', { name: new RegExp(name) }).click();
  await page.getByTestId('visit-note').fill(text);
  if (photo)
    await page.getByTestId('photo-input').setInputFiles({ name: 'visit.jpg', mimeType: 'image/jpeg', buffer: JPEG });
  await page.getByTestId('visit-save').click();
  await page.getByTestId('field-visit').waitFor(); // back on the field home
}

const casesNamed = async (name: string) =>
  (await discoverer.call('GET', `/api/cases?filter=${encodeURIComponent(JSON.stringify({ q: name }))}`)) as {
    id: string;
    origin: string;
  }[];

describe('field work offline, in Chromium on a phone', () => {
  it('installs, works offline, survives a closed browser, lands everything once, and shows the conflict', async () => {
    let page = await openPhone();
    await signIn(page, system.baseUrl, 'discoverer', '/#/field');
    await page.getByTestId('field-report').waitFor();
    expect(await expectInstallable(page, system.baseUrl)).toBe(`${system.baseUrl}/`);
    // The cases of the discoverer's community are on the phone once the app has been open online.
    await expect.poll(() => page.getByTestId('field-refdata').textContent(), { timeout: 20_000 }).toMatch(/2 个个案/);
    await shot(page, 'field-01-home-online');

    // No signal: the app still opens (from the service worker's shell, signed in from the remembered session).
    await browser!.setOffline(true);
    await page.reload();
    await page.getByTestId('field-report').waitFor();
    await expect.poll(() => page.getByTestId('sync-bar').textContent()).toMatch(/离线/);
    await shot(page, 'field-02-offline-reload');

    const save = await report(page, '桥下的王大爷', '13912345671', '桥洞下露宿，腿部有伤', {
      photo: true,
      place: true,
    });
    await shot(page, 'field-03-report-form');
    await save.click();
    await page.getByTestId('field-report').waitFor();
    await (await report(page, '独居的刘婆婆', '13912345672', '独居，多日未出门')).click();
    await page.getByTestId('field-report').waitFor();
    await (await report(page, '失业的陈师傅', '13912345673', '失业半年，孩子上学困难')).click();
    await page.getByTestId('field-report').waitFor();
    await visit(page, '李爷爷', '入户走访：老人精神尚可，需要助餐', true);
    await visit(page, '张奶奶', '入户走访：老人说下周搬去女儿家');
    await expect.poll(() => waiting(page).textContent()).toMatch(/待发送 5 条/);
    await shot(page, 'field-04-home-offline-5-waiting');

    // Meanwhile, with the phone still offline, a supervisor closes 张奶奶's case.
    await supervisor.call('POST', `/api/cases/${cases['张奶奶']!.id}/actions`, { type: 'CLOSE', reason: 'moved' });

    // The worker closes the browser, and opens it again later, still without a signal: nothing is lost.
    await browser!.close();
    page = await openPhone();
    await browser!.setOffline(true);
    await page.goto(`${system.baseUrl}/#/field/outbox`);
    await expect.poll(() => page.getByTestId('outbox-waiting-item').count(), { timeout: 20_000 }).toBe(5);
    await shot(page, 'field-05-outbox-after-restart');

    // The signal returns: the outbox sends itself.
    await browser!.setOffline(false);
    await expect.poll(() => page.getByTestId('outbox-waiting-item').count(), { timeout: 30_000 }).toBe(0);
    await page.getByTestId('outbox-conflict').first().waitFor();
    await shot(page, 'field-06-conflict');
    const conflicts = await page.getByTestId('conflict-text').allTextContents();
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0]).toMatch(/已被结案（已迁出）/);
    await expect.poll(() => page.getByTestId('outbox-sent-item').count()).toBe(4);

    // Each of the four landed exactly once.
    for (const name of ['桥下的王大爷', '独居的刘婆婆', '失业的陈师傅']) {
      const found = await casesNamed(name);
      expect(found, name).toHaveLength(1);
      expect(found[0]!.origin).toBe('OUTREACH');
    }
    const wang = await discoverer.call('GET', `/api/cases/${(await casesNamed('桥下的王大爷'))[0]!.id}`);
    const site = wang.events.filter((e: { type: string }) => e.type === 'ADD_NOTE');
    expect(site).toHaveLength(1);
    expect(site[0].payload).toMatchObject({ kind: 'VISIT', place: { lat: 30.6571, lng: 104.0812 } });
    expect(site[0].attachments).toHaveLength(1);
    expect(wang.events[0].payload).toMatchObject({ origin: 'OUTREACH', discovererKind: 'GRID_WORKER' });
    const li = await discoverer.call('GET', `/api/cases/${cases['李爷爷']!.id}`);
    const liVisits = li.events.filter((e: { type: string }) => e.type === 'ADD_NOTE');
    expect(liVisits).toHaveLength(1);
    expect(liVisits[0].payload).toMatchObject({ kind: 'VISIT', text: '入户走访：老人精神尚可，需要助餐' });
    expect(liVisits[0].attachments).toHaveLength(1);
    const zhangBefore = await discoverer.call('GET', `/api/cases/${cases['张奶奶']!.id}`);
    expect(zhangBefore.events.filter((e: { type: string }) => e.type === 'ADD_NOTE')).toHaveLength(0);

    // The worker chooses to send the visit as a written note: it lands on the closed case, once.
    await page.getByTestId('send-as-note').click();
    await page.getByTestId('outbox-conflict').waitFor({ state: 'detached', timeout: 30_000 });
    await expect.poll(() => page.getByTestId('outbox-sent-item').count()).toBe(5);
    await shot(page, 'field-07-sent-as-note');
    const zhang = await discoverer.call('GET', `/api/cases/${cases['张奶奶']!.id}`);
    const notes = zhang.events.filter((e: { type: string }) => e.type === 'ADD_NOTE');
    expect(notes).toHaveLength(1);
    expect(notes[0].payload).toMatchObject({ kind: 'NOTE' });
    expect(notes[0].payload.text).toMatch(/^入户走访：老人说下周搬去女儿家\n（.+入户走访，离线记录/);
    expect(await page.getByTestId('outbox-waiting-item').count()).toBe(0);
    await page.goto(`${system.baseUrl}/#/field`);
    await expect.poll(() => waiting(page).textContent()).toMatch(/没有待发送的记录/);
  });
});
