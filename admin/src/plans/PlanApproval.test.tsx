import type { TCaseDetail, TPlanItem } from '@guanai/api/types';
import { configure, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { App } from '../App.tsx';
import { caseInScreening } from '../cases/test-fixtures.ts';
import { screenTask, server, signInAs, userAs } from '../test/server.ts';

// The whole app renders for each test: give it time to sign in and fetch.
configure({ asyncUtilTimeout: 5000 });

const supervisor = userAs('SUPERVISOR');
const HOUSING = '11111111-1111-4111-8111-111111111111';
const CARE = '22222222-2222-4222-8222-222222222222';

const item = (id: string, overrides: Partial<TPlanItem>): TPlanItem => ({
  id,
  needCategory: 'HOUSING',
  goal: '年底前完成屋顶修缮',
  action: '申请街道危房修缮项目',
  responsible: { kind: 'PARTNER', id: 'p-charity', name: '成都市慈善总会' },
  targetDate: '2026-12-31',
  ...overrides,
});

const planCase = (items: TPlanItem[]): TCaseDetail =>
  caseInScreening([], {
    state: 'planning.awaitingApproval',
    assessedNeeds: [
      { category: 'HOUSING', severity: 'HIGH' },
      { category: 'CARE', severity: 'MEDIUM' },
    ],
    plan: {
      summary: '住房与照料',
      submittedAt: '2026-11-20T02:00:00.000Z',
      submittedBy: 'u-cw',
      approvedAt: null,
      returns: [],
      items,
    },
  });

/** The APPROVE_PLAN task, assigned to the signed-in supervisor, of a case whose plan has these items. */
function openApproval(items: TPlanItem[]) {
  const posted: unknown[] = [];
  const record = planCase(items);
  signInAs(supervisor);
  server.use(
    http.get('*/api/tasks/:id', () =>
      HttpResponse.json({
        ...screenTask,
        caseId: record.id,
        kind: 'APPROVE_PLAN',
        caseState: 'planning.awaitingApproval',
        assigneeId: supervisor.id,
        assigneeName: supervisor.displayName,
      }),
    ),
    http.get('*/api/cases/:id', () => HttpResponse.json(record)),
    http.post('*/api/tasks/:id/complete', async ({ request }) => {
      posted.push(await request.json());
      return HttpResponse.json({ caseId: record.id, state: 'planning.drafting', version: 9 });
    }),
  );
  window.location.hash = `#/tasks/${encodeURIComponent(screenTask.id)}/show`;
  render(<App />);
  return posted;
}

const itemSection = (n: number) => screen.findByRole('region', { name: `第 ${n} 项` });

describe('§四(二) the supervisor decides a plan item by item', () => {
  it('§四(二) approves one item and returns another with its reason: the form sends each decision', async () => {
    const posted = openApproval([
      item(HOUSING, {}),
      item(CARE, {
        needCategory: 'CARE',
        goal: '每周两次上门照料',
        action: '社工站上门服务',
        responsible: { kind: 'UNIT', id: 't1', name: '锦官驿街道' },
      }),
    ]);
    const first = await itemSection(1);
    expect(within(first).getByText('第 1 项 · 住房：年底前完成屋顶修缮')).toBeTruthy();
    expect(within(first).getByText(/成都市慈善总会（合作机构）/)).toBeTruthy();
    const second = await itemSection(2);
    expect(within(second).getByText(/锦官驿街道（单位）/)).toBeTruthy();

    fireEvent.click(within(first).getByRole('button', { name: '批准' }));
    fireEvent.click(within(second).getByRole('button', { name: '退回' }));
    expect(await screen.findByText('有 1 项退回：方案将退回修改，已批准的事项未修改时保留批准')).toBeTruthy();
    // A returned item without its reason is not sent.
    fireEvent.click(screen.getByRole('button', { name: '提交' }));
    expect((await screen.findByRole('alert')).textContent).toBe('退回的事项须写明理由');
    expect(posted).toEqual([]);

    fireEvent.change(within(second).getByLabelText(/第 2 项退回理由/), { target: { value: '写明每次照料时长' } });
    fireEvent.click(screen.getByRole('button', { name: '提交' }));
    await waitFor(() =>
      expect(posted).toEqual([
        {
          form: {
            items: [
              { itemId: HOUSING, approved: true },
              { itemId: CARE, approved: false, reason: '写明每次照料时长' },
            ],
          },
        },
      ]),
    );
  });

  it('§四(二) an item approved before and unchanged starts approved; an undecided item keeps the form from being sent', async () => {
    const posted = openApproval([
      item(HOUSING, { decision: { approved: true, at: '2026-11-19T02:00:00.000Z', by: 'u-supervisor' } }),
      item(CARE, { needCategory: 'CARE', goal: '每周两次上门照料', action: '社工站上门服务，每次两小时' }),
    ]);
    const first = await itemSection(1);
    expect(within(first).getByText('此前已批准（未修改）')).toBeTruthy();
    expect(within(first).getByRole('button', { name: '批准' }).getAttribute('aria-pressed')).toBe('true');
    fireEvent.click(screen.getByRole('button', { name: '提交' }));
    expect((await screen.findAllByText('请对每项事项作出批准或退回')).length).toBeGreaterThan(0);
    expect(posted).toEqual([]);

    fireEvent.click(within(await itemSection(2)).getByRole('button', { name: '批准' }));
    expect(screen.getByText('全部事项批准后，方案通过，案件进入资源对接')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '提交' }));
    await waitFor(() =>
      expect(posted).toEqual([
        {
          form: {
            items: [
              { itemId: HOUSING, approved: true },
              { itemId: CARE, approved: true },
            ],
          },
        },
      ]),
    );
  });
});
