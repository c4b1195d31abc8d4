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
    await expect.poll(() => page.locator('.opblock').count(), { timeout: 20_000 }).toBe(operations);
    await shot(page, 'api-reference');

    // One operation opened: its bilingual summary, its request body schema and its responses.
    const open = page.locator('.opblock-post', { hasText: '/cases/{id}/notes' }).first();
    await open.locator('.opblock-summary').click();
    await open.getByText('Request body').waitFor();
    await expect.poll(() => open.locator('.responses-table').count()).toBeGreaterThan(0);
    await open.screenshot({ path: join(screenshotsDir, 'api-reference-operation.png') });

    const foreign = requests.filter((url) => !url.startsWith(system.baseUrl) && !url.startsWith('data:'));
    expect(foreign).toEqual([]);
  });
});
