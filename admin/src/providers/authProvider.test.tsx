import { fireEvent, render, screen } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../App.tsx';
import { me, problem, server } from '../test/server.ts';
import { forgetIdentity, SESSION_KEY } from './authProvider.ts';

describe('signing in', () => {
  it('a 429 from login shows, in Chinese, why and the API’s wait time', async () => {
    server.use(
      http.get('*/api/auth/me', () => problem(401, 'unauthenticated', 'sign in first (no valid session)')),
      http.post('*/api/auth/logout', () => new HttpResponse(null, { status: 204 })),
      http.post('*/api/auth/login', () =>
        problem(429, 'login-rate-limited', 'too many failed sign-ins; try again in 15 minutes'),
      ),
    );
    window.location.hash = '#/tasks';
    render(<App />);
    fireEvent.change(await screen.findByLabelText('用户名 *', {}, { timeout: 10_000 }), { target: { value: 'zhang' } });
    fireEvent.change(screen.getByLabelText('密码 *'), { target: { value: 'wrong' } });
    fireEvent.click(screen.getByRole('button', { name: '登录' }));
    expect(
      await screen.findByText('登录失败次数过多，请稍后再试（too many failed sign-ins; try again in 15 minutes）'),
    ).toBeTruthy();
  });
});

describe('signed in with no network (the installable app, issue 16)', () => {
  const identity = '社工 张伟 · 锦官驿街道';
  // A wide screen, where the app bar names the signed-in user.
  beforeEach(() => {
    vi.spyOn(window, 'matchMedia').mockImplementation((query: string) => ({
      matches: query.includes('min-width'),
      media: query,
      onchange: null,
      addListener: () => {},
      removeListener: () => {},
      addEventListener: () => {},
      removeEventListener: () => {},
      dispatchEvent: () => false,
    }));
    server.use(http.get('*/api/absences/current', () => HttpResponse.json({ mine: null, covering: [] })));
  });
  afterEach(() => vi.restoreAllMocks());

  /** Signs in as the default caseworker (the API answers /api/auth/me), as the last visit with a signal. */
  async function visitOnline() {
    window.location.hash = '#/tasks';
    const view = render(<App />);
    expect(await screen.findByText(identity, {}, { timeout: 10_000 })).toBeTruthy();
    view.unmount();
    forgetIdentity(); // a reload: nothing of the page is left but what the browser keeps
  }

  it('a reload while the API cannot be reached keeps the user signed in, as the last session the API confirmed', async () => {
    await visitOnline();
    const kept = JSON.parse(localStorage.getItem(SESSION_KEY) ?? 'null') as Record<string, unknown>;
    expect(kept).toMatchObject({ id: me.id, displayName: me.displayName, role: 'CASEWORKER' });
    expect(kept.orgUnit).toEqual({ id: 't1', name: '锦官驿街道', level: 'TOWNSHIP' });
    expect(kept).not.toHaveProperty('username'); // only what the admin shows and needs

    server.use(http.all('*/api/*', () => HttpResponse.error())); // every fetch rejects: no network
    window.location.hash = '#/tasks';
    render(<App />);
    expect(await screen.findByText(identity, {}, { timeout: 10_000 })).toBeTruthy();
    expect(await screen.findAllByRole('menuitem', { name: '任务' })).not.toHaveLength(0);
    expect(screen.queryByLabelText('用户名 *')).toBeNull();
  });

  it('a 401 signs the user out and forgets the kept session, even though one was kept', async () => {
    await visitOnline();
    expect(localStorage.getItem(SESSION_KEY)).not.toBeNull();

    server.use(
      http.get('*/api/auth/me', () => problem(401, 'unauthenticated', 'sign in first (no valid session)')),
      http.post('*/api/auth/logout', () => new HttpResponse(null, { status: 204 })),
    );
    window.location.hash = '#/tasks';
    render(<App />);
    expect(await screen.findByLabelText('用户名 *', {}, { timeout: 10_000 })).toBeTruthy();
    expect(screen.queryByText(identity)).toBeNull();
    expect(localStorage.getItem(SESSION_KEY)).toBeNull();
  });

  it('with no network and no kept session, the sign-in page', async () => {
    server.use(
      http.get('*/api/auth/me', () => HttpResponse.error()),
      http.post('*/api/auth/logout', () => HttpResponse.error()),
    );
    window.location.hash = '#/tasks';
    render(<App />);
    expect(await screen.findByLabelText('用户名 *', {}, { timeout: 10_000 })).toBeTruthy();
  });
});
