import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiAs } from './api.ts';
import { browserProfiles, screenshotsDir, shot, signIn as signInAs } from './browser.ts';
import { startSystem, type RunningSystem } from './system.ts';

/**
 * Paperwork in Chromium against the whole system (issue 17 §4): a case's summary (申请审批表) and plan,
 * and the township's monthly aid ledger (月度救助台账), each on screen, as the print medium renders it
 * (toolbar gone) and saved as an A4 PDF — the identity numbers masked, the totals exact. The cases are
 * worked through the real API to delivery in the current (Beijing) month.
 */
let system: RunningSystem;
const profiles = browserProfiles();

/** An 18-character resident identity number with its GB 11643 check digit. */
function residentId(first17: string): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = weights.reduce((acc, w, i) => acc + w * Number(first17[i]), 0);
  return first17 + '10X98765432'[sum % 11];
}
const masked = (id: string) => `${id.slice(0, 4)}${'*'.repeat(id.length - 8)}${id.slice(-4)}`;

const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(Date.now());
const MONTH = today.slice(0, 7);
const PEOPLE = [
  { name: '蒋秀兰', idNumber: residentId('51010419580412002'), amounts: [1234.5, 0.3] },
  { name: '龙德明', idNumber: residentId('51010419490907001'), amounts: [800] },
];
let caseId: string;

beforeAll(async () => {
  system = await startSystem();
  const [station, caseworker, supervisor, partner] = await Promise.all(
    ['station', 'caseworker', 'supervisor', 'partner'].map((name) => apiAs(system.baseUrl, name)),
  );
  const [medical] = await caseworker!.call(
    'GET',
    `/api/resources?filter=${encodeURIComponent(JSON.stringify({ q: '大病医疗爱心援助' }))}`,
  );
  const me = await caseworker!.call('GET', '/api/auth/me');
  const partners: { id: string; name: string }[] = await caseworker!.call('GET', '/api/partners');
  const charity = partners.find((p) => p.name === '成都市慈善总会')!;
  for (const person of PEOPLE) {
    const { id } = await station!.call('POST', '/api/cases', {
      person: {
        name: person.name,
        idType: 'RESIDENT_ID',
        idNumber: person.idNumber,
        phone: `1390000${person.idNumber.slice(-4, -1)}1`,
        address: '水井坊街 8 号',
        hukou: 'CHENGDU',
        tags: ['SERIOUS_ILLNESS'],
      },
      confirmNotDuplicate: true,
      situation: '重病住院，医疗费用缺口大',
    });
    caseId ??= id;
    await caseworker!.work(id, 'SCREEN', { referrals: ['YILIAO'], outcome: 'RESIDUAL_NEED' });
    await caseworker!.work(id, 'ASSESS', {
      needs: [{ category: 'MEDICAL', severity: 'HIGH', description: '住院治疗费用缺口' }],
    });
    // The first person's plan item by item (§四(二)): who answers for each, by when; approved item by item.
    const items = [
      {
        id: randomUUID(),
        needCategory: 'MEDICAL',
        goal: '住院费用缺口得到解决',
        action: '申请大病医疗爱心援助',
        responsible: { kind: 'PARTNER', id: charity.id },
        targetDate: today,
      },
      {
        id: randomUUID(),
        needCategory: 'MEDICAL',
        goal: '出院后康复有人照看',
        action: '社工每月上门回访',
        responsible: { kind: 'UNIT', id: me.orgUnit.id },
        targetDate: today,
      },
    ];
    if (id === caseId) {
      await caseworker!.work(id, 'PLAN', { summary: '申请大病医疗爱心援助，社工每月回访', items });
      await supervisor!.work(id, 'APPROVE_PLAN', { items: items.map((item) => ({ itemId: item.id, approved: true })) });
    } else {
      await caseworker!.work(id, 'PLAN', { summary: '申请大病医疗爱心援助，社工每月回访' });
      await supervisor!.work(id, 'APPROVE_PLAN', { approved: true });
    }
    const total = person.amounts.reduce((a, b) => a + b, 0);
    const match = await caseworker!.call('POST', `/api/cases/${id}/matches`, {
      needIndex: 0,
      resourceId: medical.id,
      amount: Math.ceil(total),
    });
    await partner!.call('POST', `/api/matches/${match.id}/accept`);
    for (const amount of person.amounts)
      await partner!.call('POST', `/api/matches/${match.id}/deliveries`, {
        kind: 'MONEY',
        description: '住院费用补助',
        amount,
        deliveredOn: today,
      });
  }
}, 600_000);
afterAll(async () => {
  await profiles.closeAll();
  await system?.stop();
});

const signIn = async (page: Page, path: string) => {
  await signInAs(page, system.baseUrl, 'caseworker', path);
};

/** The page as paper: the print medium's rendering (screenshot), and the A4 PDF the browser saves; its page count. */
async function asPaper(page: Page, name: string) {
  await page.emulateMedia({ media: 'print' });
  expect(await page.locator('.print-toolbar').isVisible()).toBe(false);
  await shot(page, `${name}-print`);
  const path = join(screenshotsDir, `${name}.pdf`);
  await page.pdf({ path, format: 'A4', preferCSSPageSize: true, printBackground: true });
  await page.emulateMedia({ media: 'screen' });
  const pdf = readFileSync(path).toString('latin1');
  expect(pdf.startsWith('%PDF')).toBe(true);
  return (pdf.match(/\/Type\s*\/Page[^s]/g) ?? []).length;
}

/**
 * The fonts Chromium drew the paper's text with (DevTools' DOM.getPlatformFontsForNode), with how many
 * glyphs each drew: a character no installed font has would be drawn as a box by some other font, so
 * every font here must be a Chinese one, and it must draw the Chinese text.
 */
async function fontsDrawingPaper(page: Page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('DOM.enable');
  await cdp.send('CSS.enable');
  const { root } = await cdp.send('DOM.getDocument', { depth: -1 });
  const { nodeIds } = await cdp.send('DOM.querySelectorAll', { nodeId: root.nodeId, selector: '.paper, .paper *' });
  const glyphs = new Map<string, number>();
  for (const nodeId of nodeIds) {
    const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
    for (const font of fonts) glyphs.set(font.familyName, (glyphs.get(font.familyName) ?? 0) + font.glyphCount);
  }
  await cdp.detach();
  return glyphs;
}

async function expectChineseFonts(page: Page) {
  const glyphs = await fontsDrawingPaper(page);
  expect(
    [...glyphs.keys()].every((family) => /CJK|Source Han|Song|SimSun|YaHei|PingFang/.test(family)),
    [...glyphs.keys()].join(', '),
  ).toBe(true);
  expect([...glyphs.values()].reduce((a, b) => a + b, 0)).toBeGreaterThan(200);
}

describe('paperwork in a real browser (打印)', () => {
  it('案件摘要 / 申请审批表: from the case page’s 打印 menu, the identity number masked, an A4 PDF', async () => {
    const page = await profiles.newPage();
    await signIn(page, `/#/cases/${caseId}/show`);
    await page.getByRole('button', { name: '打印' }).click();
    await page.getByRole('menuitem', { name: '打印案件摘要（申请审批表）' }).click();
    const id = page.getByTestId('person-id');
    await id.waitFor();
    expect(await id.textContent()).toBe(masked(PEOPLE[0]!.idNumber));
    const body = (await page.locator('body').innerHTML()) + (await page.content());
    expect(body).not.toContain(PEOPLE[0]!.idNumber);
    await page.getByRole('heading', { name: '社会救助申请审批表（案件摘要）' }).waitFor();
    expect(await page.getByTestId('delivery-total').textContent()).toBe('1,234.80');
    for (const box of ['经办人意见及签字：', '审核人意见及签字：', '单位盖章：'])
      await page.getByText(box, { exact: true }).waitFor();
    await expectChineseFonts(page);
    await shot(page, 'print-case');
    const pages = await asPaper(page, 'print-case');
    expect(pages).toBeGreaterThanOrEqual(1);
    expect(pages).toBeLessThanOrEqual(3);

    await page.goto(`${system.baseUrl}/#/print/cases/${caseId}/plan`);
    await page.getByRole('heading', { name: '个性化关爱援助方案' }).waitFor();
    const item = page.getByRole('row', { name: /出院后康复有人照看/ });
    await item.waitFor();
    expect(await item.textContent()).toContain('社工每月上门回访');
    expect(await item.textContent()).toContain('同意');
    await page.getByRole('row', { name: /成都市慈善总会（合作机构）/ }).waitFor();
    expect(await page.getByTestId('person-id').textContent()).toBe(masked(PEOPLE[0]!.idNumber));
    await shot(page, 'print-plan');
    expect(await asPaper(page, 'print-plan')).toBe(1);

    // 返回 goes back to the case.
    await page.getByRole('link', { name: '返回' }).click();
    await page.waitForURL(new RegExp(`#/cases/${caseId}/show$`));
  });

  it('月度救助台账: from the match list’s 打印台账, masked numbers, subtotals and the exact total, A4 landscape', async () => {
    const page = await profiles.newPage();
    await signIn(page, '/#/matches');
    await page.getByRole('button', { name: '打印台账' }).click();
    await page.getByRole('menuitem', { name: '本月救助台账' }).click();
    const total = page.getByTestId('ledger-total');
    await total.waitFor();
    expect(await total.textContent()).toBe('2,034.80');
    await page
      .getByRole('heading', { name: `${Number(MONTH.slice(0, 4))}年${Number(MONTH.slice(5))}月救助台账` })
      .waitFor();
    for (const person of PEOPLE) {
      expect(await page.getByText(masked(person.idNumber), { exact: true }).count()).toBe(person.amounts.length);
      expect(await page.content()).not.toContain(person.idNumber);
    }
    await page.getByText('合计：2 个案件，3 笔').waitFor();
    // The table's header repeats on each printed page.
    expect(await page.locator('table.ledger thead').evaluate((el) => getComputedStyle(el).display)).toBe(
      'table-header-group',
    );
    await expectChineseFonts(page);
    await shot(page, 'print-ledger');
    expect(await asPaper(page, 'print-ledger')).toBe(1);
  });

  it('on a phone (375 px) the print view fits the screen, the toolbar on top', async () => {
    const page = await profiles.newPage({ mobile: true });
    await page.setViewportSize({ width: 375, height: 812 });
    await signIn(page, `/#/print/ledger?month=${MONTH}`);
    await page.getByTestId('ledger-total').waitFor();
    await page.getByRole('button', { name: '打印' }).waitFor();
    expect(
      await page.evaluate(() => document.querySelector('.paper')!.getBoundingClientRect().width),
    ).toBeLessThanOrEqual(375);
    // The wide ledger scrolls sideways inside the sheet rather than squeezing its columns.
    expect(await page.locator('.paper .scroll').evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
    await page.screenshot({ path: join(screenshotsDir, 'print-ledger-phone.png') });
  });
});
