import type { TCaseDetail } from '@guanai/api/types';
import { configure, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { App } from '../../App.tsx';
import { server, signInAs, userAs } from '../../test/server.ts';

// This machine runs several suites at once: give the pages time to load before a query gives up.
configure({ asyncUtilTimeout: 5_000 });

const atFollowUp: TCaseDetail = {
  id: '3f2a9c10-0000-4000-8000-000000000021',
  caseNo: 'GA-2026-000021',
  personName: '蒋奶奶',
  personIdMasked: null,
  state: 'followUp.visiting',
  status: 'OPEN',
  closureReason: null,
  emergency: false,
  origin: 'SELF_APPLICATION',
  owningUnitId: 't1',
  owningUnitName: '锦官驿街道',
  originUnitId: 'c1',
  originUnitName: '水井坊社区',
  situation: '重病，医疗费用缺口大',
  flags: [],
  version: 3,
  applicationId: null,
  referral: null,
  createdAt: '2026-11-01T02:00:00Z',
  updatedAt: '2026-11-20T02:00:00Z',
  actions: [],
  events: [],
  tasks: [],
};

function renderCase(record: TCaseDetail) {
  server.use(http.get('*/api/cases/:id', () => HttpResponse.json(record)));
  window.location.hash = `#/cases/${record.id}/show`;
  return render(<App />);
}

const TOKEN = 'q3JtY2Fz_ZXdvcmtlci1saW5rLTAx';

describe('满意度回访 on the case page', () => {
  it('a one-time link for the recipient’s phone is shown in full, with the site’s address, to copy', async () => {
    const posted: unknown[] = [];
    server.use(
      http.post('*/api/cases/:id/surveys', async ({ params, request }) => {
        posted.push({ caseId: params.id, body: await request.json() });
        return HttpResponse.json(
          {
            id: 's1',
            channel: 'RECIPIENT_LINK',
            link: `/survey.html#${TOKEN}`,
            token: TOKEN,
            expiresAt: '2026-12-04T02:00:00.000Z',
          },
          { status: 201 },
        );
      }),
    );
    renderCase(atFollowUp);
    fireEvent.click(await screen.findByRole('button', { name: '生成回访链接' }));
    expect((await screen.findByTestId('survey-link')).textContent).toBe(
      `${window.location.origin}/survey.html#${TOKEN}`,
    );
    expect(posted).toEqual([{ caseId: atFollowUp.id, body: {} }]);
    expect(screen.getByRole('button', { name: '复制链接' })).toBeTruthy();
    expect(screen.getByText(/链接只显示这一次/)).toBeTruthy();
  });

  it('taken now: the three ratings and the comment are posted as the answers', async () => {
    const posted: unknown[] = [];
    server.use(
      http.post('*/api/cases/:id/surveys', async ({ request }) => {
        posted.push(await request.json());
        return HttpResponse.json({ id: 's2', channel: 'CASEWORKER', score: 4.33 }, { status: 201 });
      }),
    );
    renderCase({ ...atFollowUp, state: 'closed', status: 'CLOSED' });
    fireEvent.click(await screen.findByRole('button', { name: '现场填写' }));
    const submit = screen.getByRole('button', { name: '提交回访' });
    expect((submit as HTMLButtonElement).disabled).toBe(true); // all three first
    fireEvent.click(within(screen.getByRole('group', { name: '总体满意度' })).getByLabelText('5 / 5'));
    fireEvent.click(within(screen.getByRole('group', { name: '及时性' })).getByLabelText('4 / 5'));
    fireEvent.click(within(screen.getByRole('group', { name: '尊重与态度' })).getByLabelText('4 / 5'));
    fireEvent.change(screen.getByLabelText('意见和建议（可不填）'), { target: { value: ' 很及时 ' } });
    fireEvent.click(submit);
    await waitFor(() =>
      expect(posted).toEqual([{ answers: { satisfaction: 5, timeliness: 4, respect: 4, comment: '很及时' } }]),
    );
    expect(await screen.findByText('已记录回访，平均评分 4.33')).toBeTruthy();
  });

  // Both wait for the permissions (the registry's menu entry needs them) before looking for the panel.
  it('§四(八) is not offered before the follow-up visit, nor while waiting for it', async () => {
    renderCase({ ...atFollowUp, state: 'followUp.waiting' });
    expect(await screen.findByText('重病，医疗费用缺口大')).toBeTruthy();
    await screen.findAllByRole('menuitem', { name: '困难群众信息库' });
    expect(screen.queryByText('满意度回访')).toBeNull();
  });

  it('is not offered to a station worker, even at follow-up', async () => {
    signInAs(userAs('STATION_WORKER'));
    renderCase(atFollowUp);
    expect(await screen.findByText('重病，医疗费用缺口大')).toBeTruthy();
    await screen.findAllByRole('menuitem', { name: '困难群众信息库' });
    expect(screen.queryByText('满意度回访')).toBeNull();
  });
});
