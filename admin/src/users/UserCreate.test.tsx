import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { App } from '../App.tsx';
import { listOf, server, signInAs, userAs } from '../test/server.ts';

const newUser = {
  id: 'u-new',
  username: 'liuyang',
  displayName: '站点 刘洋',
  role: 'STATION_WORKER',
  orgUnitId: 'c1',
  orgUnitName: '水井坊社区',
  orgUnitLevel: 'COMMUNITY',
  active: true,
  createdAt: '2026-03-01T00:00:00Z',
  updatedAt: '2026-03-01T00:00:00Z',
};

describe('user accounts (admin)', () => {
  it('creating a user without a password shows the one-time temporary password', async () => {
    let body: unknown = null;
    let unitFilter: unknown = null;
    signInAs(userAs('ADMIN'));
    server.use(
      http.get('*/api/users', () => listOf('users', [newUser])),
      http.get('*/api/org-units', ({ request }) => {
        unitFilter = JSON.parse(new URL(request.url).searchParams.get('filter') ?? '{}');
        return listOf('org-units', [
          {
            id: 'c1',
            code: '510104021001',
            name: '水井坊社区',
            level: 'COMMUNITY',
            parentId: 't1',
            parentName: '锦官驿街道',
            path: '',
            children: 0,
            users: 1,
            createdAt: '',
          },
        ]);
      }),
      http.post('*/api/users', async ({ request }) => {
        body = await request.json();
        return HttpResponse.json({ ...newUser, temporaryPassword: 'Tmp-7x9Kq2mZ4r' }, { status: 201 });
      }),
    );
    window.location.hash = '#/users/create';
    render(<App />);
    fireEvent.change(await screen.findByLabelText('用户名 *'), { target: { value: 'liuyang' } });
    fireEvent.change(screen.getByLabelText('姓名 *'), { target: { value: '站点 刘洋' } });
    fireEvent.mouseDown(screen.getByLabelText('角色 *'));
    fireEvent.click(await screen.findByRole('option', { name: '服务站工作人员' }));
    const unit = screen.getByLabelText('所属单位 *');
    fireEvent.change(unit, { target: { value: '水井' } });
    fireEvent.click(await screen.findByRole('option', { name: '水井坊社区 (510104021001)' }));
    expect(unitFilter).toMatchObject({ level: 'COMMUNITY' }); // a station worker sits at a community
    fireEvent.click(screen.getByRole('button', { name: '保存' }));

    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByLabelText('临时密码').textContent).toBe('Tmp-7x9Kq2mZ4r');
    expect(within(dialog).getByText(/只显示这一次/)).toBeTruthy();
    expect(body).toEqual({ username: 'liuyang', displayName: '站点 刘洋', role: 'STATION_WORKER', orgUnitId: 'c1' });
    fireEvent.click(within(dialog).getByRole('button', { name: '完成' }));
    await waitFor(() => expect(window.location.hash).toBe('#/users'));
    expect(screen.queryByText('Tmp-7x9Kq2mZ4r')).toBeNull();
  });

  it('edit sends only the changed fields an admin may change; reset password shows the new temporary one', async () => {
    let put: unknown = null;
    let reset = '';
    signInAs(userAs('ADMIN'));
    server.use(
      http.get('*/api/users/:id', () => HttpResponse.json(newUser)),
      http.put('*/api/users/:id', async ({ request }) => {
        put = await request.json();
        return HttpResponse.json({ ...newUser, displayName: '站点 刘阳' });
      }),
      http.post('*/api/users/:id/reset-password', ({ params }) => {
        reset = String(params.id);
        return HttpResponse.json({ temporaryPassword: 'Reset-42abcXYZ' });
      }),
      http.get('*/api/users', () => listOf('users', [newUser])),
    );
    window.location.hash = '#/users/u-new';
    render(<App />);
    fireEvent.click(await screen.findByRole('button', { name: '重置密码' }));
    fireEvent.click(await screen.findByRole('button', { name: '确认' }));
    const dialog = await screen.findByRole('dialog', { name: '临时密码' });
    expect(within(dialog).getByLabelText('临时密码').textContent).toBe('Reset-42abcXYZ');
    expect(reset).toBe('u-new');
    fireEvent.click(within(dialog).getByRole('button', { name: '完成' }));

    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    fireEvent.change(screen.getByLabelText('姓名 *'), { target: { value: '站点 刘阳' } });
    fireEvent.click(screen.getByRole('button', { name: '保存' }));
    // Only what changed: a role or unit sent, even unchanged, would end the user's sessions.
    await waitFor(() => expect(put).toEqual({ displayName: '站点 刘阳' }));
  });

  it('any signed-in user changes their own password from the user menu', async () => {
    let body: unknown = null;
    server.use(
      http.post('*/api/auth/password', async ({ request }) => {
        body = await request.json();
        return new HttpResponse(null, { status: 204 });
      }),
    );
    window.location.hash = '#/tasks';
    render(<App />);
    fireEvent.click(await screen.findByRole('button', { name: '个人' }));
    fireEvent.click(await screen.findByRole('menuitem', { name: '修改密码' }));
    fireEvent.change(await screen.findByLabelText('当前密码 *'), { target: { value: 'Guanai@2026' } });
    fireEvent.change(screen.getByLabelText('新密码 *'), { target: { value: 'short1' } });
    fireEvent.change(screen.getByLabelText('再次输入新密码 *'), { target: { value: 'short1' } });
    fireEvent.click(screen.getByRole('button', { name: '保存' }));
    await waitFor(() => expect(screen.getByLabelText('新密码 *').getAttribute('aria-invalid')).toBe('true'));
    expect(body).toBeNull();
    fireEvent.change(screen.getByLabelText('新密码 *'), { target: { value: 'Chengdu2026safe' } });
    fireEvent.change(screen.getByLabelText('再次输入新密码 *'), { target: { value: 'Chengdu2026safe' } });
    // After a failed submit the form revalidates on change, and the save button waits for it.
    const save = screen.getByRole('button', { name: '保存' }) as HTMLButtonElement;
    await waitFor(() => expect(save.disabled).toBe(false));
    fireEvent.click(save);
    expect(await screen.findByText('密码已修改')).toBeTruthy();
    expect(body).toEqual({ currentPassword: 'Guanai@2026', newPassword: 'Chengdu2026safe' });
  });
});
