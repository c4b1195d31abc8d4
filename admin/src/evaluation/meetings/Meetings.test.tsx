import type { TMe, TMeetingDetail } from '@guanai/api/types';
import { configure, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { App } from '../../App.tsx';
import { listOf, server, signInAs, userAs } from '../../test/server.ts';

// This machine runs several suites at once: give the pages time to load before a query gives up.
configure({ asyncUtilTimeout: 5_000 });

const district: TMe['orgUnit'] = { id: 'd1', code: '510104000000', name: '锦江区', level: 'DISTRICT' };
const districtSupervisor = userAs('SUPERVISOR', { orgUnit: district, displayName: '区中心主任 赵强' });

const meeting: TMeetingDetail = {
  id: '9a1e0c44-0000-4000-8000-000000000001',
  unitId: 'd1',
  unitName: '锦江区',
  title: '锦江区社会救助联席会议',
  scheduledAt: '2026-12-10T01:00:00.000Z',
  location: '区民政局会议室',
  departments: ['HOUSING', 'CIVIL_AFFAIRS'],
  status: 'SCHEDULED',
  minutes: null,
  heldAt: null,
  resolved: 0,
  agenda: [
    {
      caseId: '5c0f7a2e-0000-4000-8000-000000000009',
      caseNo: 'GA-2026-000009',
      personName: '住房困难户',
      community: '水井坊社区',
      township: '锦官驿街道',
      situation: '房屋为危房，无力修缮',
      emergency: false,
      needs: [{ category: 'HOUSING', severity: 'HIGH', description: '危房' }],
      referredAt: '2026-11-20T02:00:00.000Z',
    },
  ],
  items: [],
};

function renderAt(hash: string) {
  window.location.hash = hash;
  return render(<App />);
}

/** Picks an option of a MUI select by its label text. */
async function choose(select: HTMLElement, option: string) {
  fireEvent.mouseDown(select);
  fireEvent.click(await screen.findByRole('option', { name: option }));
}

describe('联席会议: joint meetings', () => {
  it('the agenda shows each referred case with a link, township, community, needs and situation; a resolution posts its actions by department', async () => {
    const posted: unknown[] = [];
    signInAs(districtSupervisor);
    server.use(
      http.get('*/api/meetings/:id', () => HttpResponse.json(meeting)),
      http.post('*/api/meetings/:id/resolutions', async ({ params, request }) => {
        posted.push({ meetingId: params.id, body: await request.json() });
        return HttpResponse.json({ id: 'item-1', caseId: meeting.agenda[0]!.caseId }, { status: 201 });
      }),
    );
    renderAt(`#/meetings/${meeting.id}/show`);
    const agenda = await screen.findByText((_, el) => el?.getAttribute('data-agenda') === 'GA-2026-000009');
    expect(within(agenda).getByRole('link', { name: 'GA-2026-000009' }).getAttribute('href')).toBe(
      `#/cases/${meeting.agenda[0]!.caseId}/show`,
    );
    expect(within(agenda).getByText('锦官驿街道')).toBeTruthy();
    expect(within(agenda).getByText('水井坊社区')).toBeTruthy();
    expect(within(agenda).getByText('住房 · 重 · 危房')).toBeTruthy();
    expect(within(agenda).getByText('房屋为危房，无力修缮')).toBeTruthy();
    // The member departments by their Chinese names.
    expect((await screen.findAllByText('住房和城乡建设局')).length).toBeGreaterThan(0);
    expect(screen.getAllByText('民政局').length).toBeGreaterThan(0);

    fireEvent.change(within(agenda).getByLabelText('决议内容 *'), {
      target: { value: '由住建局安排公租房，民政局纳入低保' },
    });
    fireEvent.click(within(agenda).getByLabelText('援助落实'));
    fireEvent.change(within(agenda).getAllByLabelText('事项 *')[0]!, { target: { value: '安排公租房一套' } });
    fireEvent.change(within(agenda).getAllByLabelText('期限 *')[0]!, { target: { value: '2026-12-31' } });
    fireEvent.click(within(agenda).getByRole('button', { name: '添加' }));
    await waitFor(() => expect(within(agenda).getAllByLabelText('事项 *')).toHaveLength(2));
    await choose(within(agenda).getAllByRole('combobox', { name: /责任部门/ })[1]!, '民政局');
    fireEvent.change(within(agenda).getAllByLabelText('事项 *')[1]!, { target: { value: '审核纳入低保' } });
    fireEvent.change(within(agenda).getAllByLabelText('期限 *')[1]!, { target: { value: '2026-12-20' } });
    fireEvent.click(within(agenda).getByRole('button', { name: '作出决议' }));

    await waitFor(() =>
      expect(posted).toEqual([
        {
          meetingId: meeting.id,
          body: {
            caseId: meeting.agenda[0]!.caseId,
            resolution: '由住建局安排公租房，民政局纳入低保',
            next: 'delivery',
            actions: [
              { department: 'HOUSING', action: '安排公租房一套', deadline: '2026-12-31' },
              { department: 'CIVIL_AFFAIRS', action: '审核纳入低保', deadline: '2026-12-20' },
            ],
          },
        },
      ]),
    );
    expect(await screen.findByText('已作出决议，交办事项已派发给本中心')).toBeTruthy();
  });

  it('resolved items list their actions by department; the meeting is marked held with its minutes', async () => {
    let held: unknown = null;
    const resolved: TMeetingDetail = {
      ...meeting,
      agenda: [],
      resolved: 1,
      items: [
        {
          id: 'item-1',
          caseId: meeting.agenda[0]!.caseId,
          caseNo: 'GA-2026-000009',
          resolution: '由住建局安排公租房',
          next: 'matching',
          actions: [{ department: 'HOUSING', action: '安排公租房一套', deadline: '2026-12-31' }],
          resolvedAt: '2026-12-10T02:00:00.000Z',
        },
      ],
    };
    signInAs(userAs('MANAGER', { orgUnit: district }));
    server.use(
      http.get('*/api/meetings/:id', () =>
        HttpResponse.json(
          held
            ? { ...resolved, status: 'HELD', minutes: '会议研究了1件个案', heldAt: '2026-12-10T03:00:00.000Z' }
            : resolved,
        ),
      ),
      http.post('*/api/meetings/:id/held', async ({ request }) => {
        held = await request.json();
        return HttpResponse.json({ ...resolved, status: 'HELD' });
      }),
    );
    renderAt(`#/meetings/${meeting.id}/show`);
    expect(await screen.findByText('住房和城乡建设局：安排公租房一套')).toBeTruthy();
    expect(screen.getByText('期限 2026-12-31')).toBeTruthy();
    // A manager may mark it held, but resolving is the supervisors'.
    expect(screen.queryByRole('button', { name: '作出决议' })).toBeNull();
    fireEvent.change(screen.getByLabelText('会议纪要 *'), { target: { value: '会议研究了1件个案' } });
    fireEvent.click(screen.getByRole('button', { name: '会议已召开' }));
    await waitFor(() => expect(held).toEqual({ minutes: '会议研究了1件个案' }));
    expect(await screen.findByText('会议研究了1件个案')).toBeTruthy();
    expect(screen.queryByRole('button', { name: '会议已召开' })).toBeNull();
  });

  it('a manager reads the agenda but resolving is the supervisors’', async () => {
    signInAs(userAs('MANAGER', { orgUnit: district }));
    server.use(http.get('*/api/meetings/:id', () => HttpResponse.json(meeting)));
    renderAt(`#/meetings/${meeting.id}/show`);
    expect(await screen.findByText('房屋为危房，无力修缮')).toBeTruthy();
    expect(screen.getByLabelText('会议纪要 *')).toBeTruthy(); // the page is there in full, with what a manager may do
    expect(screen.queryByRole('button', { name: '作出决议' })).toBeNull();
    expect(screen.queryByLabelText('决议内容 *')).toBeNull();
  });

  it('a district schedules a meeting with its member departments, the time with its offset', async () => {
    let created: Record<string, unknown> | null = null;
    signInAs(districtSupervisor);
    server.use(
      http.get('*/api/meetings', () => listOf('meetings', [])),
      http.post('*/api/meetings', async ({ request }) => {
        created = (await request.json()) as Record<string, unknown>;
        const { agenda: _agenda, items: _items, ...row } = meeting;
        return HttpResponse.json(row, { status: 201 });
      }),
      http.get('*/api/meetings/:id', () => HttpResponse.json(meeting)),
    );
    renderAt('#/meetings');
    fireEvent.click(await screen.findByRole('link', { name: '新建' }));
    fireEvent.change(await screen.findByLabelText('会议名称 *'), { target: { value: '锦江区社会救助联席会议' } });
    fireEvent.change(screen.getByLabelText('会议时间 *'), { target: { value: '2026-12-10T09:00' } });
    fireEvent.change(screen.getByLabelText('地点'), { target: { value: '区民政局会议室' } });
    fireEvent.click(await screen.findByLabelText('住房和城乡建设局'));
    fireEvent.click(screen.getByLabelText('民政局'));
    fireEvent.click(screen.getByRole('button', { name: '保存' }));
    await waitFor(() =>
      expect(created).toEqual({
        title: '锦江区社会救助联席会议',
        scheduledAt: new Date('2026-12-10T09:00').toISOString(),
        location: '区民政局会议室',
        departments: ['HOUSING', 'CIVIL_AFFAIRS'],
      }),
    );
    expect(await screen.findByText('房屋为危房，无力修缮')).toBeTruthy(); // on to the meeting's page
  });

  it('a township supervisor reads the meetings but is not offered to schedule one', async () => {
    signInAs(userAs('SUPERVISOR'));
    const { agenda: _agenda, items: _items, ...listed } = meeting;
    server.use(http.get('*/api/meetings', () => listOf('meetings', [listed])));
    renderAt('#/meetings');
    expect(await screen.findByText('锦江区社会救助联席会议')).toBeTruthy();
    expect(screen.getByText('待召开')).toBeTruthy();
    expect(screen.queryByRole('link', { name: '新建' })).toBeNull();
  });
});
