import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

/** Debian's Chromium (apt package `chromium`), never a downloaded browser build. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const screenshotsDir = fileURLToPath(new URL('../test-results/screenshots', import.meta.url));

export async function launchBrowser({ mobile = false } = {}): Promise<BrowserContext> {
  mkdirSync(screenshotsDir, { recursive: true });
  // A fresh profile needs launchPersistentContext, not --user-data-dir.
  return chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'guanai-chromium-')), {
    executablePath: CHROMIUM,
    headless: true,
    locale: 'zh-CN',
    viewport: mobile ? { width: 390, height: 844 } : { width: 1280, height: 800 },
    ...(mobile ? { deviceScaleFactor: 2, isMobile: true, hasTouch: true } : {}),
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
}

/** A full-page screenshot in test-results/screenshots/<name>.png. */
export const shot = (page: Page, name: string) =>
  page.screenshot({ path: join(screenshotsDir, `${name}.png`), fullPage: true });

/**
 * Signs in through the sign-in page as a demo user (the seed's password), at `path` (a page of the
 * admin), and returns once the sign-in form is gone; the caller waits for what it expects to see.
 */
export async function signIn(page: Page, baseUrl: string, username: string, path = '/') {
  await page.goto(`${baseUrl}${path}`);
  await page.locator('input[name=username]').fill(username);
  await page.locator('input[name=password]').fill('Guanai@2026');
  await page.locator('button[type=submit]').click();
  await page.locator('input[name=password]').waitFor({ state: 'detached' });
}

/** The browsers a test file opens, each user in a profile of their own so sessions do not mix. */
export function browserProfiles() {
  const opened: BrowserContext[] = [];
  return {
    async newPage({ mobile = false } = {}): Promise<Page> {
      const browser = await launchBrowser({ mobile });
      opened.push(browser);
      return browser.pages()[0] ?? browser.newPage();
    },
    closeAll: () => Promise.all(opened.map((b) => b.close())),
  };
}
