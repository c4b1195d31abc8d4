import type { TCaseMatching } from '@guanai/api/types';
import { configure, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { App } from '../App.tsx';
import { listOf, problem, server, signInAs, userAs } from '../test/server.ts';
import { caseInMatching, matching, staffMatch } from './test-fixtures.ts';

// The whole app renders for each test: give a loaded machine time to sign in and fetch.
configure({ asyncUtilTimeout: 5000 });

const UUID = /^[0-9a-f-]{36}$/;

/** The case page of a case in matching, with the API's matching view (and no project published yet). */
function openCase({
  view = matching,
  record = caseInMatching,
}: { view?: TCaseMatching; record?: typeof caseInMatching } = {}) {
  const asked = { matching: 0 };
  server.use(
    http.get('*/api/cases/:id', () => HttpResponse.json(record)),
    http.get('*/api/cases/:id/matching', () => {
      asked.matching += 1;
      return HttpResponse.json(view);
    }),
    http.get('*/api/projects', () => listOf('projects', [])),
  );
  window.location.hash = `#/cases/${record.id}/show`;
  render(<App />);
  return asked;
}

const section = async (name: string) => screen.findByRole('region', { name });
const card = async (name: string) => screen.findByRole('article', { name });

describe('the matching panel on a case page', () => {
  it('ranks each need’s candidates with rank, tier, what is left and every check as a chip', async () => {
    openCase();
    const township = await card('街道医疗陪护');
    expect(within(township).getByText('第 1 位')).toBeTruthy();
    expect(within(township).getByText('本乡镇(街道)')).toBeTruthy();
    expect(within(township).getByText('志愿服务 · 水井坊志愿服务队 · 锦官驿街道 · 剩余名额 3')).toBeTruthy();
    expect(within(township).getByText('剩余名额 3/5')).toBeTruthy(); // the PLACES check
    expect(within(township).getByText('覆盖本乡镇(街道)（锦官驿街道）')).toBeTruthy();
    // Age not recorded: kept, in amber, for the caseworker to check.
    const unknown = within(township).getByText('需核实：年龄未登记，需核实（要求 60–∞ 岁）').closest('.MuiChip-root')!;
    expect(unknown.className).toContain('MuiChip-colorWarning');
    const city = await card('大病医疗爱心援助');
    expect(within(city).getByText('第 2 位')).toBeTruthy();
    expect(within(city).getByText('全市')).toBeTruthy();
    expect(within(city).getByText('慈善项目 · 成都市慈善总会 · 成都市 · 剩余资金 ¥500,000.00')).toBeTruthy();
    expect(within(city).getByText('可解决医疗类需求')).toBeTruthy(); // the API's codes read in words
    expect(within(city).getByText('符合对象类别：重病').closest('.MuiChip-root')!.className).toContain(
      'MuiChip-colorSuccess',
    );
    const need1 = await section('需求 1');
    expect(within(need1).getByText('需求 1：医疗')).toBeTruthy();
    expect(within(need1).getByText('住院费用缺口')).toBeTruthy();
  });

  it('对接 opens a dialog for the amount and a note, and posts them with an Idempotency-Key', async () => {
    const posted: { caseId: string; key: string | null; body: unknown }[] = [];
    server.use(
      http.post('*/api/cases/:id/matches', async ({ request, params }) => {
        posted.push({
          caseId: String(params.id),
          key: request.headers.get('Idempotency-Key'),
          body: await request.json(),
        });
        return HttpResponse.json(staffMatch, { status: 201 });
      }),
    );
    const asked = openCase();
    fireEvent.click(within(await card('大病医疗爱心援助')).getByRole('button', { name: '对接' }));
    const dialog = await screen.findByRole('dialog', { name: '对接：大病医疗爱心援助' });
    const confirm = within(dialog).getByRole('button', { name: '确认' }) as HTMLButtonElement;
    expect(confirm.disabled).toBe(true); // a resource with a budget needs an amount
    expect(within(dialog).queryByLabelText(/名额/)).toBeNull(); // and has no places
    fireEvent.change(within(dialog).getByLabelText(/金额（元）/), { target: { value: '5000' } });
    fireEvent.change(within(dialog).getByLabelText('备注（合作机构可见）'), { target: { value: '住院押金' } });
    fireEvent.click(confirm);
    await waitFor(() => expect(posted).toHaveLength(1));
    expect(posted[0]).toEqual({
      caseId: 'case-9',
      key: expect.stringMatching(UUID),
      body: { needIndex: 0, resourceId: 'r-medical', amount: 5000, note: '住院押金' },
    });
    expect(await screen.findByText('已提交对接申请，等待合作机构接受')).toBeTruthy();
    await waitFor(() => expect(asked.matching).toBeGreaterThan(1)); // the panel reloads what is left
  });

  it('a resource with places asks how many (1 by default) and sends no amount', async () => {
    let body: unknown = null;
    server.use(
      http.post('*/api/cases/:id/matches', async ({ request }) => {
        body = await request.json();
        return HttpResponse.json(staffMatch, { status: 201 });
      }),
    );
    openCase();
    fireEvent.click(within(await card('街道医疗陪护')).getByRole('button', { name: '对接' }));
    const dialog = await screen.findByRole('dialog');
    expect((within(dialog).getByLabelText(/名额/) as HTMLInputElement).value).toBe('1');
    expect(within(dialog).queryByLabelText(/金额/)).toBeNull();
    fireEvent.click(within(dialog).getByRole('button', { name: '确认' }));
    await waitFor(() => expect(body).toEqual({ needIndex: 0, resourceId: 'r-township', places: 1 }));
  });

  it('a 409 capacity-exhausted is shown in the dialog in words; a retry keeps the key, a new opening gets a new one', async () => {
    const keys: (string | null)[] = [];
    server.use(
      http.post('*/api/cases/:id/matches', ({ request }) => {
        keys.push(request.headers.get('Idempotency-Key'));
        return problem(
          409,
          'capacity-exhausted',
          '街道医疗陪护 has no places left for this request; it was just taken',
        );
      }),
    );
    openCase();
    fireEvent.click(within(await card('街道医疗陪护')).getByRole('button', { name: '对接' }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getByRole('button', { name: '确认' }));
    const alert = await within(dialog).findByRole('alert');
    expect(alert.textContent).toContain(
      '名额或资金刚被他人占用，已不足（街道医疗陪护 has no places left for this request; it was just taken）',
    );
    fireEvent.click(within(dialog).getByRole('button', { name: '确认' }));
    await waitFor(() => expect(keys).toHaveLength(2));
    expect(keys[1]).toBe(keys[0]);
    fireEvent.click(within(dialog).getByRole('button', { name: '取消' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    fireEvent.click(within(await card('街道医疗陪护')).getByRole('button', { name: '对接' }));
    fireEvent.click(within(await screen.findByRole('dialog')).getByRole('button', { name: '确认' }));
    await waitFor(() => expect(keys).toHaveLength(3));
    expect(keys[2]).not.toBe(keys[0]);
  });

  it('lists the resources left out, each with the reasons it failed', async () => {
    openCase();
    const need1 = await section('需求 1');
    expect(within(need1).queryByText('要求对象类别之一：低保')).toBeNull(); // folded until asked for
    fireEvent.click(within(need1).getByText('未入选的资源及原因（1）'));
    expect(await within(need1).findByText('要求对象类别之一：低保')).toBeTruthy();
    expect(within(need1).getByText('低保户医疗补助')).toBeTruthy();
  });

  it('offers escalation only for the need nothing at this tier answers, and posts ESCALATE with the reason', async () => {
    let action: unknown = null;
    server.use(
      http.post('*/api/cases/:id/actions', async ({ request }) => {
        action = await request.json();
        return HttpResponse.json({ caseId: 'case-9', state: 'escalation' });
      }),
    );
    openCase();
    const need2 = await section('需求 2');
    expect(within(need2).getByText('本级无可对接资源，可上报上级中心')).toBeTruthy();
    expect(within(await section('需求 1')).queryByText('本级无可对接资源，可上报上级中心')).toBeNull();
    expect(screen.getAllByText('本级无可对接资源，可上报上级中心')).toHaveLength(1);
    fireEvent.click(within(need2).getByRole('button', { name: '上报上级中心' }));
    const dialog = await screen.findByRole('dialog', { name: '上报上级中心' });
    fireEvent.change(within(dialog).getByLabelText(/上报理由/), { target: { value: '本街道无法律援助资源' } });
    fireEvent.click(within(dialog).getByRole('button', { name: '确认' }));
    await waitFor(() => expect(action).toEqual({ type: 'ESCALATE', reason: '本街道无法律援助资源' }));
  });

  it('without an escalation offer there is no escalation alert', async () => {
    openCase({ view: { ...matching, needs: matching.needs.map((n) => ({ ...n, escalationOffered: false })) } });
    await card('大病医疗爱心援助');
    expect(screen.queryByText('本级无可对接资源，可上报上级中心')).toBeNull();
  });

  it('shows the need’s matches with their status (and why declined); 撤回 a live one asks why', async () => {
    let cancelled: { id: string; body: unknown } | null = null;
    server.use(
      http.post('*/api/matches/:id/cancel', async ({ request, params }) => {
        cancelled = { id: String(params.id), body: await request.json() };
        return HttpResponse.json({ ...staffMatch, status: 'CANCELLED', declineReason: '改用街道资源' });
      }),
    );
    const view = structuredClone(matching);
    view.needs[0]!.matches = [staffMatch];
    openCase({ view });
    const need1 = await section('需求 1');
    const matches = await within(need1).findByRole('list', { name: '对接记录' });
    expect(within(matches).getByText('待接受')).toBeTruthy();
    expect(within(await card('大病医疗爱心援助')).queryByRole('button', { name: '对接' })).toBeNull(); // already proposed
    expect(within(await card('大病医疗爱心援助')).getByText('已对接')).toBeTruthy();
    expect(within(await section('需求 2')).getByText('已拒绝：本月名额已满')).toBeTruthy();
    fireEvent.click(within(matches).getByRole('button', { name: '撤回' }));
    const dialog = await screen.findByRole('dialog', { name: '撤回对接' });
    const confirm = within(dialog).getByRole('button', { name: '确认' }) as HTMLButtonElement;
    expect(confirm.disabled).toBe(true);
    fireEvent.change(within(dialog).getByLabelText(/撤回理由/), { target: { value: '改用街道资源' } });
    fireEvent.click(confirm);
    await waitFor(() => expect(cancelled).toEqual({ id: 'm-1', body: { reason: '改用街道资源' } }));
  });

  it('publishing a need shows the API’s reason under the field it refuses (text naming the person)', async () => {
    const bodies: unknown[] = [];
    server.use(
      http.post('*/api/projects', async ({ request }) => {
        bodies.push(await request.json());
        return HttpResponse.json(
          {
            type: 'urn:guanai:problem:validation',
            title: 'Invalid request',
            status: 422,
            detail: 'must not identify the person (it contains the name)',
            errors: [{ field: 'description', reason: 'must not identify the person (it contains the name)' }],
          },
          { status: 422, headers: { 'Content-Type': 'application/problem+json' } },
        );
      }),
    );
    openCase();
    const need1 = await section('需求 1');
    fireEvent.click(within(need1).getByRole('button', { name: '发布到项目平台' }));
    const dialog = await screen.findByRole('dialog', { name: '发布到项目平台' });
    expect((within(dialog).getByLabelText(/标题/) as HTMLInputElement).value).toBe('困难家庭医疗援助');
    fireEvent.change(within(dialog).getByLabelText(/说明/), {
      target: { value: '黄秀英老人重病住院，需要医疗费用资助' },
    });
    fireEvent.change(within(dialog).getByLabelText(/所需金额/), { target: { value: '8000' } });
    fireEvent.click(within(dialog).getByRole('button', { name: '发布到项目平台' }));
    expect(await within(dialog).findByText('不能包含可识别求助人的信息（姓名、电话、证件号或住址）')).toBeTruthy(); // under the field
    expect(within(dialog).getByRole('alert').textContent).toBe('填写有误');
    expect(within(dialog).getByLabelText(/说明/).getAttribute('aria-invalid')).toBe('true');
    expect(within(dialog).getByLabelText(/标题/).getAttribute('aria-invalid')).toBe('false');
    expect(bodies).toEqual([
      {
        caseId: 'case-9',
        needIndex: 0,
        title: '困难家庭医疗援助',
        description: '黄秀英老人重病住院，需要医疗费用资助',
        amount: 8000,
      },
    ]);
  });

  it('is not shown to a station worker, nor when the case is not in matching', async () => {
    signInAs(userAs('STATION_WORKER'));
    openCase();
    expect(await screen.findByText('GA-2026-000009 · 黄秀英', { selector: 'h6' })).toBeTruthy();
    expect(screen.queryByRole('region', { name: '供需对接' })).toBeNull();
  });

  it('is shown in delivery too: a need is matched there through the ledger (a joint meeting may send a case straight to delivery)', async () => {
    const asked = openCase({
      record: { ...caseInMatching, state: 'delivery' },
      view: { ...matching, state: 'delivery', needs: matching.needs.map((n) => ({ ...n, escalationOffered: false })) },
    });
    expect(await section('供需对接')).toBeTruthy();
    await waitFor(() => expect(asked.matching).toBeGreaterThan(0));
  });

  it('is not shown once the case has left matching and delivery', async () => {
    const asked = openCase({ record: { ...caseInMatching, state: 'followUp.waiting' } });
    expect(await screen.findByText('GA-2026-000009 · 黄秀英', { selector: 'h6' })).toBeTruthy();
    expect(screen.queryByRole('region', { name: '供需对接' })).toBeNull();
    expect(asked.matching).toBe(0);
  });
});
