import { configure, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { server } from '../test/server.ts';
import { PublicApp } from './PublicApp.tsx';

// This machine runs several suites at once: give the pages time to load before a query gives up.
configure({ asyncUtilTimeout: 5_000 });

const rows = [
  {
    recipient: '张*明',
    township: '锦官驿街道',
    category: 'MEDICAL',
    resource: '大病医疗爱心援助',
    kind: 'MONEY',
    amount: 3000,
    hours: null,
    quantity: null,
    month: '2026-10',
  },
  {
    recipient: '李*英',
    township: '锦官驿街道',
    category: 'MEDICAL',
    resource: '大病医疗爱心援助',
    kind: 'MONEY',
    amount: 2000,
    hours: null,
    quantity: null,
    month: '2026-10',
  },
  {
    recipient: '王*国',
    township: '锦官驿街道',
    category: 'CARE',
    resource: '独居老人上门探访',
    kind: 'SERVICE',
    amount: null,
    hours: 6,
    quantity: null,
    month: '2026-10',
  },
];
const versions = [
  {
    version: 1,
    kind: 'ORIGINAL',
    reason: null,
    publishedAt: '2026-10-31T18:00:00.000Z',
    hash: 'a1b2c3d4e5f6a7b8c9d0',
    prevHash: null,
  },
  {
    version: 2,
    kind: 'CORRECTION',
    reason: null,
    publishedAt: '2026-11-05T02:00:00.000Z',
    hash: 'f0e1d2c3b4a5968778695a4b',
    prevHash: 'a1b2c3d4e5f6a7b8c9d0',
  },
];
const snapshot = (version: number) => ({
  period: '2026-10',
  version,
  kind: version === 2 ? 'CORRECTION' : 'ORIGINAL',
  reason: null,
  publishedAt: versions[version - 1]!.publishedAt,
  hash: versions[version - 1]!.hash,
  threshold: 3,
  suppressed: version === 2 ? 1 : 2,
  rows: version === 2 ? rows : rows.slice(0, 2),
  projects: [
    { resourceId: 'r1', name: '大病医疗爱心援助', raised: 500000, disbursed: 7300, balance: 492700, helped: 4 },
  ],
  // §四(三): the month's refunds and reversals; a month without any has no such key.
  ...(version === 2
    ? {
        corrections: [
          {
            campaign: '助学圆梦公益募捐',
            receiptNo: 'JZ2026-000007',
            kind: 'REVERSAL',
            amount: '-33.33',
            reason: '重复登记',
            date: '2026-10-20',
          },
        ],
      }
    : {}),
  versions,
});

function publicApi(asked: string[] = []) {
  server.use(
    http.get('*/api/public/disclosures', () =>
      HttpResponse.json([
        {
          period: '2026-10',
          versions: versions.map(({ version, kind, publishedAt }) => ({ version, kind, publishedAt })),
        },
        { period: '2026-09', versions: [{ version: 1, kind: 'ORIGINAL', publishedAt: '2026-09-30T18:00:00.000Z' }] },
      ]),
    ),
    http.get('*/api/public/disclosures/:period', ({ request }) => {
      const url = new URL(request.url);
      asked.push(`${url.pathname}${url.search}`);
      return HttpResponse.json(snapshot(Number(url.searchParams.get('version') ?? 2)));
    }),
    http.get('*/api/public/campaigns', () =>
      HttpResponse.json([
        {
          id: 'c1',
          name: '助学圆梦公益募捐',
          type: 'PUBLIC',
          beneficiary: null,
          target: '300000.00',
          raised: '1234.03',
          spent: '33.53',
          balance: '1200.50',
        },
        {
          id: 'c2',
          name: '定向募捐：危房改造',
          type: 'DIRECTED',
          beneficiary: { category: 'HOUSING', township: '锦官驿街道' },
          target: '50000.00',
          raised: '0.30',
          spent: '0.00',
          balance: '0.30',
        },
      ]),
    ),
    http.get('*/api/public/projects', () =>
      HttpResponse.json([
        {
          id: 'p1',
          title: '独居老人房屋修缮',
          description: '老人独居，房屋漏雨，需修缮屋顶。',
          category: 'HOUSING',
          townshipId: 't1',
          townshipName: '锦官驿街道',
          districtName: '锦江区',
          amount: 8000,
          service: null,
          status: 'PUBLISHED',
          responses: 0,
          publishedAt: '2026-11-02T02:00:00.000Z',
        },
      ]),
    ),
    http.get('*/api/public/offers', () =>
      HttpResponse.json([
        {
          id: 'o1',
          kind: 'FUNDRAISING',
          name: '助学圆梦公益募捐',
          description: '资助困难家庭学生完成学业。',
          providerName: '成都市慈善总会',
          coverageName: '成都市',
          categories: ['EDUCATION'],
          remainingPlaces: null,
          campaign: { type: 'PUBLIC', target: 300000, raised: 120000, deadline: '2026-12-31' },
        },
      ]),
    ),
  );
}

describe('public.html: 过程信息公开, without signing in', () => {
  it('shows the latest month: masked rows with translated categories, the suppression note, the correction marked, the CSV of this version', async () => {
    const asked: string[] = [];
    publicApi(asked);
    render(<PublicApp />);
    expect(await screen.findByText('2026-10 援助明细')).toBeTruthy();
    expect(asked).toEqual(['/api/public/disclosures/2026-10']);
    const table = screen.getByTestId('disclosure-rows');
    expect(within(table).getByText('张*明')).toBeTruthy();
    expect(within(table).getByText('王*国')).toBeTruthy();
    expect(within(table).getAllByText('医疗')).toHaveLength(2);
    expect(within(table).getByText('照料护理')).toBeTruthy();
    expect(within(table).getByText('¥3,000')).toBeTruthy();
    expect(within(table).getByText('6 小时')).toBeTruthy();
    expect(within(screen.getByTestId('suppression-note')).getByText('因人数少于 3 人未公开 1 条')).toBeTruthy();
    // The month is a correction: marked in the heading, on the month's chip and in the versions list.
    const months = within(screen.getByRole('list', { name: '已公开的月份' })).getAllByRole('listitem');
    expect(months.map((m) => m.textContent)).toEqual(['2026-10 · 更正', '2026-09']);
    expect(screen.getAllByText('更正').length).toBeGreaterThanOrEqual(2);
    expect(screen.getByRole('link', { name: '下载本版 CSV' }).getAttribute('href')).toBe(
      '/api/public/disclosures/2026-10/csv?version=2',
    );
    expect(screen.getByText('¥492,700')).toBeTruthy(); // the project's balance
  });

  it('§四(七) 过程信息公开: the month’s corrections of donations, and every campaign’s figures to the fen; an earlier version has no corrections', async () => {
    publicApi();
    render(<PublicApp />);
    const corrections = await screen.findByTestId('disclosure-corrections');
    expect(within(corrections).getByText('冲正')).toBeTruthy();
    expect(within(corrections).getByText('-¥33.33')).toBeTruthy();
    expect(within(corrections).getByText('2026-10-20 · 原收据 JZ2026-000007 · 重复登记')).toBeTruthy();
    const campaigns = await screen.findByTestId('public-campaigns');
    expect(within(campaigns).getByText('¥1,234.03')).toBeTruthy();
    expect(within(campaigns).getByText('¥1,200.50')).toBeTruthy();
    expect(within(campaigns).getByText('住房 · 锦官驿街道')).toBeTruthy();
    expect(within(campaigns).getByText('不定向')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '查看此版本' }));
    await screen.findByText('您正在查看 2026-10 的第 1 版（历史版本），最新为第 2 版。');
    expect(screen.queryByTestId('disclosure-corrections')).toBeNull();
  });

  it('an earlier version can be read again, and says it is not the latest', async () => {
    const asked: string[] = [];
    publicApi(asked);
    render(<PublicApp />);
    await screen.findByText('2026-10 援助明细');
    fireEvent.click(screen.getByRole('button', { name: '查看此版本' }));
    expect(await screen.findByText('您正在查看 2026-10 的第 1 版（历史版本），最新为第 2 版。')).toBeTruthy();
    expect(asked.at(-1)).toBe('/api/public/disclosures/2026-10?version=1');
    expect(window.location.hash).toBe('#2026-10/v1');
    expect(screen.queryByText('王*国')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: '查看最新版本' }));
    expect(await screen.findByText('王*国')).toBeTruthy();
  });

  it('reads in English on request, and lists the projects and campaigns for donors', async () => {
    publicApi();
    render(<PublicApp />);
    await screen.findByText('2026-10 援助明细');
    fireEvent.click(screen.getByRole('button', { name: 'English' }));
    expect(await screen.findByText('Assistance in 2026-10')).toBeTruthy();
    expect(screen.getByText('1 rows withheld because fewer than 3 people')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '中文' }));
    fireEvent.click(screen.getByRole('tab', { name: '公益项目' }));
    expect(await screen.findByText('独居老人房屋修缮')).toBeTruthy();
    expect(screen.getByText('所需金额 ¥8,000')).toBeTruthy();
    expect(await screen.findByText('已筹 ¥120,000 / 目标 ¥300,000 · 截止 2026-12-31')).toBeTruthy();
    await waitFor(() => expect(screen.getByRole('progressbar').getAttribute('aria-valuenow')).toBe('40'));
  });
});
