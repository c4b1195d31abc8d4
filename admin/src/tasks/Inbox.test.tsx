import type { TSavedView } from '@guanai/api/types';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from '../App.tsx';
import { listOf, screenTask, server } from '../test/server.ts';

afterEach(() => vi.restoreAllMocks());

const COUNTS = { mine: 3, unassigned: 7, unit: 12, dueToday: 4, overdue: 2, emergency: 1 };

/** Every GET /api/tasks the inbox makes: its filter and sort. */
function recordLists() {
  const asked: { filter: Record<string, unknown>; sort: unknown }[] = [];
  server.use(
    http.get('*/api/tasks/counts', () => HttpResponse.json(COUNTS)),
    http.get('*/api/tasks', ({ request }) => {
      const params = new URL(request.url).searchParams;
      asked.push({ filter: JSON.parse(params.get('filter') ?? '{}'), sort: JSON.parse(params.get('sort') ?? 'null') });
      return HttpResponse.json([screenTask], { headers: { 'Content-Range': 'tasks 0-0/1' } });
    }),
  );
  return asked;
}

function renderAt(hash: string) {
  window.location.hash = hash;
  return render(<App />);
}

describe('the inbox as a working tool', () => {
  it('shows each tab with its count, and a tab asks for its preset filter', async () => {
    const asked = recordLists();
    renderAt('#/tasks');
    expect(await screen.findByText('政府救助筛查')).toBeTruthy();
    const names = ['我的任务', '待领取', '本单位队列', '今日到期', '已逾期', '紧急'];
    for (const name of names) expect(screen.getByRole('tab', { name })).toBeTruthy();
    await waitFor(() => expect(screen.getByTestId('count-unassigned').textContent).toBe('7'));
    expect(screen.getByTestId('count-dueToday').textContent).toBe('4');
    expect(screen.getByTestId('count-mine').textContent).toBe('3');
    fireEvent.click(screen.getByRole('tab', { name: '今日到期' }));
    await waitFor(() => expect(asked.at(-1)?.filter).toEqual({ status: 'OPEN', scope: 'unit', dueToday: true }));
    expect(screen.getByRole('tab', { name: '今日到期' }).getAttribute('aria-selected')).toBe('true');
    fireEvent.click(screen.getByRole('tab', { name: '待领取' }));
    await waitFor(() => expect(asked.at(-1)?.filter).toEqual({ status: 'OPEN', scope: 'unit', unassigned: true }));
  });

  it('opens on the filter in the URL (a home page link), with its tab selected', async () => {
    const asked = recordLists();
    renderAt(`#/tasks?filter=${encodeURIComponent(JSON.stringify({ scope: 'unit', overdue: true }))}`);
    await waitFor(() => expect(asked.at(-1)?.filter).toEqual({ scope: 'unit', overdue: true }));
    expect(screen.getByRole('tab', { name: '已逾期' }).getAttribute('aria-selected')).toBe('true');
  });

  it('the filter bar narrows the list (emergency, kind) and sorts by due time, latest first', async () => {
    const asked = recordLists();
    renderAt('#/tasks');
    await screen.findByText('政府救助筛查');
    fireEvent.click(screen.getByRole('button', { name: '紧急' }));
    await waitFor(() => expect(asked.at(-1)?.filter).toEqual({ scope: 'mine', status: 'OPEN', emergency: true }));
    // Narrowed beyond a preset: no tab is selected.
    expect(screen.getByRole('tab', { name: '我的任务' }).getAttribute('aria-selected')).toBe('false');
    fireEvent.click(screen.getByRole('button', { name: '待领取' }));
    await waitFor(() =>
      expect(asked.at(-1)?.filter).toEqual({ scope: 'unit', status: 'OPEN', emergency: true, unassigned: true }),
    );
    fireEvent.click(screen.getByRole('button', { name: '最早到期在前' }));
    await waitFor(() => expect(asked.at(-1)?.sort).toEqual(['dueAt', 'DESC']));
    expect(screen.getByRole('button', { name: '最晚到期在前' })).toBeTruthy();
  });

  it('saves the current filters as a view, applies a saved view, and deletes one', async () => {
    const asked = recordLists();
    const views: TSavedView[] = [
      {
        id: '11111111-1111-4111-8111-111111111111',
        name: '本街道紧急',
        filter: { scope: 'unit', emergency: true },
        sort: ['dueAt', 'DESC'],
        createdAt: '2026-11-01T00:00:00Z',
      },
    ];
    const posted: unknown[] = [];
    const deleted: string[] = [];
    server.use(
      http.get('*/api/saved-views', () => listOf('saved-views', views)),
      http.post('*/api/saved-views', async ({ request }) => {
        const body = (await request.json()) as Omit<TSavedView, 'id' | 'createdAt'>;
        posted.push({ ...body, key: request.headers.get('Idempotency-Key') });
        const view = { id: '22222222-2222-4222-8222-222222222222', createdAt: '2026-11-02T00:00:00Z', ...body };
        views.push(view);
        return HttpResponse.json(view, { status: 201 });
      }),
      http.delete('*/api/saved-views/:id', ({ params }) => {
        deleted.push(String(params.id));
        const [view] = views.splice(
          views.findIndex((v) => v.id === params.id),
          1,
        );
        return HttpResponse.json(view);
      }),
    );
    renderAt('#/tasks');
    await screen.findByText('政府救助筛查');
    fireEvent.click(screen.getByRole('tab', { name: '今日到期' }));
    await waitFor(() => expect(asked.at(-1)?.filter).toMatchObject({ dueToday: true }));

    fireEvent.click(screen.getByRole('button', { name: '我的视图' }));
    fireEvent.click(await screen.findByRole('menuitem', { name: '保存当前视图…' }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.change(within(dialog).getByLabelText('视图名称'), { target: { value: '今天要办' } });
    fireEvent.click(within(dialog).getByRole('button', { name: '保存' }));
    expect(await screen.findByText('视图已保存', {}, { timeout: 5000 })).toBeTruthy();
    expect(posted).toEqual([
      {
        name: '今天要办',
        filter: { scope: 'unit', dueToday: true },
        sort: ['dueAt', 'ASC'],
        key: expect.stringMatching(/.{8,}/),
      },
    ]);

    // The dialog hides the page from assistive technology until it has closed.
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    fireEvent.click(screen.getByRole('button', { name: '我的视图' }));
    fireEvent.click(await screen.findByRole('menuitem', { name: /本街道紧急/ }));
    await waitFor(() =>
      expect(asked.at(-1)).toEqual({ filter: { scope: 'unit', emergency: true }, sort: ['dueAt', 'DESC'] }),
    );
    expect(screen.getByRole('tab', { name: '紧急' }).getAttribute('aria-selected')).toBe('true');

    await waitFor(() => expect(screen.queryByRole('menuitem', { name: /本街道紧急/ })).toBeNull());
    fireEvent.click(screen.getByRole('button', { name: '我的视图' }));
    fireEvent.click(await screen.findByRole('button', { name: '删除视图“今天要办”' }));
    await waitFor(() => expect(deleted).toEqual(['22222222-2222-4222-8222-222222222222']));
    expect(await screen.findByText('视图已删除')).toBeTruthy();
  });

  it('exports the list as filtered and sorted, as the API’s CSV', async () => {
    recordLists();
    const exported: unknown[] = [];
    server.use(
      http.get('*/api/tasks/export', ({ request }) => {
        const params = new URL(request.url).searchParams;
        exported.push({ filter: JSON.parse(params.get('filter')!), sort: JSON.parse(params.get('sort')!) });
        return new HttpResponse('\uFEFF任务\n政府救助筛查\n', {
          headers: {
            'Content-Type': 'text/csv; charset=utf-8',
            'Content-Disposition': 'attachment; filename="tasks-510104017000-2026-11-30.csv"',
          },
        });
      }),
    );
    const saved: string[] = [];
    URL.createObjectURL = vi.fn(() => 'blob:tasks');
    URL.revokeObjectURL = vi.fn();
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      saved.push(this.download);
    });
    renderAt(`#/tasks?filter=${encodeURIComponent(JSON.stringify({ scope: 'unit', overdue: true }))}`);
    await screen.findByText('政府救助筛查');
    fireEvent.click(screen.getByRole('button', { name: '导出' }));
    fireEvent.click(await screen.findByRole('menuitem', { name: 'CSV 文件' }));
    await waitFor(() => expect(saved).toEqual(['tasks-510104017000-2026-11-30.csv']));
    expect(exported).toEqual([{ filter: { scope: 'unit', overdue: true }, sort: ['dueAt', 'ASC'] }]);
  });

  it('in English, the tabs and the filter bar are English', async () => {
    recordLists();
    renderAt('#/tasks');
    await screen.findByText('政府救助筛查');
    fireEvent.click(screen.getByRole('button', { name: /中文/ }));
    fireEvent.click(await screen.findByRole('menuitem', { name: 'English' }));
    expect(await screen.findByRole('tab', { name: 'Due today' }, { timeout: 5000 })).toBeTruthy();
    expect(screen.getByRole('tab', { name: 'Unclaimed' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'My views' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Export' })).toBeTruthy();
  });
});
