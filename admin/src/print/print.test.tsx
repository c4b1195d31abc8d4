import { configure, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from '../App.tsx';
import { caseInScreening } from '../cases/test-fixtures.ts';
import { staffMatch } from '../matching/test-fixtures.ts';
import { listOf, server } from '../test/server.ts';
import { beijingMonth } from '../exports/ExportMenu.tsx';
import { casePaper, octoberLedger } from './test-fixtures.ts';

// The whole app renders for each test: give it time to sign in and fetch.
configure({ asyncUtilTimeout: 20_000 });
afterEach(() => vi.restoreAllMocks());

/** A full identity number (18 characters, the last a digit or X) anywhere in the page. */
const FULL_ID = /\d{17}[\dXx]/;

/** Answers the ledger, recording each filter asked for. */
function serveLedger(ledger = octoberLedger) {
  const asked: unknown[] = [];
  server.use(
    http.get('*/api/deliveries', ({ request }) => {
      asked.push(JSON.parse(new URL(request.url).searchParams.get('filter') ?? 'null'));
      return HttpResponse.json(ledger);
    }),
  );
  return asked;
}

describe('月度救助台账 (the monthly ledger to print)', () => {
  it('a unit’s month: rows by case with masked numbers, each case’s subtotal and the exact total', async () => {
    const asked = serveLedger();
    window.location.hash = '#/print/ledger?unitId=t1&month=2026-10';
    render(<App />);
    const total = await screen.findByTestId('ledger-total');
    expect(total.textContent).toBe('2,034.80');
    expect(asked).toEqual([{ month: '2026-10', unitId: 't1' }]);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('2026年10月救助台账');
    expect(screen.getByText('填报单位：锦官驿街道（510104021000）')).toBeTruthy();
    expect(screen.getByTestId('subtotal-GA-2026-000008').textContent).toBe('1,234.80');
    expect(screen.getByTestId('subtotal-GA-2026-000009').textContent).toBe('800.00');
    expect(screen.getByText('小计：GA-2026-000008 陈大爷（2 笔）')).toBeTruthy();
    expect(screen.getByText('合计：2 个案件，4 笔')).toBeTruthy();
    // Rows in order, each subtotal after its case's rows; the header is a thead (repeated on each printed page).
    const table = document.querySelector('table.ledger')!;
    expect(table.querySelector('thead')?.textContent).toContain('证件号码');
    const rows = [...table.querySelectorAll('tbody tr')].map((tr) => tr.querySelector('td')!.textContent);
    expect(rows).toEqual([
      '1',
      '2',
      '小计：GA-2026-000008 陈大爷（2 笔）',
      '3',
      '4',
      '小计：GA-2026-000009 黄秀英（2 笔）',
      '合计：2 个案件，4 笔',
    ]);
    expect(within(table as HTMLElement).getAllByText('5101**********1234')).toHaveLength(2);
    // The service's hours: its row, its case's subtotal, the total.
    expect(within(table as HTMLElement).getAllByText('2.5 小时')).toHaveLength(3);
    expect(document.body.textContent).not.toMatch(FULL_ID);
    // The style sheet: A4 (landscape for the wide ledger), 15 mm margins, the toolbar hidden on paper, Chinese fonts.
    const css = document.querySelector('.print-root style')!.textContent!;
    expect(css).toContain('size: A4 landscape');
    expect(css).toContain('margin: 15mm');
    expect(css).toMatch(/@media print \{[^]*\.print-toolbar \{ display: none/);
    expect(css).toContain('"Noto Serif CJK SC", "Source Han Serif SC", "Songti SC", SimSun');
    expect(css).not.toMatch(/url\(|@import|@font-face/);
    expect(document.title).toBe('救助台账-锦官驿街道-2026-10');
  });

  it('打印 opens the browser’s print dialog; 返回 goes back to the match list', async () => {
    serveLedger();
    const print = vi.spyOn(window, 'print').mockImplementation(() => {});
    server.use(http.get('*/api/matches', () => listOf('matches', [staffMatch])));
    window.location.hash = '#/print/ledger?unitId=t1&month=2026-10';
    render(<App />);
    await screen.findByTestId('ledger-total');
    fireEvent.click(screen.getByRole('button', { name: '打印' }));
    expect(print).toHaveBeenCalledOnce();
    fireEvent.click(screen.getByRole('link', { name: '返回' }));
    expect(await screen.findByText(staffMatch.caseNo)).toBeTruthy();
  });

  it('without a unit in the address: my own unit’s, read once; a partner’s ledger has no identity numbers', async () => {
    const asked = serveLedger({
      ...octoberLedger,
      rows: octoberLedger.rows.map((r) => ({ ...r, personIdMasked: null, caseId: null })),
    });
    window.location.hash = '#/print/ledger?month=2026-10';
    render(<App />);
    await screen.findByTestId('ledger-total');
    expect(screen.queryByText(/\*{4}/)).toBeNull();
    expect(screen.getByText('合计：2 个案件，4 笔')).toBeTruthy();
    expect(asked).toEqual([{ month: '2026-10', unitId: 't1' }]);
  });

  it('a month with nothing given says so, and totals 0.00', async () => {
    serveLedger({ ...octoberLedger, rows: [], cases: [], total: { deliveries: 0, amount: '0.00', hours: '0' } });
    window.location.hash = '#/print/ledger?unitId=t1&month=2026-10';
    render(<App />);
    expect((await screen.findByTestId('ledger-total')).textContent).toBe('0.00');
    expect(screen.getByText('本月无发放记录。')).toBeTruthy();
  });

  it('打印台账 on the match list opens this month’s ledger of my unit', async () => {
    const asked = serveLedger();
    server.use(http.get('*/api/matches', () => listOf('matches', [staffMatch])));
    window.location.hash = '#/matches';
    render(<App />);
    await screen.findByText(staffMatch.caseNo);
    fireEvent.click(screen.getByRole('button', { name: '打印台账' }));
    fireEvent.click(await screen.findByRole('menuitem', { name: '本月救助台账' }));
    await screen.findByTestId('ledger-total');
    expect(asked).toEqual([{ month: beijingMonth(0), unitId: 't1' }]);
  });
});

describe('案件摘要 / 申请审批表 and the plan, to print', () => {
  it('the person with the masked identity number and phone, never a full number, and the form’s boxes', async () => {
    server.use(http.get('*/api/cases/:id/paperwork', () => HttpResponse.json(casePaper())));
    window.location.hash = '#/print/cases/case-8';
    render(<App />);
    expect((await screen.findByTestId('person-id')).textContent).toBe('5101**********1234');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('社会救助申请审批表（案件摘要）');
    expect(screen.getByText('成都市社会关爱援助 · 锦官驿街道')).toBeTruthy();
    expect(screen.getByText('案件编号：GA-2026-000008')).toBeTruthy();
    expect(screen.getByText('139****9001')).toBeTruthy();
    expect(screen.getByText('5101**********5678')).toBeTruthy();
    expect(screen.getByText('最低生活保障')).toBeTruthy();
    expect(screen.getByText('住院费用')).toBeTruthy();
    expect(screen.getByText('社区无力解决')).toBeTruthy();
    expect(screen.getByTestId('delivery-total').textContent).toBe('1,234.80');
    for (const box of ['经办人意见及签字：', '审核人意见及签字：', '单位盖章：'])
      expect(screen.getByText(box)).toBeTruthy();
    expect(document.body.textContent).not.toMatch(FULL_ID);
    expect(document.body.innerHTML).not.toMatch(FULL_ID);
    expect(document.querySelector('.print-root style')!.textContent).toMatch(/size: A4;/);
  });

  it('the plan item by item when it is structured, with decisions and outcomes', async () => {
    const paper = casePaper();
    server.use(
      http.get('*/api/cases/:id/paperwork', () =>
        HttpResponse.json({
          ...paper,
          plan: {
            ...paper.plan!,
            items: [
              {
                id: 'i1',
                needCategory: 'MEDICAL',
                goal: '住院费用有着落',
                action: '申请大病医疗爱心援助',
                responsible: { kind: 'PARTNER', id: 'p1', name: '成都市慈善总会' },
                targetDate: '2026-10-31',
                decision: { approved: true, at: '2026-03-05T02:00:00Z', by: 'u-sup' },
                outcome: { outcome: 'PARTLY', note: '已报销一半', at: '2026-11-01T02:00:00Z', by: 'u-cw' },
              },
            ],
          },
        }),
      ),
    );
    window.location.hash = '#/print/cases/case-8/plan';
    render(<App />);
    expect((await screen.findByTestId('person-id')).textContent).toBe('5101**********1234');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('个性化关爱援助方案');
    const row = screen.getByText('住院费用有着落').closest('tr')!;
    expect([...row.querySelectorAll('td')].map((td) => td.textContent)).toEqual([
      '1',
      '医疗',
      '住院费用有着落',
      '申请大病医疗爱心援助',
      '成都市慈善总会（合作机构）',
      '2026-10-31',
      '同意',
      '部分达成：已报销一半',
    ]);
    expect(screen.getByText(/已批准\s主任 李芳\s2026-03-05/)).toBeTruthy();
  });

  it('a plan without items prints its summary; the case page’s 打印 menu opens both', async () => {
    server.use(
      http.get('*/api/cases/:id', () => HttpResponse.json(caseInScreening())),
      http.get('*/api/cases/:id/paperwork', () => HttpResponse.json(casePaper())),
    );
    window.location.hash = '#/cases/case-8/show';
    render(<App />);
    fireEvent.click(await screen.findByRole('button', { name: '打印' }));
    fireEvent.click(await screen.findByRole('menuitem', { name: '打印援助方案' }));
    expect(await screen.findByText('医疗救助并申请慈善援助')).toBeTruthy();
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('个性化关爱援助方案');
    await waitFor(() => expect(window.location.hash).toBe('#/print/cases/case-8/plan'));
  });
});
