import type { TMatch } from '@guanai/api/types';
import { configure, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { App } from '../App.tsx';
import { listOf, server, signInAs, userAs } from '../test/server.ts';
import { match, staffMatch } from './test-fixtures.ts';

// The whole app renders for each test: give a loaded machine time to sign in and fetch.
configure({ asyncUtilTimeout: 5000 });

const partner = userAs('PARTNER', { displayName: '慈善会 吴军', partnerId: 'p-charity' } as never);
const accepted: TMatch = {
  ...match,
  status: 'ACCEPTED',
  person: { name: '黄秀英', phone: '13900003001', address: '水井坊街 30 号' },
  decidedAt: '2026-03-02T08:00:00Z',
};

/** The portal with one match whose state the test drives. */
function portal(state: { current: TMatch }) {
  server.use(
    http.get('*/api/matches', () => listOf('matches', [state.current])),
    http.get('*/api/matches/:id', () => HttpResponse.json(state.current)),
  );
}

describe('the partner portal (对接申请)', () => {
  it('a partner finds the proposal in the menu, with the person’s name masked, and accepts it; then sees the name, phone and address', async () => {
    const state = { current: match };
    let acceptedId: string | null = null;
    signInAs(partner);
    portal(state);
    server.use(
      http.post('*/api/matches/:id/accept', ({ params }) => {
        acceptedId = String(params.id);
        state.current = accepted;
        return HttpResponse.json(accepted);
      }),
    );
    window.location.hash = '#/tasks';
    server.use(http.get('*/api/tasks', () => listOf('tasks', [])));
    render(<App />);
    fireEvent.click((await screen.findAllByRole('menuitem', { name: '对接申请' }))[0]!);
    const row = (await screen.findByText('黄*英')).closest('tr')!;
    expect(within(row).getByText('医疗（重）：住院费用缺口')).toBeTruthy();
    expect(within(row).getByText('锦官驿街道')).toBeTruthy();
    expect(within(row).getByText('水井坊社区')).toBeTruthy();
    expect(within(row).getByText('¥5,000.00')).toBeTruthy();
    expect(within(row).getByText('待接受')).toBeTruthy();
    fireEvent.click(row);

    expect(await screen.findByText('接受后可见求助人姓名、电话和住址')).toBeTruthy();
    expect(screen.getByText('黄*英')).toBeTruthy();
    expect(screen.queryByText('13900003001')).toBeNull();
    expect(screen.getByRole('button', { name: '拒绝' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: '登记落实' })).toBeNull(); // not before accepting
    fireEvent.click(screen.getByRole('button', { name: '接受' }));

    expect(await screen.findByText('已接受对接')).toBeTruthy();
    expect(acceptedId).toBe('m-1');
    expect(await screen.findByText('黄秀英')).toBeTruthy();
    expect(screen.getByText('13900003001')).toBeTruthy();
    expect(screen.getByText('水井坊街 30 号')).toBeTruthy();
    expect(screen.queryByText('接受后可见求助人姓名、电话和住址')).toBeNull();
    expect(screen.queryByRole('button', { name: '接受' })).toBeNull();
    expect(screen.getByRole('button', { name: '登记落实' })).toBeTruthy();
  });

  it('declining needs a reason before it is sent', async () => {
    const state = { current: match };
    const declined: unknown[] = [];
    signInAs(partner);
    portal(state);
    server.use(
      http.post('*/api/matches/:id/decline', async ({ request }) => {
        declined.push(await request.json());
        state.current = { ...match, status: 'DECLINED', declineReason: '本月名额已排满' };
        return HttpResponse.json(state.current);
      }),
    );
    window.location.hash = '#/matches/m-1/show';
    render(<App />);
    fireEvent.click(await screen.findByRole('button', { name: '拒绝' }));
    const dialog = await screen.findByRole('dialog', { name: '拒绝对接' });
    const confirm = within(dialog).getByRole('button', { name: '确认' }) as HTMLButtonElement;
    expect(confirm.disabled).toBe(true);
    fireEvent.click(confirm);
    fireEvent.change(within(dialog).getByLabelText(/拒绝理由/), { target: { value: ' ' } });
    expect(confirm.disabled).toBe(true); // blanks are no reason
    expect(declined).toEqual([]);
    fireEvent.change(within(dialog).getByLabelText(/拒绝理由/), { target: { value: '本月名额已排满' } });
    expect(confirm.disabled).toBe(false);
    fireEvent.click(confirm);
    await waitFor(() => expect(declined).toEqual([{ reason: '本月名额已排满' }]));
    expect(await screen.findByText('已拒绝：本月名额已排满')).toBeTruthy();
  });

  it('recording a delivery uploads the evidence first, then posts the delivery naming it, with an Idempotency-Key', async () => {
    const state = { current: accepted };
    const uploads: { type: string | null; filename: string | null; size: number }[] = [];
    const deliveries: { key: string | null; body: unknown }[] = [];
    signInAs(partner);
    portal(state);
    server.use(
      http.post('*/api/matches/:id/evidence', async ({ request }) => {
        uploads.push({
          type: request.headers.get('Content-Type'),
          filename: request.headers.get('X-Filename'),
          size: (await request.arrayBuffer()).byteLength,
        });
        return HttpResponse.json(
          { id: '7a7a7a7a-0000-4000-8000-00000000000e', filename: '收据.png', contentType: 'image/png', size: 8 },
          { status: 201 },
        );
      }),
      http.post('*/api/matches/:id/deliveries', async ({ request }) => {
        deliveries.push({ key: request.headers.get('Idempotency-Key'), body: await request.json() });
        state.current = {
          ...accepted,
          deliveries: [
            {
              id: 'd-1',
              kind: 'MONEY',
              description: '住院押金',
              amount: 5000,
              quantity: null,
              hours: null,
              deliveredOn: '2026-03-05',
              evidence: ['7a7a7a7a-0000-4000-8000-00000000000e'],
            },
          ],
        };
        return HttpResponse.json(state.current, { status: 201 });
      }),
    );
    window.location.hash = '#/matches/m-1/show';
    render(<App />);
    fireEvent.click(await screen.findByRole('button', { name: '登记落实' }));
    const dialog = await screen.findByRole('dialog', { name: '登记落实' });
    expect((within(dialog).getByLabelText('资金') as HTMLInputElement).checked).toBe(true); // the match holds money
    fireEvent.change(within(dialog).getByLabelText(/内容/), { target: { value: '住院押金' } });
    fireEvent.change(within(dialog).getByLabelText(/金额（元）/), { target: { value: '5000' } });
    fireEvent.change(within(dialog).getByLabelText(/落实日期/), { target: { value: '2026-03-05' } });
    const png = new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])], '收据.png', {
      type: 'image/png',
    });
    fireEvent.change(within(dialog).getByTestId('delivery-evidence'), { target: { files: [png] } });
    expect(within(dialog).getByText(/收据\.png/)).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('button', { name: '确认' }));
    await waitFor(() => expect(deliveries).toHaveLength(1));
    expect(uploads).toEqual([{ type: 'image/png', filename: encodeURIComponent('收据.png'), size: 8 }]);
    expect(deliveries[0]).toEqual({
      key: expect.stringMatching(/^[0-9a-f-]{36}$/),
      body: {
        kind: 'MONEY',
        description: '住院押金',
        amount: 5000,
        deliveredOn: '2026-03-05',
        evidence: ['7a7a7a7a-0000-4000-8000-00000000000e'],
      },
    });
    expect(await screen.findByText('资金 · 住院押金 · ¥5,000.00')).toBeTruthy();
    expect(screen.getByText(/凭证 1 份/)).toBeTruthy(); // a partner cannot open the case's files
  });

  it('a caseworker sees the person and may withdraw, but has no accept or decline', async () => {
    portal({ current: staffMatch });
    window.location.hash = '#/matches/m-1/show';
    render(<App />);
    expect(await screen.findByText('黄秀英')).toBeTruthy();
    expect(screen.getByText('13900003001')).toBeTruthy();
    expect(screen.getByRole('button', { name: '撤回' })).toBeTruthy();
    expect(screen.getByRole('link', { name: '查看案件' }).getAttribute('href')).toBe('#/cases/case-9/show');
    expect(screen.queryByRole('button', { name: '接受' })).toBeNull();
    expect(screen.queryByRole('button', { name: '拒绝' })).toBeNull();
  });

  it('a manager may read matches but not act on them', async () => {
    signInAs(userAs('MANAGER'));
    portal({ current: { ...staffMatch, status: 'ACCEPTED' } });
    window.location.hash = '#/matches/m-1/show';
    render(<App />);
    expect(await screen.findByText('黄秀英')).toBeTruthy();
    for (const name of ['接受', '拒绝', '撤回', '登记落实']) expect(screen.queryByRole('button', { name })).toBeNull();
  });

  it('on a phone the partner’s list is one readable row per proposal', async () => {
    signInAs(partner);
    portal({ current: match });
    const original = window.matchMedia;
    window.matchMedia = ((query: string) => ({
      matches: query.includes('max-width'),
      media: query,
      onchange: null,
      addListener: () => {},
      removeListener: () => {},
      addEventListener: () => {},
      removeEventListener: () => {},
      dispatchEvent: () => false,
    })) as typeof window.matchMedia;
    try {
      window.location.hash = '#/matches';
      render(<App />);
      expect(await screen.findByText('医疗（重）：住院费用缺口 · 黄*英')).toBeTruthy();
      expect(screen.getByText('大病医疗爱心援助 · ¥5,000.00 · 锦官驿街道 水井坊社区 · GA-2026-000009')).toBeTruthy();
      expect(screen.queryByRole('table')).toBeNull();
    } finally {
      window.matchMedia = original;
    }
  });
});
