import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { App } from '../App.tsx';
import { person, server } from '../test/server.ts';

function renderAt(hash: string) {
  window.location.hash = hash;
  return render(<App />);
}

describe('household income (for income-per-head eligibility)', () => {
  it('says when it is unknown, and a worker records it for the household', async () => {
    let sent: unknown = null;
    server.use(
      http.get('*/api/people/:id', () =>
        HttpResponse.json({
          ...person,
          household: { id: 'h1', address: '水井坊街12号', monthlyIncome: null, members: [{ ...person }] },
        }),
      ),
      http.put('*/api/households/:id', async ({ request, params }) => {
        sent = { id: params.id, body: await request.json() };
        return HttpResponse.json({ id: 'h1', address: '水井坊街12号', monthlyIncome: 2000, members: 1 });
      }),
    );
    renderAt(`#/people/${person.id}/show`);
    expect(await screen.findByText('家庭月收入未登记（对接时需核实）')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '登记家庭收入' }));
    fireEvent.change(screen.getByLabelText('家庭月收入（元）'), { target: { value: '2000' } });
    fireEvent.click(screen.getByRole('button', { name: '保存' }));
    await waitFor(() => expect(sent).toEqual({ id: 'h1', body: { monthlyIncome: 2000 } }));
  });

  it('shows the income per head once known', async () => {
    server.use(
      http.get('*/api/people/:id', () =>
        HttpResponse.json({
          ...person,
          household: {
            id: 'h1',
            address: null,
            monthlyIncome: 3000,
            members: [{ ...person }, { ...person, id: 'm2' }],
          },
        }),
      ),
    );
    renderAt(`#/people/${person.id}/show`);
    expect(await screen.findByText('家庭月收入 ¥3,000（人均 ¥1,500）')).toBeTruthy();
  });
});
