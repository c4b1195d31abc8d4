import { fireEvent, render, screen } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { App } from '../App.tsx';
import { problem, server } from '../test/server.ts';

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
