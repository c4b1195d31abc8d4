import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { App } from '../App.tsx';
import { listOf, me, person, server, signInAs, userAs } from '../test/server.ts';

function renderAt(hash: string) {
  window.location.hash = hash;
  return render(<App />);
}

const kept = {
  ...person,
  id: '7c1d2e3f-0000-4000-8000-000000000002',
  name: '李秀英',
  idNumberMasked: '5101**********0021',
  householdId: 'h2',
};
const duplicate = {
  ...person,
  id: '7c1d2e3f-0000-4000-8000-000000000001',
  name: '李秀英',
  idNumberMasked: null,
  phone: '13800000000',
};

/** The texts of the side menu, once it has loaded. */
const menu = async () => {
  await screen.findAllByRole('menuitem', { name: '任务' });
  return screen.getAllByRole('menuitem').map((item) => item.textContent);
};

describe('what each role is offered', () => {
  it('a caseworker sees the registry with reveal and import, but no merge, users or org units', async () => {
    renderAt(`#/people/${person.id}/show`);
    expect(await screen.findByRole('button', { name: '查看完整证件号' })).toBeTruthy();
    const items = await menu();
    expect(items).toContain('困难群众信息库');
    expect(items).not.toContain('用户');
    expect(items).not.toContain('组织架构');
    expect(screen.queryByRole('button', { name: '合并' })).toBeNull();
    expect(screen.getByRole('link', { name: '编辑' })).toBeTruthy();
    // §四(一) 转介: township staff open a case for a registered person as a referral (转介立案).
    expect(screen.getByRole('link', { name: '立案' })).toBeTruthy();

    fireEvent.click((await screen.findAllByRole('menuitem', { name: '困难群众信息库' }))[0]!);
    expect(await screen.findByRole('link', { name: '导入名册' })).toBeTruthy();
    expect(screen.getByRole('button', { name: '导出' })).toBeTruthy();
    expect(screen.getByRole('link', { name: '新建' })).toBeTruthy();
  });

  it('a manager may read and export the registry, not reveal, import, register or edit', async () => {
    signInAs(userAs('MANAGER'));
    renderAt('#/people');
    expect(await screen.findByText('李秀英')).toBeTruthy();
    expect(screen.getByRole('button', { name: '导出' })).toBeTruthy();
    expect(screen.queryByRole('link', { name: '导入名册' })).toBeNull();
    expect(screen.queryByRole('link', { name: '新建' })).toBeNull();
    fireEvent.click(screen.getByText('李秀英'));
    expect(await screen.findByText('家庭成员')).toBeTruthy(); // the person's page
    expect(screen.getByText('5101**********0021')).toBeTruthy();
    expect(screen.queryByRole('button', { name: '查看完整证件号' })).toBeNull();
    expect(screen.queryByRole('link', { name: '编辑' })).toBeNull();
    expect(screen.queryByRole('button', { name: '合并' })).toBeNull();
  });

  it('an admin sees org units and users in the menu, and not the registry', async () => {
    signInAs(userAs('ADMIN'));
    server.use(http.get('*/api/users', () => listOf('users', [])));
    renderAt('#/tasks');
    const items = await menu();
    expect(items).toContain('组织架构');
    expect(items).toContain('用户');
    expect(items).toContain('SLA 策略');
    expect(items).not.toContain('困难群众信息库');
  });

  it('a caseworker is not shown the users menu even at its address, nor the org-unit import', async () => {
    renderAt('#/org-units');
    expect(await screen.findByText('水井坊社区')).toBeTruthy();
    expect(screen.queryByRole('link', { name: '导入名册' })).toBeNull();
    expect(screen.queryByRole('link', { name: '新建' })).toBeNull();
    expect(await menu()).not.toContain('用户');
  });

  it('a supervisor merges a duplicate into the record kept, with a reason, and lands on the kept record', async () => {
    let merged: { id: string; body: unknown } | null = null;
    signInAs(userAs('SUPERVISOR', { displayName: '督导 王芳' }));
    server.use(
      http.get('*/api/people', () => listOf('people', [duplicate, kept])),
      http.get('*/api/people/:id', ({ params }) => HttpResponse.json(params.id === kept.id ? kept : duplicate)),
      http.post('*/api/people/:id/merge', async ({ params, request }) => {
        merged = { id: String(params.id), body: await request.json() };
        return HttpResponse.json(kept);
      }),
    );
    renderAt(`#/people/${duplicate.id}/show`);
    fireEvent.click(await screen.findByRole('button', { name: '合并' }));
    const dialog = await screen.findByRole('dialog');
    const picker = within(dialog).getByLabelText('保留的记录 *');
    fireEvent.focus(picker);
    fireEvent.change(picker, { target: { value: '李' } });
    fireEvent.click(await screen.findByRole('option', { name: /5101\*{10}0021/ }));
    fireEvent.change(within(dialog).getByLabelText('合并理由 *'), { target: { value: '同一人重复登记' } });
    fireEvent.click(within(dialog).getByRole('button', { name: '确认' }));
    await waitFor(() =>
      expect(merged).toEqual({ id: duplicate.id, body: { intoId: kept.id, reason: '同一人重复登记' } }),
    );
    await waitFor(() => expect(window.location.hash).toBe(`#/people/${kept.id}/show`));
  });

  it('a merged record says so and links to the record kept, with no actions', async () => {
    signInAs(userAs('SUPERVISOR'));
    server.use(http.get('*/api/people/:id', () => HttpResponse.json({ ...duplicate, mergedIntoId: kept.id })));
    renderAt(`#/people/${duplicate.id}/show`);
    expect(await screen.findByText('此记录已合并，请使用保留的记录。')).toBeTruthy();
    expect(screen.getByRole('link', { name: '查看保留的记录' }).getAttribute('href')).toBe(`#/people/${kept.id}/show`);
    expect(screen.queryByRole('button', { name: '合并' })).toBeNull();
    expect(screen.queryByRole('link', { name: '编辑' })).toBeNull();
  });

  it('me without the new fields still signs in (an older API)', async () => {
    signInAs({ ...me, can: undefined as unknown as string[] });
    renderAt('#/tasks');
    expect(await screen.findByText('政府救助筛查')).toBeTruthy();
  });
});
