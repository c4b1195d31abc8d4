import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { App } from '../App.tsx';
import { me, screenTask, server } from '../test/server.ts';

describe('completing a screening task', () => {
  it('§四(二) posts the referrals and the residual-need outcome, and goes to the case', async () => {
    let body: unknown = null;
    server.use(
      http.get('*/api/tasks/:id', () =>
        HttpResponse.json({ ...screenTask, assigneeId: me.id, assigneeName: me.displayName }),
      ),
      http.post('*/api/tasks/:id/complete', async ({ request }) => {
        body = await request.json();
        return HttpResponse.json({ caseId: 'case-1', state: 'assessment' });
      }),
      http.get('*/api/cases/:id', () =>
        HttpResponse.json({
          id: 'case-1',
          caseNo: 'GA-2026-000001',
          personName: '张三明',
          personIdMasked: null,
          state: 'assessment',
          status: 'OPEN',
          closureReason: null,
          emergency: false,
          origin: 'SELF_APPLICATION',
          owningUnitName: '锦官驿街道',
          originUnitName: '水井坊社区',
          situation: '困难',
          createdAt: screenTask.createdAt,
          updatedAt: screenTask.createdAt,
          events: [],
          tasks: [],
        }),
      ),
    );
    window.location.hash = `#/tasks/${encodeURIComponent(screenTask.id)}/show`;
    render(<App />);
    fireEvent.click(await screen.findByLabelText('最低生活保障'));
    fireEvent.click(screen.getByLabelText('住房救助'));
    fireEvent.click(screen.getByLabelText('政府救助后仍有困难，转社会关爱援助'));
    fireEvent.change(screen.getByLabelText('备注'), { target: { value: '已转介' } });
    fireEvent.click(screen.getByRole('button', { name: '提交' }));
    await waitFor(() =>
      expect(body).toEqual({ form: { referrals: ['DIBAO', 'ZHUFANG'], outcome: 'RESIDUAL_NEED', note: '已转介' } }),
    );
    expect(await screen.findByText('已办结，案件进入：需求评估')).toBeTruthy();
  });

  it('someone else’s task shows no form', async () => {
    server.use(
      http.get('*/api/tasks/:id', () =>
        HttpResponse.json({ ...screenTask, assigneeId: 'someone-else', assigneeName: '社工 刘洋' }),
      ),
    );
    window.location.hash = `#/tasks/${encodeURIComponent(screenTask.id)}/show`;
    render(<App />);
    expect(await screen.findByText('社工 刘洋')).toBeTruthy();
    expect(screen.queryByRole('button', { name: '提交' })).toBeNull();
  });

  it('an assessment needs at least one need before it is sent', async () => {
    let posted = false;
    server.use(
      http.get('*/api/tasks/:id', () =>
        HttpResponse.json({
          ...screenTask,
          kind: 'ASSESS',
          caseState: 'assessment',
          assigneeId: me.id,
          assigneeName: me.displayName,
        }),
      ),
      http.post('*/api/tasks/:id/complete', () => {
        posted = true;
        return HttpResponse.json({ caseId: 'case-1', state: 'planning' });
      }),
    );
    window.location.hash = `#/tasks/${encodeURIComponent(screenTask.id)}/show`;
    render(<App />);
    expect(await screen.findByText('基本生活')).toBeTruthy(); // the default row
    fireEvent.click(screen.getByRole('button', { name: '清空列表' }));
    fireEvent.click(await screen.findByRole('button', { name: '确认' }));
    await waitFor(() => expect(screen.queryByText('基本生活')).toBeNull());
    fireEvent.click(screen.getByRole('button', { name: '提交' }));
    expect(await screen.findByText('至少填写一项需求')).toBeTruthy();
    expect(posted).toBe(false);
  });
});
