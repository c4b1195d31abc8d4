import type { Kpis, THome, THomeMap, TMapArea } from '@guanai/api/types';
import { configure, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it, vi } from 'vitest';
import { App } from '../App.tsx';
import { listOf, server, signInAs, userAs } from '../test/server.ts';

configure({ asyncUtilTimeout: 5_000 });

// jsdom has no canvas: the ECharts map is replaced by a list of its districts (the browser tests draw the real one).
vi.mock('./map/DistrictMap.tsx', () => ({
  default: ({ map, onSelect }: { map: THomeMap; onSelect: (code: string) => void }) => (
    <div data-testid="district-map">
      {map.areas.map((a) => (
        <button key={a.code} type="button" onClick={() => onSelect(a.code)}>
          map:{a.name}
        </button>
      ))}
    </div>
  ),
}));

const href = (filter: Record<string, unknown>, to = 'tasks') =>
  `#/${to}?filter=${encodeURIComponent(JSON.stringify(filter))}`;
const linkOf = (name: string | RegExp) => screen.getByRole('link', { name }).getAttribute('href');

function answer(home: THome, seen: string[] = []) {
  server.use(
    http.get('*/api/home', () => HttpResponse.json(home)),
    http.post('*/api/home/seen', () => {
      seen.push('seen');
      return HttpResponse.json({ seenAt: new Date().toISOString() });
    }),
  );
}

function renderHome() {
  window.location.hash = '#/';
  return render(<App />);
}

/** Nothing in English on a Chinese page: no run of three Latin letters (codes such as GA-2026 have none). */
const expectNoEnglish = () =>
  expect(document.querySelector<HTMLElement>('[data-home]')!.textContent ?? '').not.toMatch(/[A-Za-z]{3,}/);

const kpis = (period: string, over: Partial<Kpis> = {}): Kpis => ({
  period,
  cases: 12,
  firstResponseHours: 20,
  slaCompliance: 0.5,
  tasksCompleted: 4,
  escalationRate: 0.25,
  resolutionRate: 0.75,
  reopenRate: null,
  costPerResolvedCase: null,
  satisfaction: null,
  surveys: 0,
  supervisionScore: null,
  ...over,
});

const area = (code: string, name: string, open: number): TMapArea => ({
  id: `u-${code}`,
  code,
  name,
  open,
  openTasks: 10,
  overdueTasks: 2,
  overdueRate: 0.2,
  closed: 4,
  resolved: 3,
  resolutionRate: 0.75,
  value: open,
  link: { to: 'cases', filter: { status: 'OPEN', unitId: `u-${code}` } },
});

describe('首页: each role’s home page', () => {
  it('caseworker: my tasks due today, overdue, emergency, the unclaimed queue, each a link; opening the changed cases marks them seen', async () => {
    const seen: string[] = [];
    signInAs(userAs('CASEWORKER'));
    answer(
      {
        kind: 'caseworker',
        unit: { id: 't1', name: '锦官驿街道', level: 'TOWNSHIP' },
        dueToday: { value: 3, link: { to: 'tasks', filter: { scope: 'mine', dueToday: true } } },
        overdue: { value: 2, link: { to: 'tasks', filter: { scope: 'mine', overdue: true } } },
        emergency: { value: 1, link: { to: 'tasks', filter: { scope: 'mine', emergency: true } } },
        unclaimed: { value: 7, link: { to: 'tasks', filter: { scope: 'unit', unassigned: true } } },
        changed: {
          value: 4,
          since: '2026-11-29T02:00:00.000Z',
          link: { to: 'cases', filter: { changedSince: '2026-11-29T02:00:00.000Z' } },
        },
      },
      seen,
    );
    server.use(http.get('*/api/cases', () => listOf('cases', [])));
    renderHome();
    expect(await screen.findByRole('link', { name: '今日到期 3' })).toBeTruthy();
    expect(linkOf('今日到期 3')).toBe(href({ scope: 'mine', dueToday: true }));
    expect(linkOf('已超期 2')).toBe(href({ scope: 'mine', overdue: true }));
    expect(linkOf('急难案件任务 1')).toBe(href({ scope: 'mine', emergency: true }));
    expect(linkOf('本单位待领取 7')).toBe(href({ scope: 'unit', unassigned: true }));
    expect(linkOf('上次查看后有变化的个案 4')).toBe(href({ changedSince: '2026-11-29T02:00:00.000Z' }, 'cases'));
    expectNoEnglish();
    fireEvent.click(screen.getByRole('link', { name: '上次查看后有变化的个案 4' }));
    await waitFor(() => expect(seen).toEqual(['seen']));
  });

  it('supervisor: approvals, escalations, returned cases and the team, each number a link', async () => {
    signInAs(userAs('SUPERVISOR'));
    const f = (value: number, filter: Record<string, string | boolean>) => ({
      value,
      link: { to: 'tasks' as const, filter },
    });
    answer({
      kind: 'supervisor',
      unit: { id: 't1', name: '锦官驿街道', level: 'TOWNSHIP' },
      team: [
        {
          userId: 'u-cw',
          name: '社工 张伟',
          role: 'CASEWORKER',
          open: f(5, { scope: 'unit', assigneeId: 'u-cw' }),
          overdue: f(2, { scope: 'unit', assigneeId: 'u-cw', overdue: true }),
        },
      ],
      unclaimed: f(6, { scope: 'unit', unassigned: true }),
      unitOverdue: f(3, { scope: 'unit', overdue: true }),
      planApprovals: f(2, { scope: 'unit', kind: 'APPROVE_PLAN', tier: 'TOWNSHIP' }),
      closureApprovals: f(1, { scope: 'unit', kind: 'APPROVE_CLOSURE', tier: 'TOWNSHIP' }),
      escalations: { value: 4, link: { to: 'board' } },
      returned: { value: 1, link: { to: 'cases', filter: { status: 'OPEN', returned: true } } },
    });
    renderHome();
    expect(await screen.findByRole('link', { name: '待审批方案 2' })).toBeTruthy();
    expect(linkOf('待审批方案 2')).toBe(href({ scope: 'unit', kind: 'APPROVE_PLAN', tier: 'TOWNSHIP' }));
    expect(linkOf('待本单位受理的上报 4')).toBe('#/board');
    expect(linkOf('上报被退回（附指导意见） 1')).toBe(href({ status: 'OPEN', returned: true }, 'cases'));
    const team = screen.getByRole('table', { name: '团队' });
    expect(within(team).getByText('社工 张伟')).toBeTruthy();
    expect(within(team).getByRole('link', { name: '2' }).getAttribute('href')).toBe(
      href({ scope: 'unit', assigneeId: 'u-cw', overdue: true }),
    );
    expectNoEnglish();
  });

  it('manager: open cases by state and tier, SLA by tier, KPIs beside last month, and the map drilling into a district', async () => {
    signInAs(userAs('MANAGER', { orgUnit: { id: 'city', code: '510100000000', name: '成都市', level: 'CITY' } }));
    answer({
      kind: 'manager',
      unit: { id: 'city', name: '成都市', level: 'CITY' },
      openCases: [
        {
          state: 'matching',
          tier: 'TOWNSHIP',
          value: 8,
          link: { to: 'cases', filter: { status: 'OPEN', state: 'matching', tier: 'TOWNSHIP' } },
        },
        {
          state: 'escalation',
          tier: 'DISTRICT',
          value: 2,
          link: { to: 'cases', filter: { status: 'OPEN', state: 'escalation', tier: 'DISTRICT' } },
        },
      ],
      openTotal: { value: 10, link: { to: 'cases', filter: { status: 'OPEN' } } },
      sla: ['CITY', 'DISTRICT', 'TOWNSHIP'].map((tier, i) => ({
        tier: tier as 'CITY',
        open: 10 + i,
        warned: { value: i, link: { to: 'tasks', filter: { scope: 'unit', tier, warned: true } } },
        overdue: { value: i + 5, link: { to: 'tasks', filter: { scope: 'unit', tier, overdue: true } } },
      })),
      kpis: { current: kpis('2026-11'), previous: kpis('2026-10', { cases: 9, resolutionRate: 0.5 }) },
    });
    const asked: URL[] = [];
    server.use(
      http.get('*/api/home/map', ({ request }) => {
        const url = new URL(request.url);
        asked.push(url);
        const district = url.searchParams.get('district');
        return HttpResponse.json({
          figure: (url.searchParams.get('figure') ?? 'open') as 'open',
          level: district ? 'TOWNSHIP' : 'DISTRICT',
          district: district ? { id: 'u-510104000000', code: '510104000000', name: '锦江区' } : null,
          figures: ['open', 'overdueRate', 'resolutionRate'],
          populationAvailable: false,
          areas: district
            ? [area('510104017000', '锦官驿街道', 6), area('510104018000', '东湖街道', 2)]
            : [
                area('510104000000', '锦江区', 8),
                area('510118000000', '新津区', 1),
                area('510190000000', '成都高新区', 1),
              ],
        } satisfies THomeMap);
      }),
    );
    renderHome();
    expect(await screen.findByRole('link', { name: '办理中个案 10' })).toBeTruthy();
    const states = screen.getByRole('table', { name: '办理中个案（按阶段、层级）' });
    expect(within(states).getByRole('link', { name: '8' }).getAttribute('href')).toBe(
      href({ status: 'OPEN', state: 'matching', tier: 'TOWNSHIP' }, 'cases'),
    );
    expect(within(states).getByText('资源对接')).toBeTruthy();
    const sla = screen.getByRole('table', { name: '时限（按层级）' });
    expect(within(sla).getByRole('link', { name: '7' }).getAttribute('href')).toBe(
      href({ scope: 'unit', tier: 'TOWNSHIP', overdue: true }),
    );
    expect(screen.getByText('本月绩效（2026-11，括号内为上月 2026-10）')).toBeTruthy();
    expect(screen.getByText('(9)')).toBeTruthy();
    // The map: districts with a polygon in one table, the functional areas in another.
    expect(await screen.findByRole('button', { name: 'map:锦江区' })).toBeTruthy();
    const functional = screen.getByRole('table', { name: '功能区（地图上无单独区域）' });
    expect(within(functional).getByText('成都高新区')).toBeTruthy();
    expect(screen.getByText('数据中没有各区人口，无法按每万人计算')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'map:锦江区' }));
    const townships = await screen.findByRole('table', { name: '锦江区各乡镇(街道)' });
    expect(within(townships).getByText('锦官驿街道')).toBeTruthy();
    expect(asked.at(-1)!.searchParams.get('district')).toBe('510104000000');
    expectNoEnglish();
    fireEvent.click(screen.getByRole('button', { name: '返回全市' }));
    expect(await screen.findByRole('button', { name: 'map:新津区' })).toBeTruthy();
  });

  it('station worker: the register button, my community’s open cases by state and its latest cases', async () => {
    signInAs(userAs('STATION_WORKER'));
    answer({
      kind: 'station',
      unit: { id: 'c1', name: '水井坊社区', level: 'COMMUNITY' },
      openCases: { value: 3, link: { to: 'cases', filter: { status: 'OPEN' } } },
      byState: [
        { state: 'screening', value: 2, link: { to: 'cases', filter: { status: 'OPEN', state: 'screening' } } },
        {
          state: 'planning.awaitingApproval',
          value: 1,
          link: { to: 'cases', filter: { status: 'OPEN', state: 'planning.awaitingApproval' } },
        },
      ],
      recent: [
        {
          id: '6a1f5a4e-1111-4222-8333-944455556666',
          caseNo: 'GA-2026-000007',
          personName: '李秀英',
          state: 'screening',
          status: 'OPEN',
          updatedAt: '2026-11-29T02:00:00.000Z',
        },
      ],
    });
    renderHome();
    expect(await screen.findByRole('link', { name: '登记求助' })).toBeTruthy();
    expect(linkOf('登记求助')).toBe('#/cases/create');
    expect(linkOf('方案待审批 1')).toBe(href({ status: 'OPEN', state: 'planning.awaitingApproval' }, 'cases'));
    expect(within(screen.getByRole('table', { name: '最近有变化的个案' })).getByText('李秀英')).toBeTruthy();
    expectNoEnglish();
  });

  it('discoverer: the same page with a report button', async () => {
    signInAs(userAs('DISCOVERER'));
    answer({
      kind: 'station',
      unit: { id: 'c1', name: '水井坊社区', level: 'COMMUNITY' },
      openCases: { value: 0, link: { to: 'cases', filter: { status: 'OPEN' } } },
      byState: [],
      recent: [],
    });
    renderHome();
    expect(await screen.findByRole('link', { name: '上报发现' })).toBeTruthy();
    expect(screen.getByText('本社区暂无个案')).toBeTruthy();
  });

  it('partner: proposals awaiting my answer and deliveries to record', async () => {
    signInAs(userAs('PARTNER', { partnerId: 'p-charity' }));
    answer({
      kind: 'partner',
      proposals: { value: 2, link: { to: 'matches', filter: { status: 'PROPOSED' } } },
      accepted: { value: 5, link: { to: 'matches', filter: { status: 'ACCEPTED' } } },
      undelivered: 3,
    });
    renderHome();
    expect(await screen.findByRole('link', { name: '待我答复的对接申请 2' })).toBeTruthy();
    expect(linkOf('待我答复的对接申请 2')).toBe(href({ status: 'PROPOSED' }, 'matches'));
    expect(screen.getByText('其中尚未登记任何发放：3')).toBeTruthy();
    expectNoEnglish();
  });
});
