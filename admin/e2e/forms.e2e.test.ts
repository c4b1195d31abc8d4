import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiAs } from './api.ts';
import { join } from 'node:path';
import { browserProfiles, screenshotsDir, shot, signIn } from './browser.ts';
import { startSystem, type RunningSystem } from './system.ts';

/**
 * Versioned forms (issue 17), in Chromium against the whole system: an admin edits the assessment form
 * (a draft of version 2), adds a field shown only when the person has a carer, watches the live preview
 * and publishes; a caseworker on a phone fills in version 2 while completing an ASSESS task, and the
 * case page shows each answer with its own version (the screening answered with version 1).
 */
let system: RunningSystem;
const profiles = browserProfiles();
let caseId: string;
let assessTaskId: string;

beforeAll(async () => {
  system = await startSystem({ timeoutMs: 600_000 });
  const station = await apiAs(system.baseUrl, 'station');
  const caseworker = await apiAs(system.baseUrl, 'caseworker');
  caseId = (
    await station.call('POST', '/api/cases', {
      person: { name: '郑婆婆', hukou: 'CHENGDU' },
      situation: '独居老人，行动不便，女儿在外地',
    })
  ).id;
  // Screened through the API with version 1 of the city's screening form.
  const screening = await caseworker.call('GET', `/api/forms/current?kind=SCREENING&caseId=${caseId}`);
  const screenTasks = await caseworker.call(
    'GET',
    `/api/tasks?filter=${encodeURIComponent(JSON.stringify({ scope: 'unit', caseId, kind: 'SCREEN' }))}`,
  );
  await caseworker.call('POST', `/api/tasks/${encodeURIComponent(screenTasks[0].id)}/claim`);
  await caseworker.call('POST', `/api/tasks/${encodeURIComponent(screenTasks[0].id)}/complete`, {
    form: { referrals: ['YILIAO'], outcome: 'RESIDUAL_NEED' },
    answers: {
      definitionId: screening.id,
      values: { householdSize: 1, monthlyIncome: 1200, livingArrangement: 'ALONE', receivesAid: false },
    },
  });
  const assess = await caseworker.call(
    'GET',
    `/api/tasks?filter=${encodeURIComponent(JSON.stringify({ scope: 'unit', caseId, kind: 'ASSESS' }))}`,
  );
  assessTaskId = assess[0].id;
  await caseworker.call('POST', `/api/tasks/${encodeURIComponent(assessTaskId)}/claim`);
}, 900_000);
afterAll(async () => {
  await profiles.closeAll();
  await system?.stop();
});

/** Picks an option of a react-admin SelectInput by its source. */
async function choose(page: Page, source: string, option: string) {
  // MUI's select: the combobox beside the hidden input that carries the source as its name.
  await page.locator(`input[name="${source}"]`).locator('xpath=preceding-sibling::*[@role="combobox"]').click();
  await page.getByRole('option', { name: option, exact: true }).click();
  await page.getByRole('listbox').waitFor({ state: 'detached' });
}

describe('versioned forms', () => {
  it('an admin adds a conditional field to the assessment form, sees it in the live preview and publishes version 2', async () => {
    const page = await profiles.newPage();
    await signIn(page, system.baseUrl, 'admin', '/#/forms');
    await page.goto(`${system.baseUrl}/#/forms`);
    await page.getByRole('menuitem', { name: '表单定义' }).waitFor();
    await page.getByRole('row').filter({ hasText: '需求评估表' }).filter({ hasText: '第1版' }).click();
    await page.getByText('第1版').first().waitFor();
    await page.getByRole('link', { name: '新建草稿' }).click();
    await page.getByRole('button', { name: '新建草稿' }).click();

    // The editor, on a copy of version 1; section 2 (照料情况) gets a field.
    const fields = 'layout.sections.1.fields';
    await page.locator(`input[name="${fields}.0.name"]`).waitFor();
    expect(await page.locator(`input[name="${fields}.0.name"]`).inputValue()).toBe('hasCarer');
    await page.locator(`[class~="button-add-${fields}"]`).click();
    const added = `${fields}.3`;
    await page.locator(`input[name="${added}.name"]`).fill('careHours');
    await choose(page, `${added}.widget`, '数字');
    await page.locator(`input[name="${added}.label.zh"]`).fill('每周照料时长（小时）');
    await page.locator(`input[name="${added}.label.en"]`).fill('Hours of care a week');
    await page.locator(`input[name="${added}.help.zh"]`).fill('照料人每周实际照料的小时数');
    await choose(page, `${added}.visibleIf.field`, '是否有照料人（hasCarer）');
    await choose(page, `${added}.visibleIf.equals`, '是');

    // The live preview: the new field appears only when the person has a carer.
    const preview = page.getByTestId('form-preview');
    await preview.getByLabel('是否有照料人').waitFor();
    expect(await preview.getByLabel('每周照料时长（小时）').count()).toBe(0);
    await preview.getByLabel('是否有照料人').check();
    await preview.getByLabel('每周照料时长（小时）').waitFor();
    await expect.poll(() => preview.getByText('照料人每周实际照料的小时数').count()).toBe(1);
    await shot(page, 'forms-editor-preview');
    // The new field's editor and the preview side by side, as the admin sees them.
    await page.locator(`input[name="${added}.label.zh"]`).evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await page.screenshot({ path: join(screenshotsDir, 'forms-editor-field.png') });

    await page.getByRole('button', { name: '发布' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '确认' }).click();
    await page.getByText('已发布：需求评估表 第2版').waitFor();
    await page.getByText('第2版').first().waitFor();
    await shot(page, 'forms-published');
  });

  it('a caseworker on a phone fills in version 2 while completing the ASSESS task; the case shows each answer with its version', async () => {
    const page = await profiles.newPage({ mobile: true });
    const taskPath = `/#/tasks/${encodeURIComponent(assessTaskId)}/show`;
    await signIn(page, system.baseUrl, 'caseworker', taskPath);
    await page.goto(`${system.baseUrl}${taskPath}`);
    const form = page.getByTestId('defined-form');
    await form.waitFor();
    await page.getByText('需求评估表').first().waitFor();
    expect(await page.getByText('第2版').count()).toBeGreaterThan(0);

    await choose(page, 'answers.values.housing', '租住');
    await choose(page, 'answers.values.health', '慢性病');
    expect(await form.getByLabel('每周照料时长（小时）').count()).toBe(0);
    await form.getByLabel('是否有照料人').check();
    await form.getByLabel('照料人与本人关系').fill('女儿');
    await form.getByLabel('每周照料时长（小时）').fill('10');
    await shot(page, 'forms-phone-assess');
    await page.getByRole('button', { name: '提交' }).click();

    // The case page: the assessment with version 2, the screening with version 1.
    await page.waitForURL(/#\/cases\/.+\/show/);
    const answers = page.getByTestId('case-form-answers');
    await answers.waitFor();
    const assessment = page.getByTestId('form-answers-ASSESSMENT-2');
    await assessment.getByText('每周照料时长（小时）').waitFor();
    await assessment.getByText('10', { exact: true }).waitFor();
    await assessment.getByText('租住').waitFor();
    const screening = page.getByTestId('form-answers-SCREENING-1');
    await screening.getByText('独居').waitFor();
    await screening.getByText('第1版').waitFor();
    await answers.scrollIntoViewIfNeeded();
    await shot(page, 'forms-phone-case');
  });
});
