import { configure, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import type { TReceipt, TResource } from '@guanai/api/types';
import { App } from '../App.tsx';
import { rmbInWords } from '../print/DonationReceiptPrint.tsx';
import { listOf, server, signInAs, userAs } from '../test/server.ts';
import { changedResourceFields, createBody } from './resources/resourceBody.ts';
import { campaign } from './test-fixtures.ts';

configure({ asyncUtilTimeout: 10_000 });

/** The campaign's ledger: a donation of ¥100 refunded ¥30, and one of ¥0.30 untouched. */
const ledger = [
  {
    id: 'r-1',
    kind: 'REFUND',
    receiptNo: null,
    reversesId: 'g-1',
    reason: '捐赠人申请退回',
    donorName: '王先生',
    amount: -30,
    receivedOn: '2026-11-29',
    channel: null,
    createdAt: '2026-11-29T02:00:00Z',
  },
  {
    id: 'g-1',
    kind: 'DONATION',
    receiptNo: 'JZ2026-000001',
    reversesId: null,
    reason: null,
    donorName: '王先生',
    amount: 100,
    receivedOn: '2026-11-28',
    channel: '银行转账',
    createdAt: '2026-11-28T02:00:00Z',
  },
  {
    id: 'g-2',
    kind: 'DONATION',
    receiptNo: 'JZ2026-000002',
    reversesId: null,
    reason: null,
    donorName: '爱心人士',
    amount: 0.3,
    receivedOn: '2026-11-28',
    channel: null,
    createdAt: '2026-11-28T03:00:00Z',
  },
];

function serveCampaign(resource: TResource = campaign) {
  const posted: { path: string; key: string | null; body: unknown }[] = [];
  server.use(
    http.get('*/api/resources/:id', () => HttpResponse.json(resource)),
    http.get('*/api/resources/:id/donations', () => HttpResponse.json(ledger)),
    http.post('*/api/donations/:id/:kind', async ({ request, params }) => {
      posted.push({
        path: `${String(params.id)}/${String(params.kind)}`,
        key: request.headers.get('Idempotency-Key'),
        body: await request.json(),
      });
      return HttpResponse.json({ id: '0f0f0f0f-0000-4000-8000-000000000009', amount: '-70.00' }, { status: 201 });
    }),
  );
  return posted;
}

describe('§四(三) 募捐: the donations tab — 打印收据, 退款, 冲正', () => {
  it('the ledger shows receipt numbers and a refund as its own entry with its reason', async () => {
    serveCampaign();
    signInAs({ ...userAs('PARTNER'), partnerId: 'p-charity' } as never);
    window.location.hash = `#/resources/${campaign.id}/show`;
    render(<App />);
    const list = await screen.findByRole('list', { name: '捐赠台账' });
    expect(within(list).getByText(/收据号 JZ2026-000001/)).toBeTruthy();
    expect(within(list).getByText('退款', { selector: '.MuiChip-label' })).toBeTruthy();
    expect(within(list).getByText(/更正 JZ2026-000001 · 捐赠人申请退回/)).toBeTruthy();
    expect(within(list).getAllByRole('link', { name: '打印收据' })[0]!.getAttribute('href')).toBe(
      '#/print/donations/g-1',
    );
  });

  it('冲正 asks for a reason before it sends anything, then records a new entry with an Idempotency-Key', async () => {
    const posted = serveCampaign();
    signInAs({ ...userAs('MANAGER') } as never);
    window.location.hash = `#/resources/${campaign.id}/show`;
    render(<App />);
    const list = await screen.findByRole('list', { name: '捐赠台账' });
    const first = within(list)
      .getByText(/收据号 JZ2026-000001/)
      .closest('li')!;
    fireEvent.click(within(first).getByRole('button', { name: '冲正' }));
    const dialog = await screen.findByRole('dialog', { name: '冲正：JZ2026-000001' });
    // What remains of the donation (¥100 less the ¥30 refunded) is what a reversal takes.
    expect(within(dialog).getByText(/剩余的 ¥70.00/)).toBeTruthy();
    const confirm = within(dialog).getByRole('button', { name: '确认' }) as HTMLButtonElement;
    expect(confirm.disabled).toBe(true);
    fireEvent.change(within(dialog).getByLabelText(/原因/), { target: { value: '重复登记' } });
    expect(confirm.disabled).toBe(false);
    fireEvent.click(confirm);
    await waitFor(() =>
      expect(posted).toEqual([
        { path: 'g-1/reversals', key: expect.stringMatching(/^[0-9a-f-]{36}$/), body: { reason: '重复登记' } },
      ]),
    );
  });

  it('退款 takes an amount up to what remains, exact to the fen; more than that is not sent', async () => {
    const posted = serveCampaign();
    signInAs({ ...userAs('MANAGER') } as never);
    window.location.hash = `#/resources/${campaign.id}/show`;
    render(<App />);
    const list = await screen.findByRole('list', { name: '捐赠台账' });
    const small = within(list)
      .getByText(/收据号 JZ2026-000002/)
      .closest('li')!;
    fireEvent.click(within(small).getByRole('button', { name: '退款' }));
    const dialog = await screen.findByRole('dialog', { name: '退款：JZ2026-000002' });
    fireEvent.change(within(dialog).getByLabelText(/原因/), { target: { value: '捐赠人申请退回' } });
    fireEvent.change(within(dialog).getByLabelText(/金额/), { target: { value: '0.31' } });
    fireEvent.click(within(dialog).getByRole('button', { name: '确认' }));
    await new Promise((r) => setTimeout(r, 200));
    expect(posted).toEqual([]);
    fireEvent.change(within(dialog).getByLabelText(/金额/), { target: { value: '0.3' } });
    fireEvent.click(within(dialog).getByRole('button', { name: '确认' }));
    await waitFor(() =>
      expect(posted).toEqual([
        { path: 'g-2/refunds', key: expect.any(String), body: { amount: 0.3, reason: '捐赠人申请退回' } },
      ]),
    );
  });
});

const receipt: TReceipt = {
  id: 'g-1',
  kind: 'DONATION',
  receiptNo: 'JZ2026-000001',
  reversesId: null,
  reversesReceiptNo: null,
  donorName: '王先生',
  amount: '1234.50',
  receivedOn: '2026-11-28',
  channel: '银行转账',
  reason: null,
  recordedBy: '慈善会 吴军',
  createdAt: '2026-11-28T02:00:00Z',
  campaign: { id: campaign.id, name: '定向募捐：助学', type: 'DIRECTED', provider: '成都市慈善总会' },
  beneficiary: { category: 'EDUCATION', township: '锦官驿街道' },
  corrections: [
    {
      id: 'r-1',
      kind: 'REVERSAL',
      amount: '-1234.50',
      reason: '误将他项目款项登记于此',
      receivedOn: '2026-12-02',
      recordedBy: '民政 孙丽',
      createdAt: '2026-12-02T02:00:00Z',
    },
  ],
  remaining: '0.00',
};

describe('捐赠收据 (the receipt to print)', () => {
  it('an A4 receipt: number, donor, amount in figures and in words, the campaign, its beneficiary as category and township only, and its corrections', async () => {
    server.use(http.get('*/api/donations/:id', () => HttpResponse.json(receipt)));
    signInAs({ ...userAs('PARTNER'), partnerId: 'p-charity' } as never);
    window.location.hash = '#/print/donations/g-1';
    render(<App />);
    expect((await screen.findByRole('heading', { level: 1 })).textContent).toBe('捐赠收据');
    expect(screen.getByText('收据编号：JZ2026-000001')).toBeTruthy();
    expect(screen.getByTestId('receipt-amount').textContent).toBe('¥1,234.50');
    expect(screen.getByTestId('receipt-words').textContent).toBe('人民币壹仟贰佰叁拾肆元伍角整');
    expect(screen.getByTestId('receipt-beneficiary').textContent).toBe('教育 · 锦官驿街道');
    expect(screen.getByText('误将他项目款项登记于此')).toBeTruthy();
    expect(screen.getByTestId('receipt-remaining').textContent).toBe('0.00');
    expect(screen.getByText('出具单位盖章：')).toBeTruthy();
  });

  it('amounts in words (人民币大写), from the decimal string', () => {
    expect(rmbInWords('0.10')).toBe('壹角整');
    expect(rmbInWords('0.05')).toBe('伍分');
    expect(rmbInWords('33.33')).toBe('叁拾叁元叁角叁分');
    expect(rmbInWords('100.00')).toBe('壹佰元整');
    expect(rmbInWords('1005.07')).toBe('壹仟零伍元零柒分');
    expect(rmbInWords('100000.00')).toBe('壹拾万元整');
    expect(rmbInWords('10.50')).toBe('壹拾元零伍角整');
    expect(rmbInWords('0.00')).toBe('零元整');
  });
});

describe('§四(三) 定向募捐 on the resource form', () => {
  it('the edit form of a directed campaign shows its beneficiary inputs, filled in', async () => {
    const directed = {
      ...campaign,
      campaignType: 'DIRECTED',
      beneficiaryCategory: 'EDUCATION',
      beneficiaryTownshipId: 't1',
      beneficiaryTownshipName: '锦官驿街道',
    };
    server.use(
      http.get('*/api/resources/:id', () => HttpResponse.json(directed)),
      http.get('*/api/cases', () => listOf('cases', [])),
      http.get('*/api/partners', () => listOf('partners', [])),
    );
    signInAs(userAs('MANAGER'));
    window.location.hash = `#/resources/${campaign.id}`;
    render(<App />);
    expect(await screen.findByText(/定向募捐须指明受益对象/)).toBeTruthy();
    expect(screen.getByLabelText('受益个案')).toBeTruthy();
    expect(screen.getByLabelText('受益乡镇（街道）')).toBeTruthy();
    expect(screen.getByLabelText('受益需求类别')).toBeTruthy();
  });

  it('a directed campaign sends its beneficiary; a public one sends none, and switching to public clears it', () => {
    const base = {
      kind: 'FUNDRAISING',
      name: '定向募捐：助学',
      providerId: 'p-charity',
      coverageUnitId: 'city',
      categories: ['EDUCATION'],
      target: 1000,
      deadline: '2030-12-31',
      beneficiaryCategory: 'EDUCATION',
      beneficiaryTownshipId: 't1',
    };
    expect(createBody({ ...base, campaignType: 'DIRECTED' } as never)).toMatchObject({
      campaignType: 'DIRECTED',
      beneficiaryCategory: 'EDUCATION',
      beneficiaryTownshipId: 't1',
    });
    expect(createBody({ ...base, campaignType: 'PUBLIC' } as never)).not.toHaveProperty('beneficiaryCategory');
    expect(
      changedResourceFields({ ...base, campaignType: 'PUBLIC' } as never, {
        previousData: { ...base, campaignType: 'DIRECTED' } as never,
      }),
    ).toEqual({ campaignType: 'PUBLIC', beneficiaryCategory: null, beneficiaryTownshipId: null });
  });
});
