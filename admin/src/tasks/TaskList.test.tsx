import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { App } from '../App.tsx';
import { me, problem, screenTask, server } from '../test/server.ts';

function renderAt(hash: string) {
  window.location.hash = hash;
  return render(<App />);
}

describe('the inbox', () => {
  it('lists the tasks in Chinese by default, with an overdue mark, and asks for my tasks first', async () => {
    const requested: URL[] = [];
    server.use(
      http.get('*/api/tasks', ({ request }) => {
        requested.push(new URL(request.url));
        return HttpResponse.json([screenTask], { headers: { 'Content-Range': 'tasks 0-0/1' } });
      }),
    );
    renderAt('#/tasks');
    expect(await screen.findByText('政府救助筛查')).toBeTruthy();
    expect(screen.getByText('张三明')).toBeTruthy();
    expect(screen.getByText('已超期')).toBeTruthy();
    expect(screen.getByRole('tab', { name: '我的任务' }).getAttribute('aria-selected')).toBe('true');
    expect(JSON.parse(requested[0]!.searchParams.get('filter')!)).toEqual({ scope: 'mine', status: 'OPEN' });
    expect(JSON.parse(requested[0]!.searchParams.get('sort')!)).toEqual(['dueAt', 'ASC']);
  });

  it('the unit-queue tab asks for the unit scope', async () => {
    const scopes: string[] = [];
    server.use(
      http.get('*/api/tasks', ({ request }) => {
        scopes.push(JSON.parse(new URL(request.url).searchParams.get('filter')!).scope);
        return HttpResponse.json([screenTask], { headers: { 'Content-Range': 'tasks 0-0/1' } });
      }),
    );
    renderAt('#/tasks');
    fireEvent.click(await screen.findByRole('tab', { name: '本单位队列' }));
    await waitFor(() => expect(scopes).toContain('unit'));
  });

  it('claim posts to the claim endpoint with an idempotency key', async () => {
    let claimed: { url: string; key: string | null } | null = null;
    server.use(
      http.post('*/api/tasks/:id/claim', ({ request, params }) => {
        claimed = { url: String(params.id), key: request.headers.get('Idempotency-Key') };
        return HttpResponse.json({ ...screenTask, assigneeId: me.id, assigneeName: me.displayName });
      }),
    );
    renderAt('#/tasks');
    const row = (await screen.findByText('张三明')).closest('tr')!;
    fireEvent.click(within(row).getByRole('button', { name: '认领' }));
    expect(await screen.findByText('已认领任务')).toBeTruthy();
    expect(claimed).toMatchObject({ url: 'case-1:2', key: expect.stringMatching(/.{8,}/) });
  });

  it('a 409 problem from claim is shown in the user’s language with the API’s detail', async () => {
    server.use(
      http.post('*/api/tasks/:id/claim', () =>
        problem(409, 'task-taken', 'the task has already been claimed by someone else'),
      ),
    );
    renderAt('#/tasks');
    const row = (await screen.findByText('张三明')).closest('tr')!;
    fireEvent.click(within(row).getByRole('button', { name: '认领' }));
    expect(
      await screen.findByText('操作失败：该任务已有人认领（the task has already been claimed by someone else）'),
    ).toBeTruthy();
  });

  it('switches to English from the app bar', async () => {
    renderAt('#/tasks');
    await screen.findByText('政府救助筛查');
    fireEvent.click(screen.getByRole('button', { name: /中文/ }));
    fireEvent.click(await screen.findByRole('menuitem', { name: 'English' }));
    expect(await screen.findByText('Government-aid screening')).toBeTruthy();
    expect(screen.getByRole('tab', { name: "My unit's queue" })).toBeTruthy();
  });
});
