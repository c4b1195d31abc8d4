import type { TCaseEligibility } from '@guanai/api/types';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { App } from '../App.tsx';
import { me, noEligibility, screenTask, server } from '../test/server.ts';

const today = new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

/** A household of 3 at ¥2,100 a month in 锦江区: 低保 and 医疗救助 YES, 特困 UNKNOWN. */
const suggested: TCaseEligibility = {
  ...noEligibility('case-1'),
  household: { householdId: 'h1', personId: 'p1', members: 3, monthlyIncome: 2100, assets: 30000, hasSupporter: false },
  suggestions: [
    {
      scheme: 'DIBAO',
      eligible: 'YES',
      reasons: [
        '家庭月人均收入 ¥700.00（¥2,100.00 ÷ 3 人） 低于 锦江区 低保标准 ¥1,180.00（2026-07-01 起，锦民发〔2026〕12号）',
      ],
      standardId: '00000000-0000-4000-8000-000000000001',
    },
    {
      scheme: 'TEKUN',
      eligible: 'UNKNOWN',
      reasons: ['2 名劳动年龄（16–59 岁）内家庭成员的劳动能力未登记'],
      standardId: '00000000-0000-4000-8000-000000000002',
    },
    {
      scheme: 'YILIAO',
      eligible: 'YES',
      reasons: [
        '家庭月人均收入 ¥700.00（¥2,100.00 ÷ 3 人） 低于 全市 医疗救助标准 ¥1,650.00（2025-07-01 起，成医保发〔2025〕21号）',
      ],
      standardId: '00000000-0000-4000-8000-000000000003',
    },
  ],
};

function screenTaskWith(eligibility: TCaseEligibility) {
  let body: unknown = null;
  server.use(
    http.get('*/api/tasks/:id', () =>
      HttpResponse.json({ ...screenTask, assigneeId: me.id, assigneeName: me.displayName }),
    ),
    http.get('*/api/cases/:id/eligibility', () => HttpResponse.json(eligibility)),
    http.post('*/api/tasks/:id/complete', async ({ request }) => {
      body = await request.json();
      return HttpResponse.json({ caseId: 'case-1', state: 'monitoring', version: 9 });
    }),
    http.get('*/api/cases/:id', () =>
      HttpResponse.json({ id: 'case-1', caseNo: 'GA-2026-000001', events: [], tasks: [] }),
    ),
  );
  window.location.hash = `#/tasks/${encodeURIComponent(screenTask.id)}/show`;
  render(<App />);
  return () => body;
}

describe('§二 无缝衔接 the eligibility panel of the screening form', () => {
  it('§二 无缝衔接 shows each suggestion with its reasons; an override needs a reason before the form is sent', async () => {
    const sent = screenTaskWith(suggested);
    const dibao = await screen.findByTestId('suggestion-DIBAO', undefined, { timeout: 10_000 });
    expect(within(dibao).getByText('符合条件')).toBeTruthy();
    expect(within(dibao).getByText(/低于 锦江区 低保标准 ¥1,180.00（2026-07-01 起，锦民发〔2026〕12号）/)).toBeTruthy();
    expect(within(screen.getByTestId('suggestion-TEKUN')).getByText('资料不全')).toBeTruthy();

    // Confirm 低保 (refer); 医疗救助 is suggested but not referred: an override.
    fireEvent.click(within(dibao).getByRole('button', { name: '转介' }));
    fireEvent.click(screen.getByLabelText('仅需政府救助'));
    fireEvent.click(screen.getByRole('button', { name: '提交' }));
    expect(await screen.findByText('改变系统建议须说明理由', undefined, { timeout: 5_000 })).toBeTruthy();
    expect(sent()).toBeNull();

    fireEvent.change(screen.getByLabelText(/医疗救助 · 改变建议的理由/), {
      target: { value: '已参加医保，暂无大额支出' },
    });
    fireEvent.change(screen.getByLabelText('最低生活保障 · 接收部门'), { target: { value: '锦官驿街道社会事务办' } });
    fireEvent.change(screen.getByLabelText('最低生活保障 · 转介单号'), { target: { value: 'ZJ-2026-0131' } });
    fireEvent.click(screen.getByRole('button', { name: '提交' }));
    await waitFor(() =>
      expect(sent()).toEqual({
        form: {
          referrals: ['DIBAO'],
          outcome: 'GOV_AID_ONLY',
          eligibility: {
            decisions: [
              { scheme: 'DIBAO', refer: true },
              { scheme: 'TEKUN', refer: false },
              { scheme: 'YILIAO', refer: false, overrideReason: '已参加医保，暂无大额支出' },
            ],
          },
          referralDetails: [
            { scheme: 'DIBAO', department: '锦官驿街道社会事务办', referredOn: today, referenceNo: 'ZJ-2026-0131' },
          ],
        },
      }),
    );
  });

  it('without a standard in force the form is as before: no decisions are sent', async () => {
    const sent = screenTaskWith(noEligibility('case-1'));
    expect(
      await screen.findByText('本区域暂无现行救助标准，请按实际情况填写转介', undefined, { timeout: 10_000 }),
    ).toBeTruthy();
    fireEvent.click(screen.getByLabelText('政府救助后仍有困难，转社会关爱援助'));
    fireEvent.click(screen.getByRole('button', { name: '提交' }));
    await waitFor(() => expect(sent()).toEqual({ form: { referrals: [], outcome: 'RESIDUAL_NEED' } }));
  });
});

describe('§二 无缝衔接 household facts from beside the suggestions', () => {
  it('records the household’s income, assets and supporter, and computes the suggestions again', async () => {
    let put: unknown = null;
    let asked = 0;
    server.use(
      http.get('*/api/tasks/:id', () =>
        HttpResponse.json({ ...screenTask, assigneeId: me.id, assigneeName: me.displayName }),
      ),
      http.get('*/api/cases/:id/eligibility', () => {
        asked += 1;
        return HttpResponse.json(asked === 1 ? noEligibility('case-1') : suggested);
      }),
      http.put('*/api/households/:id', async ({ request }) => {
        put = await request.json();
        return HttpResponse.json({
          id: 'h1',
          address: null,
          monthlyIncome: 2100,
          members: 3,
          assets: 30000,
          hasSupporter: false,
        });
      }),
    );
    window.location.hash = `#/tasks/${encodeURIComponent(screenTask.id)}/show`;
    render(<App />);
    fireEvent.click(await screen.findByRole('button', { name: '登记家庭收入与财产' }, { timeout: 10_000 }));
    fireEvent.change(screen.getByLabelText('家庭月收入（元）'), { target: { value: '2100' } });
    fireEvent.change(screen.getByLabelText('家庭金融资产合计（元）'), { target: { value: '30000' } });
    fireEvent.mouseDown(screen.getByLabelText('法定赡养、抚养、扶养义务人'));
    fireEvent.click(await screen.findByRole('option', { name: '无，或无履行能力' }));
    fireEvent.click(screen.getByRole('button', { name: '保存' }));
    await waitFor(() => expect(put).toEqual({ monthlyIncome: 2100, assets: 30000, hasSupporter: false }));
    expect(await screen.findByTestId('suggestion-DIBAO', undefined, { timeout: 5_000 })).toBeTruthy();
  });
});

describe('§二 无缝衔接 referrals on the case page', () => {
  it('shows each referral’s department, date, number and outcome, and the overrides with their reasons', async () => {
    server.use(
      http.get('*/api/cases/:id/eligibility', () =>
        HttpResponse.json({
          ...suggested,
          screening: {
            suggestions: suggested.suggestions,
            decisions: [
              { scheme: 'DIBAO', refer: true },
              { scheme: 'TEKUN', refer: false },
              { scheme: 'YILIAO', refer: false, overrideReason: '已参加医保' },
            ],
            at: '2026-11-30T02:00:00.000Z',
          },
          referrals: [
            {
              scheme: 'DIBAO',
              outcome: 'GRANTED',
              department: '锦官驿街道社会事务办',
              referredOn: '2026-11-30',
              referenceNo: 'ZJ-1',
            },
          ],
        } satisfies TCaseEligibility),
      ),
      http.get('*/api/cases/:id', () =>
        HttpResponse.json({
          id: 'case-1',
          caseNo: 'GA-2026-000001',
          personName: '李秀兰',
          personIdMasked: null,
          state: 'followUp',
          status: 'OPEN',
          closureReason: null,
          emergency: false,
          origin: 'SELF_APPLICATION',
          owningUnitName: '锦官驿街道',
          originUnitName: '水井坊社区',
          situation: '困难',
          flags: [],
          createdAt: screenTask.createdAt,
          updatedAt: screenTask.createdAt,
          actions: [],
          events: [],
          tasks: [],
        }),
      ),
    );
    window.location.hash = '#/cases/case-1/show';
    render(<App />);
    const referral = await screen.findByTestId('referral-DIBAO', undefined, { timeout: 10_000 });
    expect(within(referral).getByText('结果：已批准')).toBeTruthy();
    expect(
      within(referral).getByText(/接收部门：锦官驿街道社会事务办 · 转介日期：2026-11-30 · 转介单号：ZJ-1/),
    ).toBeTruthy();
    expect(screen.getByText(/改变了系统建议（建议：符合条件，不转介）：已参加医保/)).toBeTruthy();
  });
});
