import { configure, render, screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { App } from '../App.tsx';
import { caseInScreening } from '../cases/test-fixtures.ts';
import { server } from '../test/server.ts';

configure({ asyncUtilTimeout: 5000 });

const at = '2026-11-20T02:00:00.000Z';

describe('§四(二) the plan on the case page', () => {
  it('§四(二) shows each item with the supervisor’s decision and the follow-up visit’s outcome', async () => {
    const record = caseInScreening([], {
      state: 'followUp.visiting',
      plan: {
        summary: '住房与照料',
        submittedAt: at,
        submittedBy: 'u-cw',
        approvedAt: at,
        returns: [{ at, by: 'u-sup', reason: '第2项「每周两次上门照料」：写明每次照料时长' }],
        items: [
          {
            id: 'i-1',
            needCategory: 'HOUSING',
            goal: '年底前完成屋顶修缮',
            action: '申请街道危房修缮项目',
            resourceKind: 'CHARITY_PROJECT',
            responsible: { kind: 'PARTNER', id: 'p-charity', name: '成都市慈善总会' },
            targetDate: '2026-12-31',
            decision: { approved: true, at, by: 'u-sup' },
            outcome: { outcome: 'ACHIEVED', note: '屋顶已不漏雨', at, by: 'u-cw' },
          },
          {
            id: 'i-2',
            needCategory: 'CARE',
            goal: '每周两次上门照料',
            action: '社工站上门服务',
            responsible: { kind: 'UNIT', id: 't1', name: '锦官驿街道' },
            targetDate: '2027-01-31',
            decision: { approved: true, at, by: 'u-sup' },
            outcome: { outcome: 'PARTLY', at, by: 'u-cw' },
          },
        ],
      },
    });
    server.use(http.get('*/api/cases/:id', () => HttpResponse.json(record)));
    window.location.hash = `#/cases/${record.id}/show`;
    render(<App />);
    const panel = await screen.findByRole('region', { name: '个性化关爱援助方案' });
    const first = within(panel).getByRole('article', { name: '第 1 项' });
    expect(within(first).getByText('第 1 项 · 住房：年底前完成屋顶修缮')).toBeTruthy();
    expect(within(first).getByText('措施/资源：申请街道危房修缮项目（慈善项目）')).toBeTruthy();
    expect(within(first).getByText('已批准')).toBeTruthy();
    expect(within(first).getByText('已达成：屋顶已不漏雨')).toBeTruthy();
    const second = within(panel).getByRole('article', { name: '第 2 项' });
    expect(within(second).getByText(/锦官驿街道（单位）/)).toBeTruthy();
    expect(within(second).getByText('部分达成')).toBeTruthy();
  }, 60_000);
});
