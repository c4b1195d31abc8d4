import type { Kpis, TKpiTrend, TKpiUnit, TMe, TUnitKpis } from '@guanai/api/types';
import { configure, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { App } from '../../App.tsx';
import { listOf, orgUnits, server, signInAs, userAs } from '../../test/server.ts';
import { addMonths, lastMonth, thisMonth } from '../months.ts';

// This machine runs several suites at once: give the pages time to load before a query gives up.
configure({ asyncUtilTimeout: 5_000 });

const city: TMe['orgUnit'] = { id: 'city', code: '510100000000', name: '成都市', level: 'CITY' };
const manager = userAs('MANAGER', { orgUnit: city });
const cityUnit: TKpiUnit = { id: 'city', name: '成都市', level: 'CITY', path: '510100000000' };
const district = {
  id: 'd1',
  code: '510104000000',
  name: '锦江区',
  level: 'DISTRICT',
  parentId: 'city',
  parentName: '成都市',
  path: '510100000000.510104000000',
  children: 2,
  users: 2,
  createdAt: '2026-01-01T00:00:00Z',
};
const units = [...orgUnits, district];
const districtUnit: TKpiUnit = { id: 'd1', name: '锦江区', level: 'DISTRICT', path: district.path };

const figures = (period: string, over: Partial<Kpis> = {}): Kpis => ({
  period,
  cases: 12,
  firstResponseHours: 20,
  slaCompliance: 0.6667,
  tasksCompleted: 3,
  escalationRate: 0.25,
  resolutionRate: 0.5,
  reopenRate: null,
  costPerResolvedCase: 2250,
  satisfaction: 4.5,
  surveys: 2,
  supervisionScore: null,
  ...over,
});

beforeAll(() => {
  // jsdom has no layout: the charts' ResponsiveContainer only needs the observer to exist.
  globalThis.ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  } as unknown as typeof ResizeObserver;
});
afterEach(() => vi.restoreAllMocks());

/** The KPI routes answering for the city (or the district asked for), recording what was asked. */
function kpiApi(asked: URL[] = []) {
  server.use(
    http.get('*/api/org-units', ({ request }) => {
      const filter = JSON.parse(new URL(request.url).searchParams.get('filter') ?? '{}') as {
        level?: string;
        q?: string;
      };
      return listOf(
        'org-units',
        units.filter((u) => (!filter.level || u.level === filter.level) && (!filter.q || u.name.includes(filter.q))),
      );
    }),
    http.get('*/api/org-units/:id', ({ params }) => HttpResponse.json(units.find((u) => u.id === params.id))),
    http.get('*/api/kpis', ({ request }) => {
      const url = new URL(request.url);
      asked.push(url);
      const unit = url.searchParams.get('unitId') === 'd1' ? districtUnit : cityUnit;
      return HttpResponse.json({
        unit,
        ...figures(url.searchParams.get('period')!, unit.id === 'd1' ? { cases: 5 } : {}),
      } satisfies TUnitKpis);
    }),
    http.get('*/api/kpis/compare', ({ request }) => {
      const period = new URL(request.url).searchParams.get('period')!;
      return HttpResponse.json([
        { unit: cityUnit, ...figures(period) },
        { unit: districtUnit, ...figures(period, { cases: 5 }) },
      ] satisfies TUnitKpis[]);
    }),
    http.get('*/api/kpis/trend', ({ request }) => {
      const url = new URL(request.url);
      return HttpResponse.json({
        unit: cityUnit,
        months: [figures(url.searchParams.get('from')!), figures(url.searchParams.get('to')!, { cases: 7 })],
      } satisfies TKpiTrend);
    }),
  );
}

const card = (key: string) => document.querySelector<HTMLElement>(`[data-kpi="${key}"]`)!;

function renderAt(hash: string) {
  window.location.hash = hash;
  return render(<App />);
}

describe('绩效评价: the KPI dashboard', () => {
  it('shows each KPI as the API gives it, "—" where there is nothing to measure, for last month at the user’s own center', async () => {
    const asked: URL[] = [];
    signInAs(manager);
    kpiApi(asked);
    renderAt('#/kpis');
    expect(await screen.findByText(`成都市 · ${lastMonth()}`)).toBeTruthy();
    expect(asked[0]!.searchParams.get('period')).toBe(lastMonth());
    expect(asked[0]!.searchParams.has('unitId')).toBe(false); // the caller's own center
    expect(within(card('cases')).getByText('12')).toBeTruthy();
    expect(within(card('firstResponseHours')).getByText('20 小时')).toBeTruthy();
    expect(within(card('slaCompliance')).getByText('66.7%')).toBeTruthy();
    expect(within(card('slaCompliance')).getByText('本中心本月完成的 3 项任务中按时完成的比例')).toBeTruthy();
    expect(within(card('escalationRate')).getByText('25.0%')).toBeTruthy();
    expect(within(card('costPerResolvedCase')).getByText('¥2,250')).toBeTruthy();
    expect(within(card('satisfaction')).getByText('4.5 / 5')).toBeTruthy();
    expect(within(card('reopenRate')).getByText('—')).toBeTruthy();
    expect(within(card('supervisionScore')).getByText('—')).toBeTruthy();
    expect(within(card('supervisionScore')).getByText('督导评分')).toBeTruthy();
    // The charts (loaded on their own) name the figure they plot and the month compared.
    // The chart library is fetched on first use, which may take a while on a busy machine.
    expect(await screen.findByText(`下级中心对比（${lastMonth()}） · 新增个案`, {}, { timeout: 10_000 })).toBeTruthy();
    expect(screen.getByText('逐月趋势 · 新增个案')).toBeTruthy();
    expect(screen.queryByText('没有下级中心可以比较')).toBeNull(); // 锦江区 is below the city (jsdom cannot lay out the bars)
  });

  it('another center and month ask the API for that center and month', async () => {
    const asked: URL[] = [];
    signInAs(manager);
    kpiApi(asked);
    renderAt('#/kpis');
    await screen.findByText(`成都市 · ${lastMonth()}`);
    const picker = screen.getByRole('combobox', { name: '中心' });
    fireEvent.change(picker, { target: { value: '锦江' } });
    fireEvent.click(await screen.findByRole('option', { name: '锦江区 (510104000000)' }));
    expect(await screen.findByText(`锦江区 · ${lastMonth()}`)).toBeTruthy();
    expect(within(card('cases')).getByText('5')).toBeTruthy();
    const earlier = addMonths(lastMonth(), -1);
    fireEvent.change(screen.getByLabelText('月份'), { target: { value: earlier } });
    expect(await screen.findByText(`锦江区 · ${earlier}`)).toBeTruthy();
    expect(asked.at(-1)!.searchParams.get('unitId')).toBe('d1');
  });

  it('export downloads the trend’s CSV for the center and range, with the session cookie', async () => {
    const exported: { url: URL; credentials: string }[] = [];
    signInAs(manager);
    kpiApi();
    server.use(
      http.get('*/api/kpis/export', ({ request }) => {
        exported.push({ url: new URL(request.url), credentials: request.credentials });
        return new HttpResponse('\uFEFF中心,月份\n', {
          headers: {
            'Content-Type': 'text/csv; charset=utf-8',
            'Content-Disposition': 'attachment; filename="kpis-2026-05-2026-10.csv"',
          },
        });
      }),
    );
    const saved: string[] = [];
    URL.createObjectURL = vi.fn(() => 'blob:kpis');
    URL.revokeObjectURL = vi.fn();
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      saved.push(this.download);
    });
    renderAt('#/kpis');
    await screen.findByText(`成都市 · ${lastMonth()}`);
    fireEvent.click(screen.getByRole('button', { name: '导出 CSV' }));
    await waitFor(() => expect(saved).toEqual(['kpis-2026-05-2026-10.csv']));
    expect(exported).toHaveLength(1);
    expect(exported[0]!.url.pathname).toBe('/api/kpis/export');
    expect(Object.fromEntries(exported[0]!.url.searchParams)).toEqual({
      from: addMonths(thisMonth(), -5),
      to: thisMonth(),
    });
    expect(exported[0]!.credentials).toBe('include');
  });

  it('a manager publishes a month and is told it went out as a correction', async () => {
    const published: string[] = [];
    signInAs(manager);
    kpiApi();
    server.use(
      http.post('*/api/disclosures/:period/publish', ({ params }) => {
        published.push(String(params.period));
        return HttpResponse.json({ period: params.period, version: 2, kind: 'CORRECTION', rows: 4, suppressed: 1 });
      }),
    );
    renderAt('#/kpis');
    fireEvent.click(await screen.findByRole('button', { name: '发布公开信息' }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getByRole('button', { name: '发布' }));
    expect(await within(dialog).findByText(`已发布 ${lastMonth()} 的更正：第 2 版`)).toBeTruthy();
    expect(within(dialog).getByText('公开 4 条；因同一乡镇(街道)同类受助人数过少未公开 1 条')).toBeTruthy();
    expect(published).toEqual([lastMonth()]);
  });

  it('a manager scores a center for the month', async () => {
    const scored: unknown[] = [];
    signInAs(manager);
    kpiApi();
    server.use(
      http.post('*/api/supervision-scores', async ({ request }) => {
        scored.push(await request.json());
        return HttpResponse.json({ id: 's1' }, { status: 201 });
      }),
    );
    renderAt('#/kpis');
    fireEvent.click(await screen.findByRole('button', { name: '督导评分' }));
    const dialog = await screen.findByRole('dialog');
    const picker = within(dialog).getByRole('combobox', { name: '中心' });
    fireEvent.change(picker, { target: { value: '锦官驿' } });
    fireEvent.click(await screen.findByRole('option', { name: '锦官驿街道 (510104021000)' }));
    fireEvent.change(within(dialog).getByLabelText('评分（0–100） *'), { target: { value: '88' } });
    fireEvent.change(within(dialog).getByLabelText('评语'), { target: { value: '台账完整' } });
    fireEvent.click(within(dialog).getByRole('button', { name: '提交评分' }));
    await waitFor(() =>
      expect(scored).toEqual([{ period: lastMonth(), unitId: 't1', score: 88, comment: '台账完整' }]),
    );
    expect(await screen.findByText('已提交督导评分')).toBeTruthy();
  });

  it('a manager scores a purchased-service contract, seeing its self-reports; the center picked before is not sent', async () => {
    const scored: unknown[] = [];
    const service = {
      id: '0d9c1b2a-0000-4000-8000-000000000031',
      name: '困境儿童社工个案服务',
      kind: 'PURCHASED_SERVICE',
    };
    signInAs(manager);
    kpiApi();
    server.use(
      http.get('*/api/resources', () => listOf('resources', [service])),
      http.get('*/api/resources/:id', () => HttpResponse.json(service)),
      http.get('*/api/resources/:id/evaluations', () =>
        HttpResponse.json({
          selfReports: [
            {
              id: 'sr1',
              period: lastMonth(),
              served: 12,
              hours: 96,
              spent: 18000,
              narrative: '本月完成困境儿童个案12例',
              score: 85,
            },
          ],
          supervision: [],
        }),
      ),
      http.post('*/api/supervision-scores', async ({ request }) => {
        scored.push(await request.json());
        return HttpResponse.json({ id: 's2' }, { status: 201 });
      }),
    );
    renderAt('#/kpis');
    fireEvent.click(await screen.findByRole('button', { name: '督导评分' }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.change(within(dialog).getByRole('combobox', { name: '中心' }), { target: { value: '锦官驿' } });
    fireEvent.click(await screen.findByRole('option', { name: '锦官驿街道 (510104021000)' }));
    fireEvent.click(within(dialog).getByLabelText('政府购买服务项目'));
    const contract = await within(dialog).findByRole('combobox', { name: /政府购买服务项目/ });
    fireEvent.focus(contract);
    fireEvent.change(contract, { target: { value: '困境' } });
    fireEvent.click(await screen.findByRole('option', { name: '困境儿童社工个案服务' }));
    expect(await within(dialog).findByText(`自评 ${lastMonth()}：服务 12 人，自评 85 分`)).toBeTruthy();
    fireEvent.change(within(dialog).getByLabelText('评分（0–100） *'), { target: { value: '90' } });
    fireEvent.click(within(dialog).getByRole('button', { name: '提交评分' }));
    await waitFor(() => expect(scored).toEqual([{ period: lastMonth(), resourceId: service.id, score: 90 }]));
  });

  it('a supervisor sees the KPIs and the export, but neither scores nor publishes', async () => {
    signInAs(userAs('SUPERVISOR'));
    kpiApi();
    renderAt('#/kpis');
    await screen.findByText(`成都市 · ${lastMonth()}`);
    expect(screen.getByRole('button', { name: '导出 CSV' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: '督导评分' })).toBeNull();
    expect(screen.queryByRole('button', { name: '发布公开信息' })).toBeNull();
  });
});
