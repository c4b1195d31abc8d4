import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { App } from '../App.tsx';
import { me, server } from '../test/server.ts';

const stationWorker = { ...me, id: 'u-sw', role: 'STATION_WORKER', displayName: '站点 李娜', orgUnit: { id: 'c1', name: '水井坊社区', level: 'COMMUNITY' } };
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
          { type: 'urn:guanai:problem:validation', title: 'Invalid request', status: 422, detail: 'person.idNumber: not a valid identity number', errors: [{ field: 'person.idNumber', reason: 'not a valid identity number' }] },
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
    await waitFor(() => expect(body).toEqual({ person: { name: '王小明', idNumber: '123', hukou: 'CHENGDU' }, situation: '独居老人，行动不便', emergency: false }));
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
