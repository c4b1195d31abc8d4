import type { TCaseDetail, TCaseEvent } from '@guanai/api/types';
import { caseChart } from '@guanai/workflows/chart';
import { configure, render, screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import polyglotI18nProvider from 'ra-i18n-polyglot';
import { describe, expect, it } from 'vitest';
import { App } from '../../App.tsx';
import { zh } from '../../i18n/zh/index.ts';
import { screenTask, server } from '../../test/server.ts';
import { chartLabels } from './CaseStatechart.tsx';

// The whole app renders: give it time to sign in, fetch the case and lay the chart out.
configure({ asyncUtilTimeout: 20_000 });

const event = (seq: number, type: string, fromState: string | null, toState: string): TCaseEvent => ({
  seq,
  type,
  fromState,
  toState,
  actorName: '社工 张伟',
  at: new Date(Date.UTC(2026, 2, 1, seq)).toISOString(),
  payload: {},
  attachments: [],
});

/** A case whose plan waits for approval, after a plan returned once; a note and a claim on the way. */
const caseAwaitingApproval: TCaseDetail = {
  id: 'case-7',
  caseNo: 'GA-2026-000007',
  personName: '刘桂芳',
  personIdMasked: '5101**********0021',
  state: 'planning.awaitingApproval',
  status: 'OPEN',
  closureReason: null,
  emergency: false,
  origin: 'SELF_APPLICATION',
  owningUnitId: 't1',
  owningUnitName: '锦官驿街道',
  originUnitId: 'c1',
  originUnitName: '水井坊社区',
  situation: '独居老人，行动不便',
  flags: [],
  version: 3,
  applicationId: null,
  referral: null,
  createdAt: '2026-03-01T00:00:00Z',
  updatedAt: '2026-03-01T09:00:00Z',
  actions: ['ESCALATE', 'SUSPEND', 'FLAG'],
  events: [
    event(1, 'CASE_OPENED', null, 'intake'),
    event(2, 'REGISTERED', 'intake', 'screening'),
    event(3, 'CLAIM', 'screening', 'screening'),
    event(4, 'SCREENED', 'screening', 'assessment'),
    event(5, 'ADD_NOTE', 'assessment', 'assessment'),
    event(6, 'ASSESSED', 'assessment', 'planning.drafting'),
    event(7, 'PLAN_SUBMITTED', 'planning.drafting', 'planning.awaitingApproval'),
    event(8, 'PLAN_RETURNED', 'planning.awaitingApproval', 'planning.drafting'),
    event(9, 'PLAN_SUBMITTED', 'planning.drafting', 'planning.awaitingApproval'),
  ],
  tasks: [
    { ...screenTask, id: 'case-7:6', caseId: 'case-7', kind: 'APPROVE_PLAN', caseState: 'planning.awaitingApproval' },
  ],
};

function openCase(record: TCaseDetail = caseAwaitingApproval) {
  server.use(http.get('*/api/cases/:id', () => HttpResponse.json(record)));
  window.location.hash = `#/cases/${record.id}/show`;
  render(<App />);
}

const stateBox = (svg: Element, label: string) =>
  [...svg.querySelectorAll('g[data-state-id]')].find((g) => g.textContent === label);

describe('the statechart on the case page', () => {
  it('lights the current state and marks the states and transitions the case went through', async () => {
    openCase();
    const svg = await screen.findByRole('img', { name: '案件状态图：当前阶段 方案待审批' });
    const lit = svg.querySelectorAll('[data-current]');
    expect(lit).toHaveLength(1);
    expect(lit[0]!.textContent).toBe('方案待审批');
    expect(lit[0]!.getAttribute('data-state-id')).toBe('case.open.working.planning.awaitingApproval');

    for (const label of ['受理', '筛查', '需求评估', '起草方案', '方案待审批'])
      expect(stateBox(svg, label)?.hasAttribute('data-visited'), label).toBe(true);
    for (const label of ['政府救助跟踪', '资源对接', '上报待审核', '已结案'])
      expect(stateBox(svg, label)?.hasAttribute('data-visited'), label).toBe(false);

    const taken = [...svg.querySelectorAll('path[data-taken]')].map((p) => p.getAttribute('data-edge'));
    expect(taken.sort()).toEqual(
      [
        'case.open.working.intake→case.open.working.screening:REGISTERED',
        'case.open.working.screening→case.open.working.assessment:SCREENED',
        'case.open.working.assessment→case.open.working.planning:ASSESSED',
        'case.open.working.planning.drafting→case.open.working.planning.awaitingApproval:PLAN_SUBMITTED',
        'case.open.working.planning.awaitingApproval→case.open.working.planning.drafting:PLAN_RETURNED',
      ].sort(),
    );
    // Where it may go from here: approval to matching, escalation from planning, suspension and closure from open.
    const next = [...svg.querySelectorAll('path[data-next]')].map((p) => p.getAttribute('data-edge'));
    expect(next).toEqual(
      expect.arrayContaining([
        'case.open.working.planning.awaitingApproval→case.open.working.matching:PLAN_APPROVED',
        'case.open.working.planning→case.open.escalation:ESCALATE',
        'case.open→case.suspended:SUSPEND',
      ]),
    );
    expect(next).not.toContain('case.open.working.matching→case.open.working.delivery:MATCHED');
    // The path in words, for a phone: each move once, the return shown.
    const path = screen.getByLabelText('已走路径');
    expect(
      within(path)
        .getAllByText(/./)
        .map((n) => n.textContent)
        .filter((t) => t !== '›'),
    ).toEqual(['受理', '筛查', '需求评估', '起草方案', '方案待审批', '起草方案', '方案待审批']);
  });

  it('beside it, the actions this user may take now, as the API offers them, and the case’s open task', async () => {
    openCase();
    const now = await screen.findByRole('complementary', { name: '现在可以做' });
    for (const name of ['上报上级中心', '暂停', '添加标记'])
      expect(within(now).getByRole('button', { name })).toBeTruthy();
    expect(within(now).queryByRole('button', { name: '结案' })).toBeNull();
    const task = within(now).getByRole('link', { name: '办理：审批援助方案' });
    expect(task.getAttribute('href')).toBe('#/tasks/case-7%3A6/show');
  });

  it('a closed case lights 已结案 and offers nothing when the API offers nothing', async () => {
    openCase({
      ...caseAwaitingApproval,
      state: 'closed',
      status: 'CLOSED',
      closureReason: 'no_need',
      actions: [],
      tasks: [],
      events: [
        event(1, 'CASE_OPENED', null, 'intake'),
        event(2, 'REGISTERED', 'intake', 'screening'),
        event(3, 'SCREENED', 'screening', 'closed'),
      ],
    });
    const svg = await screen.findByRole('img', { name: '案件状态图：当前阶段 已结案' });
    expect(svg.querySelector('[data-current]')!.textContent).toBe('已结案');
    expect([...svg.querySelectorAll('path[data-taken]')].map((p) => p.getAttribute('data-edge'))).toContain(
      'case.open.working.screening→case.closed:SCREENED',
    );
    const now = screen.getByRole('complementary', { name: '现在可以做' });
    expect(within(now).getByText('目前没有您可执行的操作')).toBeTruthy();
  });
});

describe('the statechart’s words', () => {
  it('every state and event of machine.ts has a Chinese label (a new one without a label fails here)', () => {
    const provider = polyglotI18nProvider(() => zh as never, 'zh');
    const translate = ((key: string, options?: object) => provider.translate(key, options)) as never;
    const labels = chartLabels(translate);
    const chart = caseChart();
    for (const node of chart.nodes.filter((n) => n.id !== chart.root)) {
      const label = labels.state(node);
      expect(label, node.id).not.toBe(node.key);
      expect(label, node.id).not.toMatch(/[A-Za-z]/);
    }
    const names = chart.nodes.filter((n) => n.id !== chart.root && n.kind !== 'history').map(labels.state);
    expect(new Set(names).size, names.join(' ')).toBe(names.length);
    for (const edge of chart.edges) expect(labels.event(edge.event), edge.id).not.toMatch(/[A-Za-z]/);
    for (const node of chart.nodes)
      for (const type of node.internal) expect(labels.event(type), `${node.id} ${type}`).not.toMatch(/[A-Za-z]/);
  });
});
