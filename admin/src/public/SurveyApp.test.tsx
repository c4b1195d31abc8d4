import { configure, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { problem, server } from '../test/server.ts';
import { SurveyApp } from './SurveyApp.tsx';

// This machine runs several suites at once: give the pages time to load before a query gives up.
configure({ asyncUtilTimeout: 5_000 });

const TOKEN = 'AbCdEfGhIjKlMnOpQrStUvWx_-12';

function open(token = TOKEN) {
  window.location.hash = `#${token}`;
  return render(<SurveyApp />);
}

const rate = (question: string, stars: string) =>
  fireEvent.click(within(screen.getByRole('group', { name: question })).getByLabelText(stars));

describe('survey.html: the recipient answers on their phone', () => {
  it('names the center, takes three ratings and a comment, posts them once and thanks', async () => {
    const posted: unknown[] = [];
    server.use(
      http.get('*/api/public/surveys/:token', ({ params }) =>
        params.token === TOKEN
          ? HttpResponse.json({
              center: '锦官驿街道',
              questions: ['satisfaction', 'timeliness', 'respect'],
              expiresAt: '2026-12-04T02:00:00.000Z',
            })
          : problem(404, 'not-found', 'no'),
      ),
      http.post('*/api/public/surveys/:token', async ({ request }) => {
        posted.push(await request.json());
        return new HttpResponse(null, { status: 204 });
      }),
    );
    open();
    expect(
      await screen.findByText('感谢您对锦官驿街道工作的支持。请为我们的服务打分（1–5 星），您的评价将帮助我们改进。'),
    ).toBeTruthy();
    const send = screen.getByRole('button', { name: '提交评价' }) as HTMLButtonElement;
    expect(send.disabled).toBe(true);
    rate('总体满意度', '4 星');
    rate('及时性', '3 星');
    rate('尊重与态度', '5 星');
    fireEvent.change(screen.getByLabelText('意见和建议（可不填）'), { target: { value: '社工很耐心' } });
    fireEvent.click(send);
    expect(await screen.findByText('谢谢您的评价！')).toBeTruthy();
    expect(posted).toEqual([{ satisfaction: 4, timeliness: 3, respect: 5, comment: '社工很耐心' }]);
  });

  it('a used or expired link says so kindly instead of showing the form', async () => {
    server.use(
      http.get('*/api/public/surveys/:token', () =>
        problem(404, 'not-found', 'survey (the link is used, expired or wrong) not found'),
      ),
    );
    open();
    expect(await screen.findByText('这个链接已经用过或已过期')).toBeTruthy();
    expect(screen.getByText(/请联系为您服务的社工/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: '提交评价' })).toBeNull();
  });

  it('§四(八) a visit already surveyed (the link answered, or the caseworker took it in person) says so instead of showing the form', async () => {
    server.use(
      http.get('*/api/public/surveys/:token', () =>
        problem(409, 'already-surveyed', 'this follow-up visit already has its satisfaction survey'),
      ),
    );
    open();
    expect(await screen.findByText('这个链接已经用过或已过期')).toBeTruthy();
    expect(screen.queryByRole('button', { name: '提交评价' })).toBeNull();
  });

  it('§四(八) a visit surveyed meanwhile (on another phone, or by the caseworker) says so on sending', async () => {
    server.use(
      http.get('*/api/public/surveys/:token', () =>
        HttpResponse.json({ center: null, questions: ['satisfaction', 'timeliness', 'respect'], expiresAt: null }),
      ),
      http.post('*/api/public/surveys/:token', () =>
        problem(409, 'already-surveyed', 'this follow-up visit already has its satisfaction survey'),
      ),
    );
    open();
    await screen.findByText('请为我们的服务打分（1–5 星），您的评价将帮助我们改进。');
    rate('总体满意度', '5 星');
    rate('及时性', '5 星');
    rate('尊重与态度', '5 星');
    fireEvent.click(screen.getByRole('button', { name: '提交评价' }));
    await waitFor(() => expect(screen.getByText('这个链接已经用过或已过期')).toBeTruthy());
  });

  it('a link cut short asks to open the whole link, without asking the API', async () => {
    open('abc');
    expect(await screen.findByText('链接不完整')).toBeTruthy();
  });
});
