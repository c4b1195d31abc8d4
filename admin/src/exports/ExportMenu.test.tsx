import { configure, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from '../App.tsx';
import { caseInScreening } from '../cases/test-fixtures.ts';
import { staffMatch } from '../matching/test-fixtures.ts';
import { listOf, server, signInAs, userAs } from '../test/server.ts';
import { beijingMonth } from './ExportMenu.tsx';

// The whole app renders for each test: give a loaded machine time to sign in and fetch.
configure({ asyncUtilTimeout: 5000 });
afterEach(() => vi.restoreAllMocks());

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

interface Asked {
  path: string;
  filter: unknown;
  sort: unknown;
  format: string | null;
  accept: string | null;
}

/** Every export the page asks for, answered with a file of the format asked (or the given problem). */
function recordExports(problem?: { status: number; detail: string }) {
  const asked: Asked[] = [];
  const answer = ({ request }: { request: Request }) => {
    const url = new URL(request.url);
    const params = url.searchParams;
    asked.push({
      path: url.pathname,
      filter: JSON.parse(params.get('filter') ?? 'null'),
      sort: JSON.parse(params.get('sort') ?? 'null'),
      format: params.get('format'),
      accept: request.headers.get('Accept'),
    });
    if (problem)
      return HttpResponse.json(
        { type: 'urn:guanai:problem:export-too-large', title: 'Invalid request', ...problem },
        { status: problem.status, headers: { 'Content-Type': 'application/problem+json' } },
      );
    const xlsx = params.get('format') === 'xlsx';
    const name = url.pathname.split('/')[2];
    return new HttpResponse(xlsx ? 'PK' : '\uFEFF案件编号\n', {
      headers: {
        'Content-Type': xlsx ? XLSX : 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="${name}-510104021000-2026-11-30.${xlsx ? 'xlsx' : 'csv'}"`,
      },
    });
  };
  server.use(
    http.get('*/api/cases/export', answer),
    http.get('*/api/matches/export', answer),
    http.get('*/api/deliveries/export', answer),
  );
  return asked;
}

/** The files the page saves (their names), without a real download. */
function recordSaves() {
  const saved: string[] = [];
  URL.createObjectURL = vi.fn(() => 'blob:export');
  URL.revokeObjectURL = vi.fn();
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    saved.push(this.download);
  });
  return saved;
}

/** Opens the export menu; its items, apart from the sidebar's. */
async function openExportMenu() {
  const button = await screen.findByRole('button', { name: '导出' });
  fireEvent.click(button);
  await waitFor(() => expect(button.getAttribute('aria-controls')).toBeTruthy());
  return within(document.getElementById(button.getAttribute('aria-controls')!)!);
}

describe('the export menu (导出)', () => {
  it('on the case list: CSV or Excel of the list as it is searched and sorted', async () => {
    const asked = recordExports();
    const saved = recordSaves();
    server.use(http.get('*/api/cases', () => listOf('cases', [caseInScreening()])));
    window.location.hash = `#/cases?filter=${encodeURIComponent(JSON.stringify({ q: '张' }))}`;
    render(<App />);
    await screen.findByText('GA-2026-000008');
    fireEvent.click(await (await openExportMenu()).findByRole('menuitem', { name: 'Excel 表格（.xlsx）' }));
    await waitFor(() => expect(saved).toEqual(['cases-510104021000-2026-11-30.xlsx']));
    expect(asked).toEqual([
      { path: '/api/cases/export', filter: { q: '张' }, sort: ['createdAt', 'DESC'], format: 'xlsx', accept: XLSX },
    ]);
    expect(await screen.findByText('已导出当前列表')).toBeTruthy();

    await waitFor(() => expect(screen.queryByRole('menuitem', { name: 'CSV 文件' })).toBeNull());
    fireEvent.click(await (await openExportMenu()).findByRole('menuitem', { name: 'CSV 文件' }));
    await waitFor(() => expect(saved).toHaveLength(2));
    expect(saved[1]).toBe('cases-510104021000-2026-11-30.csv');
    expect(asked[1]).toMatchObject({ format: 'csv', accept: 'text/csv' });
  });

  it('a list too long to export shows the API’s reason (narrow the filter), and saves nothing', async () => {
    const detail = 'filter: the list holds 12000 rows, more than the 10000 an export may hold; narrow the filter';
    recordExports({ status: 422, detail });
    const saved = recordSaves();
    server.use(http.get('*/api/cases', () => listOf('cases', [caseInScreening()])));
    window.location.hash = '#/cases';
    render(<App />);
    await screen.findByText('GA-2026-000008');
    fireEvent.click(await (await openExportMenu()).findByRole('menuitem', { name: 'CSV 文件' }));
    expect(await screen.findByText(/列表超过导出上限（10,000 行），请缩小筛选范围.*narrow the filter/)).toBeTruthy();
    expect(saved).toEqual([]);
  });

  it('on the match list: the list, and this or last month’s aid ledger with the list’s filter', async () => {
    const asked = recordExports();
    const saved = recordSaves();
    server.use(http.get('*/api/matches', () => listOf('matches', [staffMatch])));
    window.location.hash = `#/matches?filter=${encodeURIComponent(JSON.stringify({ status: 'ACCEPTED' }))}`;
    render(<App />);
    await screen.findByText(staffMatch.caseNo);
    const menu = await openExportMenu();
    const items = (await menu.findAllByRole('menuitem')).map((item) => item.textContent);
    expect(items).toEqual([
      '对接列表 · CSV 文件',
      '对接列表 · Excel 表格（.xlsx）',
      '本月救助台账 · CSV 文件',
      '本月救助台账 · Excel 表格（.xlsx）',
      '上月救助台账 · CSV 文件',
      '上月救助台账 · Excel 表格（.xlsx）',
    ]);
    fireEvent.click(menu.getByRole('menuitem', { name: '上月救助台账 · Excel 表格（.xlsx）' }));
    await waitFor(() => expect(saved).toEqual(['deliveries-510104021000-2026-11-30.xlsx']));
    expect(asked).toEqual([
      {
        path: '/api/deliveries/export',
        filter: { status: 'ACCEPTED', month: beijingMonth(-1) },
        sort: null,
        format: 'xlsx',
        accept: XLSX,
      },
    ]);
    await waitFor(() => expect(screen.queryByRole('menuitem', { name: '对接列表 · CSV 文件' })).toBeNull());
    fireEvent.click(await (await openExportMenu()).findByRole('menuitem', { name: '对接列表 · CSV 文件' }));
    await waitFor(() => expect(asked).toHaveLength(2));
    expect(asked[1]).toMatchObject({ path: '/api/matches/export', filter: { status: 'ACCEPTED' }, format: 'csv' });
  });

  it('is hidden from a role the API would refuse: an admin sees no export of the match list', async () => {
    signInAs(userAs('ADMIN'));
    server.use(http.get('*/api/matches', () => listOf('matches', [staffMatch])));
    window.location.hash = '#/matches';
    render(<App />);
    await screen.findByText(staffMatch.caseNo);
    expect(screen.queryByRole('button', { name: '导出' })).toBeNull();
  });

  it('a month of the Beijing calendar: this month and the one before, across a year', () => {
    // 2026-01-01 02:00 in Beijing is still 2025-12-31 in UTC.
    const newYear = Date.parse('2025-12-31T18:00:00Z');
    expect([beijingMonth(0, newYear), beijingMonth(-1, newYear)]).toEqual(['2026-01', '2025-12']);
  });
});
