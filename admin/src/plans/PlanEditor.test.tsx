import { configure, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { App } from '../App.tsx';
import { caseInScreening } from '../cases/test-fixtures.ts';
import { me, screenTask, server } from '../test/server.ts';

configure({ asyncUtilTimeout: 5000 });

const UUID = /^[0-9a-f-]{36}$/;

/** The PLAN task of a case assessed with a housing and a care need, assigned to me. */
function openPlanTask() {
  const posted: { form: { items: Record<string, unknown>[] } }[] = [];
  const record = caseInScreening([], {
    state: 'planning.drafting',
    assessedNeeds: [
      { category: 'HOUSING', severity: 'HIGH', description: '屋顶漏雨' },
      { category: 'CARE', severity: 'MEDIUM' },
    ],
    plan: null,
  });
  server.use(
    http.get('*/api/tasks/:id', () =>
      HttpResponse.json({
        ...screenTask,
        caseId: record.id,
        kind: 'PLAN',
        caseState: 'planning.drafting',
        assigneeId: me.id,
        assigneeName: me.displayName,
      }),
    ),
    http.get('*/api/cases/:id', () => HttpResponse.json(record)),
    http.post('*/api/tasks/:id/complete', async ({ request }) => {
      posted.push((await request.json()) as (typeof posted)[number]);
      return HttpResponse.json({ caseId: record.id, state: 'planning.awaitingApproval', version: 5 });
    }),
  );
  window.location.hash = `#/tasks/${encodeURIComponent(screenTask.id)}/show`;
  render(<App />);
  return posted;
}

async function pick(section: HTMLElement, text: string, option: string) {
  const input = within(section).getByRole('combobox', { name: /责任方/ });
  fireEvent.focus(input);
  fireEvent.change(input, { target: { value: text } });
  fireEvent.click(await screen.findByRole('option', { name: option }));
}

describe('§四(二) the plan editor: one item per assessed need', () => {
  it('§四(二) sends each item with its need, goal, action, responsible unit or partner and target date', async () => {
    const posted = openPlanTask();
    const first = await screen.findByRole('region', { name: '第 1 项' });
    const second = screen.getByRole('region', { name: '第 2 项' });
    // Incomplete items are not sent.
    fireEvent.click(screen.getByRole('button', { name: '提交' }));
    expect((await screen.findByRole('alert')).textContent).toBe('请填写每项事项的目标、措施/资源、责任方与完成时限');
    expect(posted).toEqual([]);

    fireEvent.change(within(first).getByLabelText(/^目标/), { target: { value: '年底前完成屋顶修缮' } });
    fireEvent.change(within(first).getByLabelText(/^措施\/资源/), { target: { value: '申请街道危房修缮项目' } });
    fireEvent.click(within(first).getByRole('button', { name: '合作机构' }));
    await pick(first, '慈善', '成都市慈善总会');
    fireEvent.change(within(first).getByLabelText(/^完成时限/), { target: { value: '2026-12-31' } });

    fireEvent.change(within(second).getByLabelText(/^目标/), { target: { value: '每周两次上门照料' } });
    fireEvent.change(within(second).getByLabelText(/^措施\/资源/), { target: { value: '社工站上门服务' } });
    await pick(second, '锦官驿', '锦官驿街道');
    fireEvent.change(within(second).getByLabelText(/^完成时限/), { target: { value: '2027-01-31' } });

    fireEvent.click(screen.getByRole('button', { name: '提交' }));
    await waitFor(() => expect(posted).toHaveLength(1));
    const [housing, care] = posted[0]!.form.items;
    expect(housing).toEqual({
      id: expect.stringMatching(UUID),
      needCategory: 'HOUSING',
      goal: '年底前完成屋顶修缮',
      action: '申请街道危房修缮项目',
      responsible: { kind: 'PARTNER', id: 'p-charity', name: '成都市慈善总会' },
      targetDate: '2026-12-31',
    });
    expect(care).toMatchObject({
      needCategory: 'CARE',
      responsible: { kind: 'UNIT', id: 't1', name: '锦官驿街道' },
      targetDate: '2027-01-31',
    });
  }, 90_000);
});
