import { act, configure, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { App } from '../App.tsx';
import { listOf, problem, server, signInAs, userAs } from '../test/server.ts';
import { caseInScreening } from '../cases/test-fixtures.ts';
import { match } from '../matching/test-fixtures.ts';
import type { Assignment, Hours, Volunteer, VolunteerMe } from './types.ts';

configure({ asyncUtilTimeout: 5_000 });

const VOLUNTEER_ID = '5d7e2a10-3b4c-4d5e-8f60-718293a4b5c6';
const ASSIGNMENT_ID = '6e8f3b21-4c5d-4e6f-9071-8293a4b5c6d7';

const volunteerUser = userAs('VOLUNTEER', { id: 'u-vol', displayName: '志愿者 周小红' });

const profile: Volunteer = {
  id: VOLUNTEER_ID,
  userId: 'u-vol',
  username: 'zhouxh',
  name: '周小红',
  phone: '139****0001',
  skills: ['陪伴聊天', '理发'],
  languages: ['四川话'],
  availability: '周末上午',
  teamId: 'p-team',
  team: { id: 'p-team', name: '锦江区青年志愿服务队' },
  communityIds: ['c1'],
  communities: [{ id: 'c1', name: '水井坊社区' }],
  status: 'ACTIVE',
  declineReason: null,
  createdAt: '2026-11-01T02:00:00Z',
};

const visit: Assignment = {
  id: ASSIGNMENT_ID,
  kind: 'VISIT',
  status: 'ASSIGNED',
  scheduledOn: '2026-11-30',
  note: '陪老人聊天，帮忙打扫卫生',
  volunteer: { id: VOLUNTEER_ID, name: '周小红' },
  case: { number: 'GA-2026-000001', person: '黄*英', community: '水井坊社区', address: '水井坊街12号' },
  checkedInAt: null,
  attendance: [],
};

/**
 * The volunteer routes as the API answers one volunteer, kept in memory: check-in opens a duty, check-out closes it
 * and writes its minutes to the total. `posts` records what each write sent (body and Idempotency-Key).
 */
function volunteerApi({ failFirstCheckOut = false } = {}) {
  let open: VolunteerMe['openAttendance'] = null;
  let assignment = visit;
  let totalMinutes = 0;
  let failed = false;
  const posts: { path: string; body: unknown; key: string | null }[] = [];
  const me = (): VolunteerMe => ({
    ...profile,
    phone: '13900000001',
    totalMinutes,
    totalHours: (totalMinutes / 60).toFixed(2),
    openAttendance: open,
  });
  server.use(
    http.get('*/api/volunteers/me', () => HttpResponse.json(me())),
    http.get('*/api/volunteer-assignments', () => listOf('volunteer-assignments', [assignment])),
    http.post('*/api/volunteer-assignments/:id/check-in', async ({ request }) => {
      const body = (await request.json()) as { at: string };
      posts.push({ path: 'check-in', body, key: request.headers.get('Idempotency-Key') });
      open = {
        id: 'att-1',
        assignmentId: ASSIGNMENT_ID,
        checkedInAt: new Date(Date.now() - 125 * 60_000).toISOString(),
      };
      assignment = { ...assignment, checkedInAt: open.checkedInAt };
      return HttpResponse.json(assignment);
    }),
    http.post('*/api/volunteer-assignments/:id/check-out', async ({ request }) => {
      const body = (await request.json()) as { at: string };
      posts.push({ path: 'check-out', body, key: request.headers.get('Idempotency-Key') });
      if (failFirstCheckOut && !failed) {
        failed = true;
        return HttpResponse.error(); // no signal: the request never got an answer
      }
      const minutes = 125;
      totalMinutes += minutes;
      assignment = {
        ...assignment,
        status: 'DONE',
        checkedInAt: null,
        attendance: [{ id: 'att-1', checkedInAt: open!.checkedInAt, checkedOutAt: body.at, minutes }],
      };
      open = null;
      return HttpResponse.json(assignment);
    }),
  );
  return posts;
}

function open(hash: string) {
  window.location.hash = hash;
  return render(<App />);
}

describe('我的任务: the volunteer checks in and out on the phone (issue 19 A)', () => {
  it('shows only the volunteer’s own pages, the visit with the person’s name masked, and no staff menu', async () => {
    signInAs(volunteerUser);
    volunteerApi();
    open('#/');
    const card = await screen.findByTestId('assignment-card');
    expect(within(card).getByText('服务对象：黄*英')).toBeTruthy();
    expect(within(card).getByText('探访')).toBeTruthy();
    expect(within(card).getByText('水井坊街12号')).toBeTruthy();
    expect(within(card).getByText('陪老人聊天，帮忙打扫卫生')).toBeTruthy();
    const menu = screen.getAllByRole('menuitem').map((item) => item.textContent);
    expect(menu).toEqual(['我的任务', '我的时长']);
  });

  it('签到 sends the moment pressed; the clock runs; 签退 closes the duty and the total shows the API’s minutes', async () => {
    signInAs(volunteerUser);
    const posts = volunteerApi();
    open('#/');
    const before = Date.now();
    fireEvent.click(await screen.findByTestId('check-in'));
    const timer = await screen.findByTestId('duty-timer');
    expect(timer.textContent).toMatch(/^02:0[45]:\d\d$/);
    expect(posts[0]!.path).toBe('check-in');
    const at = new Date((posts[0]!.body as { at: string }).at).getTime();
    expect(at).toBeGreaterThanOrEqual(before - 1000);
    expect(at).toBeLessThanOrEqual(Date.now());
    expect(posts[0]!.key).toBeTruthy();
    // The clock ticks.
    const first = timer.textContent;
    await waitFor(() => expect(screen.getByTestId('duty-timer').textContent).not.toBe(first), { timeout: 2500 });

    fireEvent.click(screen.getByTestId('check-out'));
    expect(await screen.findByText('已签退，本次服务 2 小时 5 分钟')).toBeTruthy();
    await waitFor(() => expect(screen.queryByTestId('duty-timer')).toBeNull());
    expect(screen.queryByTestId('check-in')).toBeNull();
    await waitFor(() => expect(screen.getByTestId('my-total-hours').textContent).toBe('2.08 小时'));
  });

  it('without a signal the check-out is kept: the next tap sends the same time with the same key', async () => {
    signInAs(volunteerUser);
    const posts = volunteerApi({ failFirstCheckOut: true });
    open('#/');
    fireEvent.click(await screen.findByTestId('check-in'));
    await screen.findByTestId('duty-timer');
    fireEvent.click(screen.getByTestId('check-out'));
    expect(await screen.findByText(/网络不通，签到\/签退时间已记下/)).toBeTruthy();
    expect(screen.getByTestId('duty-timer')).toBeTruthy(); // still on duty
    await act(() => new Promise((r) => setTimeout(r, 1100)));
    fireEvent.click(screen.getByTestId('check-out'));
    expect(await screen.findByText('已签退，本次服务 2 小时 5 分钟')).toBeTruthy();
    const outs = posts.filter((p) => p.path === 'check-out');
    expect(outs).toHaveLength(2);
    expect(outs[1]!.body).toEqual(outs[0]!.body);
    expect(outs[1]!.key).toBe(outs[0]!.key);
  });

  it('a refusal says the API’s reason and keeps no press for later', async () => {
    signInAs(volunteerUser);
    volunteerApi();
    server.use(http.post('*/api/volunteer-assignments/:id/check-in', () => problem(409, 'conflict', '该任务已取消')));
    open('#/');
    fireEvent.click(await screen.findByTestId('check-in'));
    expect(await screen.findByText(/该任务已取消/)).toBeTruthy();
    expect(screen.queryByText(/网络不通/)).toBeNull();
  });
});

const ledger: Hours = {
  entries: [
    {
      id: 'h1',
      kind: 'SERVICE',
      minutes: 125,
      serviceDate: '2026-11-28',
      attendanceId: 'att-1',
      correctsId: null,
      reason: null,
    },
    {
      id: 'h2',
      kind: 'SERVICE',
      minutes: 60,
      serviceDate: '2026-11-29',
      attendanceId: 'att-2',
      correctsId: null,
      reason: null,
    },
  ],
  totalMinutes: 185,
  totalHours: '3.08',
};

function staffApi() {
  const corrections: { body: unknown; key: string | null }[] = [];
  let hours = ledger;
  server.use(
    http.get('*/api/volunteers/:id', () => HttpResponse.json(profile)),
    http.get('*/api/volunteers/:id/hours', () => HttpResponse.json(hours)),
    http.post('*/api/volunteers/:id/hours/corrections', async ({ request }) => {
      const body = (await request.json()) as { minutes: number; reason: string; correctsId?: string };
      corrections.push({ body, key: request.headers.get('Idempotency-Key') });
      const entry = {
        id: 'h3',
        kind: 'CORRECTION' as const,
        minutes: body.minutes,
        serviceDate: '2026-11-28',
        attendanceId: null,
        correctsId: body.correctsId ?? null,
        reason: body.reason,
      };
      const totalMinutes = hours.totalMinutes + body.minutes;
      hours = { entries: [...hours.entries, entry], totalMinutes, totalHours: (totalMinutes / 60).toFixed(2) };
      return HttpResponse.json(entry, { status: 201 });
    }),
  );
  return corrections;
}

describe('服务时长台账 on the volunteer’s profile: 更正 (issue 19 A)', () => {
  it('the profile masks the phone; the ledger shows each entry and the total', async () => {
    signInAs(userAs('PARTNER', { partnerId: 'p-team' }));
    staffApi();
    open(`#/volunteers/${VOLUNTEER_ID}/show`);
    expect(await screen.findByText('139****0001')).toBeTruthy();
    expect(screen.queryByText('13900000001')).toBeNull();
    expect(await screen.findAllByTestId('ledger-row')).toHaveLength(2);
    expect(screen.getByTestId('ledger-total').textContent).toBe('累计服务时长：3.08 小时');
    expect(screen.getByText('锦江区青年志愿服务队')).toBeTruthy();
  });

  it('更正 of an entry: signed minutes and a reason, the total after it previewed, a new CORRECTION entry', async () => {
    signInAs(userAs('PARTNER', { partnerId: 'p-team' }));
    const corrections = staffApi();
    open(`#/volunteers/${VOLUNTEER_ID}/show`);
    const rows = await screen.findAllByTestId('ledger-row');
    fireEvent.click(within(rows[0]!).getByRole('button', { name: '更正' }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText('更正 2026-11-28 的记录（2 小时 5 分钟）')).toBeTruthy();
    const save = within(dialog).getByRole('button', { name: '保存更正' }) as HTMLButtonElement;
    fireEvent.change(within(dialog).getByLabelText('分钟'), { target: { value: '30' } });
    expect(within(dialog).getByTestId('correction-preview').textContent).toBe('更正后累计：2 小时 35 分钟');
    expect(save.disabled).toBe(true); // no reason yet
    fireEvent.change(within(dialog).getByLabelText(/更正理由/), {
      target: { value: '签退时忘记，实际提前半小时离开' },
    });
    expect(save.disabled).toBe(false);
    fireEvent.click(save);
    expect(await screen.findByText('已记入更正')).toBeTruthy();
    expect(corrections).toHaveLength(1);
    expect(corrections[0]!.body).toEqual({ minutes: -30, reason: '签退时忘记，实际提前半小时离开', correctsId: 'h1' });
    expect(corrections[0]!.key).toBeTruthy();
    await waitFor(() => expect(screen.getAllByTestId('ledger-row')).toHaveLength(3));
    expect(screen.getByTestId('ledger-total').textContent).toBe('累计服务时长：2.58 小时');
    expect(screen.getByText('-30 分钟')).toBeTruthy();
  });

  it('a correction taking the total below zero is not offered; adding is', async () => {
    signInAs(userAs('STATION_WORKER'));
    staffApi();
    open(`#/volunteers/${VOLUNTEER_ID}/show`);
    await screen.findAllByTestId('ledger-row');
    fireEvent.click(screen.getAllByRole('button', { name: '更正' })[0]!); // the total's
    const dialog = await screen.findByRole('dialog');
    fireEvent.change(within(dialog).getByLabelText('小时'), { target: { value: '4' } });
    fireEvent.change(within(dialog).getByLabelText(/更正理由/), { target: { value: '重复记录' } });
    expect(within(dialog).getByText('更正后累计时长不能少于零')).toBeTruthy();
    expect((within(dialog).getByRole('button', { name: '保存更正' }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(within(dialog).getByLabelText('增加'));
    expect((within(dialog).getByRole('button', { name: '保存更正' }) as HTMLButtonElement).disabled).toBe(false);
    expect(within(dialog).getByTestId('correction-preview').textContent).toBe('更正后累计：7 小时 5 分钟');
  });

  it('a manager reads the ledger but has no 更正', async () => {
    signInAs(userAs('MANAGER'));
    staffApi();
    open(`#/volunteers/${VOLUNTEER_ID}/show`);
    await screen.findAllByTestId('ledger-row');
    expect(screen.queryByRole('button', { name: '更正' })).toBeNull();
  });
});

describe('指派志愿者 on a case page (issue 19 A)', () => {
  it('the caseworker picks an ACTIVE volunteer, a kind, a day and a note; the assignment names the case', async () => {
    signInAs(userAs('CASEWORKER'));
    const lists: URLSearchParams[] = [];
    const posted: unknown[] = [];
    server.use(
      http.get('*/api/cases/:id', () => HttpResponse.json(caseInScreening())),
      http.get('*/api/volunteers', ({ request }) => {
        lists.push(new URL(request.url).searchParams);
        return listOf('volunteers', [profile]);
      }),
      http.post('*/api/volunteer-assignments', async ({ request }) => {
        posted.push(await request.json());
        return HttpResponse.json(visit, { status: 201 });
      }),
    );
    open('#/cases/case-8/show');
    fireEvent.click(await screen.findByRole('button', { name: '指派志愿者' }, { timeout: 20_000 }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.mouseDown(within(dialog).getByRole('combobox'));
    fireEvent.click(await screen.findByRole('option', { name: /周小红 · 锦江区青年志愿服务队/ }));
    expect(JSON.parse(lists.at(-1)!.get('filter')!)).toEqual({ status: 'ACTIVE' });
    fireEvent.click(within(dialog).getByLabelText('服务'));
    fireEvent.change(within(dialog).getByLabelText(/服务日期/), { target: { value: '2026-12-02' } });
    fireEvent.change(within(dialog).getByLabelText(/任务说明/), { target: { value: '送米送油' } });
    fireEvent.click(within(dialog).getByRole('button', { name: '指派志愿者' }));
    expect(await screen.findByText('已指派给 周小红')).toBeTruthy();
    expect(posted).toEqual([
      { volunteerId: VOLUNTEER_ID, caseId: 'case-8', kind: 'DELIVERY', scheduledOn: '2026-12-02', note: '送米送油' },
    ]);
  });

  it('a manager reading the case has no 指派志愿者', async () => {
    signInAs(userAs('MANAGER'));
    server.use(http.get('*/api/cases/:id', () => HttpResponse.json(caseInScreening())));
    open('#/cases/case-8/show');
    await screen.findByRole('list', { name: '办理记录' }, { timeout: 20_000 });
    expect(screen.queryByRole('button', { name: '指派志愿者' })).toBeNull();
  });
});

describe('登记志愿者 (issue 19 A)', () => {
  it('a station registers a volunteer for its own community, skills typed in one box, no identity number asked', async () => {
    signInAs(userAs('STATION_WORKER'));
    const posted: Record<string, unknown>[] = [];
    server.use(
      http.get('*/api/partners', () =>
        listOf('partners', [
          {
            id: 'p-team',
            name: '锦江区青年志愿服务队',
            kind: 'VOLUNTEER_TEAM',
            creditCode: null,
            contact: null,
            phone: null,
            active: true,
            createdAt: '2026-01-01T00:00:00Z',
          },
        ]),
      ),
      http.post('*/api/volunteers', async ({ request }) => {
        const body = (await request.json()) as Record<string, unknown>;
        posted.push(body);
        return HttpResponse.json({ ...profile, id: VOLUNTEER_ID }, { status: 201 });
      }),
      http.get('*/api/volunteers/:id', () => HttpResponse.json(profile)),
      http.get('*/api/volunteers/:id/hours', () =>
        HttpResponse.json({ entries: [], totalMinutes: 0, totalHours: '0.00' }),
      ),
    );
    open('#/volunteers/create');
    fireEvent.change(await screen.findByLabelText(/姓名/), { target: { value: '周小红' } });
    fireEvent.change(screen.getByLabelText(/手机号/), { target: { value: '13900000001' } });
    fireEvent.change(screen.getByLabelText(/登录用户名/), { target: { value: 'zhouxh' } });
    fireEvent.change(screen.getByLabelText(/初始密码/), { target: { value: 'Guanai@2026' } });
    fireEvent.change(screen.getByLabelText(/技能特长/), { target: { value: '陪伴聊天、理发, 修电器' } });
    expect(screen.queryByLabelText(/身份证/)).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: /保存/ }));
    await waitFor(() => expect(posted).toHaveLength(1));
    expect(posted[0]).toMatchObject({
      name: '周小红',
      phone: '13900000001',
      username: 'zhouxh',
      password: 'Guanai@2026',
      skills: ['陪伴聊天', '理发', '修电器'],
      languages: [],
      communityIds: ['c1'],
    });
    expect(posted[0]).not.toHaveProperty('teamId');
  });
});

describe('指派志愿者 on an accepted match (issue 19 A)', () => {
  const team = {
    id: 'p-team',
    name: '锦江区青年志愿服务队',
    kind: 'VOLUNTEER_TEAM',
    creditCode: null,
    contact: null,
    phone: null,
    active: true,
    createdAt: '2026-01-01T00:00:00Z',
  };
  const charity = { ...team, id: 'p-charity', name: '成都市慈善总会', kind: 'CHARITY' };
  const accepted = { ...match, status: 'ACCEPTED' as const, person: { name: '黄秀英', phone: null, address: null } };

  function api() {
    const posted: unknown[] = [];
    server.use(
      http.get('*/api/matches/:id', () => HttpResponse.json(accepted)),
      http.get('*/api/partners/:id', ({ params }) => HttpResponse.json(params.id === 'p-team' ? team : charity)),
      http.get('*/api/volunteers', () => listOf('volunteers', [profile])),
      http.post('*/api/volunteer-assignments', async ({ request }) => {
        posted.push(await request.json());
        return HttpResponse.json(visit, { status: 201 });
      }),
    );
    return posted;
  }

  it('a volunteer team’s partner assigns one of its volunteers; the API takes the case from the match', async () => {
    signInAs(userAs('PARTNER', { partnerId: 'p-team' }));
    const posted = api();
    open('#/matches/m-1/show');
    fireEvent.click(await screen.findByRole('button', { name: '指派志愿者' }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.mouseDown(within(dialog).getByRole('combobox'));
    fireEvent.click(await screen.findByRole('option', { name: /周小红/ }));
    fireEvent.change(within(dialog).getByLabelText(/服务日期/), { target: { value: '2026-12-03' } });
    fireEvent.click(within(dialog).getByRole('button', { name: '指派志愿者' }));
    expect(await screen.findByText('已指派给 周小红')).toBeTruthy();
    expect(posted).toEqual([{ volunteerId: VOLUNTEER_ID, matchId: 'm-1', kind: 'VISIT', scheduledOn: '2026-12-03' }]);
  });

  it('a partner that is not a volunteer team has no 指派志愿者', async () => {
    signInAs(userAs('PARTNER', { partnerId: 'p-charity' }));
    api();
    open('#/matches/m-1/show');
    await screen.findByText('黄秀英');
    await new Promise((r) => setTimeout(r, 300));
    expect(screen.queryByRole('button', { name: '指派志愿者' })).toBeNull();
  });
});
