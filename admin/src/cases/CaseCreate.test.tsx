import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { App } from '../App.tsx';
import { person, server, signInAs, userAs } from '../test/server.ts';

const stationWorker = userAs('STATION_WORKER', { id: 'u-sw', displayName: '站点 李娜' });
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
  });

  it('a caseworker is not offered registration', async () => {
    server.use(http.get('*/api/cases', noCases));
    window.location.hash = '#/cases';
    render(<App />);
    // With no cases either: react-admin's empty page would otherwise offer its own create button.
    await screen.findByText(/没有案件|暂无案件/, {}, { timeout: 10_000 });
    expect(screen.queryByRole('link', { name: '立案登记' })).toBeNull();
    expect(screen.queryByRole('link', { name: /新建/ })).toBeNull();
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
  const opened = {
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
    createdAt: '2026-03-01T00:00:00Z',
    updatedAt: '2026-03-01T00:00:00Z',
    events: [],
    tasks: [],
  };

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
