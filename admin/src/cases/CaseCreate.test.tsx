import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { App } from '../App.tsx';
import { forgetIdentity } from '../providers/authProvider.ts';
import { listOf, orgUnits, person, server, signInAs, userAs } from '../test/server.ts';

const stationWorker = userAs('STATION_WORKER', { id: 'u-sw', displayName: '站点 李娜' });
/** A case as the API answers it once opened (its page follows the save). */
const openedCase = {
  id: 'case-9',
  caseNo: 'GA-2026-000009',
  personName: '王小明',
  personIdMasked: null,
  state: 'intake',
  status: 'OPEN',
  closureReason: null,
  emergency: false,
  origin: 'SELF_APPLICATION',
  owningUnitName: '水井坊社区',
  originUnitName: '水井坊社区',
  situation: '困难',
  flags: [],
  version: 1,
  applicationId: null,
  referral: null,
  createdAt: '2026-03-01T00:00:00Z',
  updatedAt: '2026-03-01T00:00:00Z',
  events: [],
  tasks: [],
};
const noCases = () => HttpResponse.json([], { headers: { 'Content-Range': 'cases 0-0/0' } });

describe('registering a self-application', () => {
  it('a station worker registers; the API’s field reasons show in the notification', async () => {
    let body: unknown = null;
    server.use(
      http.get('*/api/auth/me', () => HttpResponse.json(stationWorker)),
      http.get('*/api/cases', noCases),
      http.post('*/api/cases', async ({ request }) => {
        body = await request.json();
        return HttpResponse.json(
          {
            type: 'urn:guanai:problem:validation',
            title: 'Invalid request',
            status: 422,
            detail: 'person.idNumber: not a valid identity number',
            errors: [{ field: 'person.idNumber', reason: 'not a valid identity number' }],
          },
          { status: 422, headers: { 'Content-Type': 'application/problem+json' } },
        );
      }),
    );
    window.location.hash = '#/cases';
    render(<App />);
    fireEvent.click(await screen.findByRole('link', { name: '立案登记' }));
    fireEvent.change(await screen.findByLabelText('姓名 *'), { target: { value: '王小明' } });
    fireEvent.change(screen.getByLabelText('身份证号'), { target: { value: '123' } });
    fireEvent.change(screen.getByLabelText('困难情况 *'), { target: { value: '独居老人，行动不便' } });
    fireEvent.click(screen.getByRole('button', { name: '保存' }));
    await waitFor(() =>
      expect(body).toEqual({
        person: { name: '王小明', idNumber: '123', hukou: 'CHENGDU' },
        situation: '独居老人，行动不便',
        emergency: false,
      }),
    );
    expect(await screen.findByText('操作失败：填写有误（person.idNumber: not a valid identity number）')).toBeTruthy();
    // The reason stands under the field too; a station asks no referral, nor who found the person.
    expect(screen.getByText('not a valid identity number')).toBeTruthy();
    expect(screen.queryByText('转介来源')).toBeNull();
    expect(screen.queryByLabelText('发现人身份 *')).toBeNull();
  });

  it('an administrator is not offered a case form; a caseworker is offered a referral, not a registration', async () => {
    signInAs(userAs('ADMIN'));
    server.use(http.get('*/api/cases', noCases));
    window.location.hash = '#/cases';
    const { unmount } = render(<App />);
    // With no cases either: react-admin's empty page would otherwise offer its own create button.
    await screen.findByText(/没有案件|暂无案件/, {}, { timeout: 10_000 });
    expect(screen.queryByRole('link', { name: '立案登记' })).toBeNull();
    expect(screen.queryByRole('link', { name: '转介立案' })).toBeNull();
    expect(screen.queryByRole('link', { name: /新建/ })).toBeNull();
    unmount();
    forgetIdentity();

    signInAs(userAs('CASEWORKER'));
    window.location.hash = '#/cases';
    render(<App />);
    expect(await screen.findByRole('link', { name: '转介立案' }, { timeout: 10_000 })).toBeTruthy();
    expect(screen.queryByRole('link', { name: '立案登记' })).toBeNull();
  });
});

describe('§四(一) 主动发现: a discoverer reports someone found', () => {
  it('says as what they found the person (required), and the body carries discovererKind', async () => {
    const bodies: unknown[] = [];
    signInAs(userAs('DISCOVERER', { displayName: '网格员 赵强' }));
    server.use(
      http.get('*/api/cases', noCases),
      http.post('*/api/cases', async ({ request }) => {
        bodies.push(await request.json());
        return HttpResponse.json(openedCase, { status: 201 });
      }),
      http.get('*/api/cases/:id', () => HttpResponse.json({ ...openedCase, origin: 'OUTREACH' })),
    );
    window.location.hash = '#/cases';
    render(<App />);
    fireEvent.click(await screen.findByRole('link', { name: '上报发现' }));
    fireEvent.change(await screen.findByLabelText('姓名 *'), { target: { value: '陈大爷' } });
    fireEvent.change(screen.getByLabelText('困难情况 *'), { target: { value: '楼道里独居，多日未出门' } });
    fireEvent.click(screen.getByRole('button', { name: '保存' }));
    expect(await screen.findByText('必填')).toBeTruthy(); // who found the person, before anything is sent
    expect(await screen.findByText('表单有误，请检查')).toBeTruthy(); // the form's own check still says so
    expect(bodies).toHaveLength(0);

    fireEvent.mouseDown(screen.getByLabelText('发现人身份 *'));
    const options = (await screen.findAllByRole('option')).map((o) => o.textContent);
    expect(options).toEqual(expect.arrayContaining(['网格员', '楼栋长', '志愿者', '社工', '社区工作者']));
    fireEvent.click(screen.getByRole('option', { name: '楼栋长' }));
    await waitFor(() => expect(screen.queryByText('必填')).toBeNull());
    fireEvent.click(screen.getByRole('button', { name: '保存' }));
    await waitFor(
      () =>
        expect(bodies).toEqual([
          {
            person: { name: '陈大爷', hukou: 'CHENGDU' },
            situation: '楼道里独居，多日未出门',
            emergency: false,
            discovererKind: 'BUILDING_LEADER',
          },
        ]),
      { timeout: 5_000 },
    );
    expect(await screen.findByText('已立案：GA-2026-000009')).toBeTruthy();
  });
});

describe('§四(一) 转介: township, district and city staff open a referral', () => {
  /** A community of another township: the list of units is the whole network's. */
  const elsewhere = {
    ...orgUnits[2]!,
    id: 'c9',
    code: '510104022003',
    name: '水井街社区',
    parentId: 't2',
    parentName: '书院街街道',
    path: '510100000000.510104000000.510104022000.510104022003',
  };
  const opened = { ...openedCase, origin: 'REFERRAL' };

  const district = { ...orgUnits[1]!, id: 'd1', code: '510104000000', name: '锦江区', level: 'DISTRICT' as const };
  district.path = '510100000000.510104000000';

  /**
   * The org units asked for (their filters), answering the network's units and the one elsewhere
   * whatever the filter, as if the API had no filter: what is offered is the admin's choice.
   */
  function unitsApi(asked: Record<string, unknown>[]) {
    server.use(
      http.get('*/api/org-units', ({ request }) => {
        asked.push(JSON.parse(new URL(request.url).searchParams.get('filter') ?? '{}') as Record<string, unknown>);
        return listOf('org-units', [...orgUnits, district, elsewhere]);
      }),
      http.get('*/api/org-units/d1', () => HttpResponse.json(district)),
    );
  }

  async function openForm() {
    server.use(
      http.get('*/api/cases', noCases),
      http.get('*/api/cases/:id', () => HttpResponse.json(opened)),
    );
    window.location.hash = '#/cases';
    render(<App />);
    fireEvent.click(await screen.findByRole('link', { name: '转介立案' }));
    await screen.findByText('案件在所选村/社区立案，由其服务站和街道接续办理');
  }

  /** Types into the community picker and picks `option`; answers the options it offered. */
  async function pickCommunity(typed: string, option: string) {
    const picker = screen.getByRole('combobox', { name: '村/社区' });
    fireEvent.focus(picker);
    fireEvent.change(picker, { target: { value: typed } });
    // What is offered once the typed search has been answered (the debounced query, then its answer).
    let options: (string | null)[] = [];
    await waitFor(() => {
      options = screen.getAllByRole('option').map((o) => o.textContent);
      expect(options).toContain(option);
    });
    fireEvent.click(screen.getByRole('option', { name: option }));
    await waitFor(() => expect((picker as HTMLInputElement).value).toBe(option));
    return options;
  }

  function fillPerson() {
    fireEvent.change(screen.getByLabelText('姓名 *'), { target: { value: '周阿姨' } });
    fireEvent.change(screen.getByLabelText('困难情况 *'), { target: { value: '民政局转来：独居，无人照料' } });
  }

  it('from a member department: department and community (of the township’s own) in the body', async () => {
    const asked: Record<string, unknown>[] = [];
    const bodies: unknown[] = [];
    unitsApi(asked);
    server.use(
      http.post('*/api/cases', async ({ request }) => {
        bodies.push(await request.json());
        return HttpResponse.json(opened, { status: 201 });
      }),
    );
    await openForm();
    expect(screen.getAllByText('转介立案').length).toBeGreaterThan(0); // the page's title
    expect((screen.getByRole('radio', { name: '成员单位' }) as HTMLInputElement).checked).toBe(true);
    fireEvent.mouseDown(screen.getByLabelText('成员单位 *'));
    fireEvent.click(await screen.findByRole('option', { name: '民政局' }));
    await waitFor(() => expect(screen.queryByRole('listbox')).toBeNull());
    // Only communities below the caseworker's township: not the units above, nor another township's 水井街社区.
    expect(await pickCommunity('水井', '水井坊社区 (510104021001)')).toEqual(['水井坊社区 (510104021001)']);
    expect(asked).toContainEqual({ level: 'COMMUNITY', parentId: 't1' });
    fillPerson();
    fireEvent.click(screen.getByRole('button', { name: '保存' }));
    await waitFor(() =>
      expect(bodies).toEqual([
        {
          person: { name: '周阿姨', hukou: 'CHENGDU' },
          situation: '民政局转来：独居，无人照料',
          emergency: false,
          referral: { source: 'DEPARTMENT', departmentCode: 'CIVIL_AFFAIRS' },
          communityId: 'c1',
        },
      ]),
    );
    expect(await screen.findByText('已立案：GA-2026-000009')).toBeTruthy();
  });

  it('a district manager’s choices are the communities of the district, searched by its code before anything is typed', async () => {
    const asked: Record<string, unknown>[] = [];
    signInAs(userAs('MANAGER'));
    unitsApi(asked);
    await openForm();
    const picker = screen.getByRole('combobox', { name: '村/社区' });
    fireEvent.mouseDown(picker);
    fireEvent.focus(picker);
    await waitFor(() =>
      expect(screen.queryAllByRole('option').map((o) => o.textContent)).toEqual([
        '水井坊社区 (510104021001)',
        '水井街社区 (510104022003)',
      ]),
    );
    expect(asked).toContainEqual({ level: 'COMMUNITY', q: '510104' });
  });

  it('from the 12345 hotline: the ticket number in the body; the API’s 422 reasons stand under their fields', async () => {
    const bodies: Record<string, unknown>[] = [];
    unitsApi([]);
    server.use(
      http.post('*/api/cases', async ({ request }) => {
        const body = (await request.json()) as Record<string, unknown>;
        bodies.push(body);
        if (bodies.length > 1) return HttpResponse.json(opened, { status: 201 });
        return HttpResponse.json(
          {
            type: 'urn:guanai:problem:validation',
            title: 'Invalid request',
            status: 422,
            detail:
              'referral.ticketNo: must be the 12345 ticket number; communityId: is not a community of your jurisdiction',
            errors: [
              { field: 'referral.ticketNo', reason: 'must be the 12345 ticket number' },
              { field: 'communityId', reason: 'is not a community of your jurisdiction' },
            ],
          },
          { status: 422, headers: { 'Content-Type': 'application/problem+json' } },
        );
      }),
    );
    await openForm();
    fireEvent.click(screen.getByRole('radio', { name: '12345热线' }));
    expect(screen.queryByLabelText('成员单位 *')).toBeNull();
    fireEvent.change(await screen.findByLabelText('12345工单号 *'), { target: { value: 'A1' } });
    await pickCommunity('水井坊', '水井坊社区 (510104021001)');
    fillPerson();
    fireEvent.click(screen.getByRole('button', { name: '保存' }));
    await waitFor(() => expect(bodies).toHaveLength(1), { timeout: 5_000 });
    expect(bodies[0]).toMatchObject({ referral: { source: 'HOTLINE_12345', ticketNo: 'A1' }, communityId: 'c1' });
    expect(bodies[0]).not.toHaveProperty('discovererKind');

    const ticket = screen.getByLabelText('12345工单号 *');
    expect(await screen.findByText('must be the 12345 ticket number')).toBeTruthy();
    expect(ticket.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByRole('combobox', { name: '村/社区' }).getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('is not a community of your jurisdiction')).toBeTruthy();
    expect(
      await screen.findByText(
        '操作失败：填写有误（referral.ticketNo: must be the 12345 ticket number; communityId: is not a community of your jurisdiction）',
      ),
    ).toBeTruthy();
    expect(screen.queryByText('表单有误，请检查')).toBeNull(); // one notification, the API's

    // Corrected, the form sends again: the API's reasons do not hold it back.
    fireEvent.change(ticket, { target: { value: 'GD-20260301-0042' } });
    await waitFor(() => expect(screen.queryByText('must be the 12345 ticket number')).toBeNull());
    fireEvent.click(screen.getByRole('button', { name: '保存' }));
    await waitFor(() => expect(bodies).toHaveLength(2), { timeout: 5_000 });
    expect(bodies[1]).toMatchObject({ referral: { source: 'HOTLINE_12345', ticketNo: 'GD-20260301-0042' } });
  });
});

describe('registering a case for someone the registry may already hold', () => {
  const existing = {
    id: person.id,
    name: '王小明',
    idNumberMasked: '5101**********0011',
    communityName: '水井坊社区',
    match: 'ID_NUMBER',
  };
  const conflict = (type: string, duplicates: unknown[]) =>
    HttpResponse.json(
      { type: `urn:guanai:problem:${type}`, title: 'Conflict', status: 409, detail: 'duplicate', duplicates },
      { status: 409, headers: { 'Content-Type': 'application/problem+json' } },
    );
  const opened = openedCase;

  async function submitNewPerson() {
    window.location.hash = '#/cases/create';
    render(<App />);
    fireEvent.change(await screen.findByLabelText('姓名 *'), { target: { value: '王小明' } });
    fireEvent.change(screen.getByLabelText('电话'), { target: { value: '13900000000' } });
    fireEvent.change(screen.getByLabelText('困难情况 *'), { target: { value: '独居老人' } });
    fireEvent.click(screen.getByRole('button', { name: '保存' }));
    return screen.findByRole('alert');
  }

  it('the same identity number: "open the case for this person" resubmits with personId instead of person', async () => {
    const bodies: unknown[] = [];
    signInAs(stationWorker);
    server.use(
      http.post('*/api/cases', async ({ request }) => {
        const body = (await request.json()) as Record<string, unknown>;
        bodies.push(body);
        return body.personId
          ? HttpResponse.json(opened, { status: 201 })
          : conflict('duplicate-person', [existing, { ...existing, id: null, name: '王*明' }]);
      }),
      http.get('*/api/cases/:id', () => HttpResponse.json(opened)),
    );
    const warning = await submitNewPerson();
    expect(within(warning).getByText('王小明 · 5101**********0011 · 水井坊社区')).toBeTruthy();
    expect(within(warning).getByRole('link', { name: '查看记录' }).getAttribute('href')).toBe(
      `#/people/${person.id}/show`,
    );
    expect(within(warning).queryByRole('button', { name: '不是同一人，继续登记' })).toBeNull();
    const useIt = within(warning).getAllByRole('button', { name: '为此人立案' });
    expect(useIt).toHaveLength(1); // not for the record outside the station's reach
    fireEvent.click(useIt[0]!);
    await waitFor(() => expect(bodies[1]).toEqual({ personId: person.id, situation: '独居老人', emergency: false }));
    expect(await screen.findByText('已立案：GA-2026-000009')).toBeTruthy();
  });

  it('a possible duplicate: "not the same person" sends confirmNotDuplicate beside person', async () => {
    const bodies: Record<string, unknown>[] = [];
    signInAs(stationWorker);
    server.use(
      http.post('*/api/cases', async ({ request }) => {
        const body = (await request.json()) as Record<string, unknown>;
        bodies.push(body);
        return body.confirmNotDuplicate
          ? HttpResponse.json(opened, { status: 201 })
          : conflict('possible-duplicate', [{ ...existing, match: 'PHONE' }]);
      }),
      http.get('*/api/cases/:id', () => HttpResponse.json(opened)),
    );
    const warning = await submitNewPerson();
    expect(within(warning).getByText('同一电话')).toBeTruthy();
    fireEvent.click(within(warning).getByRole('button', { name: '不是同一人，继续登记' }));
    await waitFor(() => expect(bodies).toHaveLength(2));
    expect(bodies[1]).toEqual({
      person: { name: '王小明', phone: '13900000000', hukou: 'CHENGDU' },
      situation: '独居老人',
      emergency: false,
      confirmNotDuplicate: true,
    });
  });

  it('from a person’s page, “open a case” asks only for the situation and posts personId', async () => {
    let body: unknown = null;
    signInAs(stationWorker);
    server.use(
      http.post('*/api/cases', async ({ request }) => {
        body = await request.json();
        return HttpResponse.json(opened, { status: 201 });
      }),
      http.get('*/api/cases/:id', () => HttpResponse.json(opened)),
    );
    window.location.hash = `#/people/${person.id}/show`;
    render(<App />);
    fireEvent.click(await screen.findByRole('link', { name: '立案' }));
    expect(await screen.findByText(`为以下人员立案：李秀英 · ${person.idNumberMasked} · 水井坊社区`)).toBeTruthy();
    expect(screen.queryByLabelText('姓名 *')).toBeNull();
    fireEvent.change(screen.getByLabelText('困难情况 *'), { target: { value: '腿脚不便' } });
    fireEvent.click(screen.getByRole('button', { name: '保存' }));
    await waitFor(() => expect(body).toEqual({ personId: person.id, situation: '腿脚不便', emergency: false }));
  });
});
