import { configure, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { App } from '../../App.tsx';
import { listOf, problem, server, signInAs, userAs } from '../../test/server.ts';
import { lastMonth } from '../months.ts';

// This machine runs several suites at once: give the pages time to load before a query gives up.
configure({ asyncUtilTimeout: 5_000 });

const partner = { ...userAs('PARTNER', { displayName: '益民社工 何静' }), partnerId: 'p-sw' };
const service = {
  id: '0d9c1b2a-0000-4000-8000-000000000031',
  name: '困境儿童社工个案服务',
  kind: 'PURCHASED_SERVICE',
  providerId: 'p-sw',
};

function fill() {
  fireEvent.change(screen.getByLabelText('服务人数 *'), { target: { value: '12' } });
  fireEvent.change(screen.getByLabelText('服务时长（小时）'), { target: { value: '96' } });
  fireEvent.change(screen.getByLabelText('支出金额（元）'), { target: { value: '18000' } });
  fireEvent.change(screen.getByLabelText('工作情况说明 *'), {
    target: { value: '本月完成困境儿童个案12例，开展小组活动2次' },
  });
  fireEvent.change(screen.getByLabelText('自评分（0–100） *'), { target: { value: '85' } });
  fireEvent.click(screen.getByRole('button', { name: '提交自评' }));
}

describe('自评报告: a partner reports on its own service', () => {
  it('offers only the organisation’s own services and posts the month’s figures to the one chosen', async () => {
    const filters: unknown[] = [];
    const posted: unknown[] = [];
    signInAs(partner);
    server.use(
      http.get('*/api/resources', ({ request }) => {
        filters.push(JSON.parse(new URL(request.url).searchParams.get('filter') ?? '{}'));
        return listOf('resources', [service]);
      }),
      http.post('*/api/resources/:id/self-reports', async ({ params, request }) => {
        posted.push({ resourceId: params.id, body: await request.json() });
        return HttpResponse.json({ id: 'sr-1' }, { status: 201 });
      }),
    );
    window.location.hash = '#/self-reports';
    render(<App />);
    expect(await screen.findByText('困境儿童社工个案服务')).toBeTruthy();
    expect(filters).toContainEqual({ providerId: 'p-sw' });
    fill();
    await waitFor(() =>
      expect(posted).toEqual([
        {
          resourceId: service.id,
          body: {
            period: lastMonth(),
            served: 12,
            hours: 96,
            spent: 18000,
            narrative: '本月完成困境儿童个案12例，开展小组活动2次',
            score: 85,
          },
        },
      ]),
    );
    expect(await screen.findByText(`已提交 ${lastMonth()} 的自评报告`)).toBeTruthy();
  });

  it('a month already reported is refused, and says so', async () => {
    signInAs(partner);
    server.use(
      http.get('*/api/resources', () => listOf('resources', [service])),
      http.post('*/api/resources/:id/self-reports', () =>
        problem(409, 'already-reported', 'this month is already reported'),
      ),
    );
    window.location.hash = '#/self-reports';
    render(<App />);
    await screen.findByText('困境儿童社工个案服务');
    fill();
    expect(await screen.findByText(/本月的自评报告已提交过/)).toBeTruthy();
  });
});
