import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, shot, signIn } from './browser.ts';
import { appShellCache, expectInstallable } from './pwa.ts';
import { startSystem, type RunningSystem } from './system.ts';

/**
 * The installable app (issue 16): on a phone, the admin's manifest and service worker make it
 * installable, and after one visit it opens with no network, still signed in.
 */
let system: RunningSystem;
const opened: Awaited<ReturnType<typeof launchBrowser>>[] = [];

beforeAll(async () => {
  system = await startSystem();
});
afterAll(async () => {
  await Promise.all(opened.map((browser) => browser.close()));
  await system?.stop();
});

describe('the installable app, in Chromium on a phone', () => {
  it('is installable, precaches only the app shell, and reopens offline signed in', async () => {
    const browser = await launchBrowser({ mobile: true }); // a fresh profile: no service worker yet
    opened.push(browser);
    const page = browser.pages()[0] ?? (await browser.newPage());
    await signIn(page, system.baseUrl, 'station');
    const appBar = page.locator('.RaAppBar-toolbar').first();
    await appBar.waitFor();

    expect(await expectInstallable(page, system.baseUrl)).toBe(`${system.baseUrl}/`);
    const shell = await appShellCache(page);
    expect(shell.entries).toContain('/index.html');
    expect(shell.entries).toContain('/manifest.webmanifest');
    expect(shell.entries.some((path) => /^\/assets\/main-.+\.js$/.test(path))).toBe(true);
    // Not the public pages nor their own entry scripts (a chunk they share with the admin may be there), no source
    // map, nothing of the API.
    expect(shell.entries.filter((path) => path.endsWith('.html'))).toEqual(['/index.html']);
    for (const other of ['/public.html', '/survey.html', '/apply.html']) {
      const html = await (await page.request.get(`${system.baseUrl}${other}`)).text();
      if (html.includes('rel="manifest"')) continue; // not built: the admin's page answers instead
      const scripts = [...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((m) => m[1]);
      expect(scripts.length, other).toBeGreaterThan(0);
      expect(
        shell.entries.filter((path) => scripts.includes(path)),
        other,
      ).toEqual([]);
    }
    expect(shell.entries.filter((path) => path.endsWith('.map') || path.startsWith('/api/'))).toEqual([]);
    expect(shell.bytes).toBeGreaterThan(100_000);
    await shot(page, 'pwa-01-installed');

    await browser.setOffline(true);
    await page.reload();
    await appBar.waitFor();
    expect(await page.locator('input[name=password]').count()).toBe(0); // not thrown out to sign in
    expect(await page.evaluate(() => navigator.onLine)).toBe(false);
    // Signed in as the last session the API confirmed (admin/src/providers/authProvider.ts), nothing more of it.
    const kept = await page.evaluate(() => JSON.parse(localStorage.getItem('guanai.session') ?? 'null'));
    expect(kept).toMatchObject({ role: 'STATION_WORKER', orgUnit: { name: '水井坊社区', level: 'COMMUNITY' } });
    expect(Object.keys(kept).sort()).toEqual(['can', 'displayName', 'id', 'orgUnit', 'role']);
    await shot(page, 'pwa-02-offline-reload');

    // Opened afresh from the home screen, still offline: a new tab at the manifest's start_url (the field home),
    // and an address the shell has no file for (navigateFallback answers with index.html).
    for (const [path, name] of [
      ['/#/field', 'pwa-03-offline-start-url'],
      ['/cases/from-a-link?utm_source=sms', 'pwa-04-offline-fallback'],
    ] as const) {
      const tab = await browser.newPage();
      await tab.goto(`${system.baseUrl}${path}`);
      await tab.locator('.RaAppBar-toolbar').first().waitFor();
      expect(await tab.locator('input[name=password]').count(), path).toBe(0);
      await shot(tab, name);
      await tab.close();
    }
    await browser.setOffline(false);
  });
});
