import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiAs } from './api.ts';
import { browserProfiles, screenshotsDir, shot, signIn } from './browser.ts';
import { startSystem, type RunningSystem } from './system.ts';

let system: RunningSystem;
let caseId: string;
const profiles = browserProfiles();

beforeAll(async () => {
  system = await startSystem();
  // Through the real API: the station registers (the case goes on to screening), the township
  // caseworker screens it (residual need: to assessment) and assesses it (to drafting the plan).
  const station = await apiAs(system.baseUrl, 'station');
  const caseworker = await apiAs(system.baseUrl, 'caseworker');
  caseId = (
    await station.call('POST', '/api/cases', {
      person: { name: '王桂兰', hukou: 'CHENGDU' },
      situation: '独居老人，腿脚不便，需要照料',
    })
  ).id;
  await caseworker.work(caseId, 'SCREEN', { referrals: ['DIBAO'], outcome: 'RESIDUAL_NEED' });
  await caseworker.work(caseId, 'ASSESS', { needs: [{ category: 'CARE', severity: 'MEDIUM' }] });
});
afterAll(async () => {
  await profiles.closeAll();
  await system?.stop();
});

/** The case page's statechart, once ELK has laid it out. */
async function openStatechart(page: Page) {
  await signIn(page, system.baseUrl, 'caseworker', `/#/cases/${caseId}/show`);
  const section = page.locator('section[aria-label="状态图"]');
  const svg = section.getByRole('img', { name: '案件状态图：当前阶段 起草方案' });
  await svg.waitFor();
  return { section, svg };
}

async function expectMarked(svg: ReturnType<Page['locator']>) {
  const lit = svg.locator('[data-current]');
  expect(await lit.count()).toBe(1);
  expect(await lit.getAttribute('data-state-id')).toBe('case.open.working.planning.drafting');
  expect(await lit.textContent()).toBe('起草方案');
  const visited = await svg.locator('g[data-visited]').allTextContents();
  expect(visited).toEqual(expect.arrayContaining(['受理', '筛查', '需求评估', '起草方案']));
  expect(visited).not.toContain('资源对接');
  const taken = await svg
    .locator('path[data-taken]')
    .evaluateAll((paths) => paths.map((p) => p.getAttribute('data-edge')));
  expect(taken.sort()).toEqual(
    [
      'case.open.working.intake→case.open.working.screening:REGISTERED',
      'case.open.working.screening→case.open.working.assessment:SCREENED',
      'case.open.working.assessment→case.open.working.planning:ASSESSED',
    ].sort(),
  );
}

describe('the statechart on the case page, in a real browser', () => {
  it('on a desktop: the machine drawn, 起草方案 lit, the way here marked, the actions beside it', async () => {
    const page = await profiles.newPage();
    await page.setViewportSize({ width: 1366, height: 900 });
    const { section, svg } = await openStatechart(page);
    await expectMarked(svg);
    // What the caseworker may do now, as the API offers it, beside the chart.
    const now = section.getByRole('complementary', { name: '现在可以做' });
    await now.getByRole('button', { name: '上报上级中心' }).waitFor();
    await now.getByRole('link', { name: /^办理：制定援助方案/ }).waitFor();
    // The chart is drawn with a CJK font, not tofu: a state's text is as wide as ELK was told.
    const box = await svg.locator('[data-current] text').boundingBox();
    expect(box!.width).toBeGreaterThan(40);
    await section.screenshot({ path: join(screenshotsDir, 'statechart-1-desktop.png') });
    await section.getByRole('button', { name: '适合宽度' }).click();
    await page.mouse.move(0, 0); // the button's tooltip off the picture
    await page.getByRole('tooltip').waitFor({ state: 'hidden' });
    await section.screenshot({ path: join(screenshotsDir, 'statechart-2-desktop-fit.png') });
    await shot(page, 'statechart-3-desktop-page');
  });

  it('on a phone: the path in words, the actions first, the chart scrolled to the lit state', async () => {
    const page = await profiles.newPage({ mobile: true });
    const { section, svg } = await openStatechart(page);
    await expectMarked(svg);
    const path = section.getByLabel('已走路径');
    expect(await path.getByText(/./).allTextContents()).toEqual(
      expect.arrayContaining(['受理', '筛查', '需求评估', '起草方案']),
    );
    // The lit state is in view inside the scrolling chart, which stays within the phone's width.
    const viewport = section.getByTestId('statechart-viewport');
    const frame = (await viewport.boundingBox())!;
    expect(frame.width).toBeLessThanOrEqual(390);
    const lit = (await svg.locator('[data-current] rect').last().boundingBox())!;
    expect(lit.x).toBeGreaterThanOrEqual(frame.x);
    expect(lit.x + lit.width).toBeLessThanOrEqual(frame.x + frame.width);
    expect(lit.y).toBeGreaterThanOrEqual(frame.y);
    expect(lit.y + lit.height).toBeLessThanOrEqual(frame.y + frame.height);
    await section.screenshot({ path: join(screenshotsDir, 'statechart-4-phone.png') });
    await shot(page, 'statechart-5-phone-page');
  });
});
