// A look at a running system's living demo, page by page, in Chromium: screenshots into
// test-results/screenshots/demo-*.png. Not a test (the demo's content is checked by
// api/src/test/demo.test.ts); run it against `npm start`:
//   node --import tsx admin/e2e/demo-tour.ts http://127.0.0.1:8080 [loading]
import type { Page } from 'playwright-core';
import { browserProfiles, shot, signIn } from './browser.ts';

const baseUrl = process.argv[2] ?? 'http://127.0.0.1:8080';
const profiles = browserProfiles();

/** Opens a page of the admin and waits for the network to settle before the screenshot. */
async function visit(page: Page, path: string, name: string) {
  await page.goto(`${baseUrl}/#${path}`);
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(1_500); // charts animate in
  await shot(page, name);
}

const loading = process.argv[3] === 'loading';

try {
  if (loading) {
    // While the demo loads: the banner, on a desktop and on a phone; the pages work meanwhile.
    for (const mobile of [false, true]) {
      const page = await profiles.newPage({ mobile });
      await signIn(page, baseUrl, 'supervisor');
      await page.getByTestId('demo-banner').waitFor();
      await visit(page, '/cases', mobile ? 'demo-loading-banner-phone' : 'demo-loading-banner');
    }
    process.exit(0);
  }
  const tour: { user: string; mobile?: boolean; pages: [string, string][] }[] = [
    {
      user: 'caseworker',
      pages: [
        ['/', 'demo-caseworker-home'],
        ['/tasks', 'demo-caseworker-inbox'],
        ['/cases', 'demo-caseworker-cases'],
      ],
    },
    { user: 'caseworker', mobile: true, pages: [['/', 'demo-caseworker-home-phone']] },
    {
      user: 'district.supervisor',
      pages: [
        ['/', 'demo-district-supervisor-home'],
        ['/board', 'demo-district-supervisor-board'],
        ['/sla', 'demo-district-supervisor-sla'],
      ],
    },
    { user: 'city.supervisor', pages: [['/board', 'demo-city-supervisor-board']] },
    {
      user: 'manager',
      pages: [
        ['/', 'demo-manager-home'],
        ['/kpis', 'demo-manager-kpis'],
      ],
    },
    { user: 'admin', pages: [['/sla', 'demo-admin-sla']] },
  ];
  for (const stop of tour) {
    const page = await profiles.newPage({ mobile: stop.mobile ?? false });
    await signIn(page, baseUrl, stop.user);
    for (const [path, name] of stop.pages) await visit(page, path, name);
  }
  // A demo case's page: its timeline with past times and the statechart.
  const page = await profiles.newPage();
  await signIn(page, baseUrl, 'city.supervisor');
  await page.goto(`${baseUrl}/#/cases`);
  await page.waitForLoadState('networkidle');
  await page.locator('table tbody tr').first().click();
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(1_500);
  await shot(page, 'demo-case-show');
  // The public disclosure pages: the published months.
  await page.goto(`${baseUrl}/public.html`);
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(1_000);
  await shot(page, 'demo-public-disclosure');
} finally {
  await profiles.closeAll();
}
