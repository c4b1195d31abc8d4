import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserProfiles, screenshotsDir, shot } from './browser.ts';
import { startSystem, type RunningSystem } from './system.ts';

let system: RunningSystem;
const profiles = browserProfiles();

beforeAll(async () => {
  system = await startSystem();
});
afterAll(async () => {
  await profiles.closeAll();
  await system?.stop();
});

/** Every request the page makes, to prove nothing comes from anywhere but the system itself. */
function requestsOf(page: Page) {
  const urls: string[] = [];
  page.on('request', (request) => urls.push(request.url()));
  return urls;
}

describe('the API reference page (/api/docs), in a real browser', () => {
  it('renders every operation of GET /api/openapi.json from the system itself, with its schemas', async () => {
    const document = (await (await fetch(`${system.baseUrl}/api/openapi.json`)).json()) as {
      paths: Record<string, Record<string, unknown>>;
    };
    const operations = Object.values(document.paths).reduce((n, methods) => n + Object.keys(methods).length, 0);
    expect(operations).toBeGreaterThan(90);

    const page = await profiles.newPage();
    const requests = requestsOf(page);
    await page.goto(`${system.baseUrl}/api/docs`);
    await page.getByText('关爱援助 Guanai API').first().waitFor();
    // Tags start folded (docExpansion none); each opened in turn shows its operations, every one once.
    const tags = new Set(
      Object.values(document.paths).flatMap((methods) =>
        Object.values(methods).flatMap((op) => (op as { tags: string[] }).tags),
      ),
    );
    await expect.poll(() => page.locator('.opblock-tag').count(), { timeout: 20_000 }).toBe(tags.size);
    await shot(page, 'api-reference');
    let seen = 0;
    for (let i = 0; i < tags.size; i++) {
      const section = page.locator('.opblock-tag-section').nth(i);
      await section.locator('.opblock-tag').click();
      await expect.poll(() => section.locator('.opblock').count()).toBeGreaterThan(0);
      seen += await section.locator('.opblock').count();
      await section.locator('.opblock-tag').click();
    }
    expect(seen).toBe(operations);

    // One operation opened: its bilingual summary, its request body schema and its responses.
    await page
      .locator('.opblock-tag', { hasText: /^cases/ })
      .first()
      .click();
    const open = page.locator('.opblock-post', { hasText: '/cases/{id}/notes' }).first();
    await open.locator('.opblock-summary').click();
    await open.getByText('Request body').waitFor();
    await expect.poll(() => open.locator('.responses-table').count()).toBeGreaterThan(0);
    await open.screenshot({ path: join(screenshotsDir, 'api-reference-operation.png') });

    const foreign = requests.filter((url) => !url.startsWith(system.baseUrl) && !url.startsWith('data:'));
    expect(foreign).toEqual([]);
  });
});
