import { configure, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { App } from '../App.tsx';
import { listOf, server, signInAs, userAs } from '../test/server.ts';
import { project, resource } from './test-fixtures.ts';

// The whole app renders for each test: give a loaded machine time to sign in and fetch.
configure({ asyncUtilTimeout: 5000 });

const pledge = {
  id: 'pl-1',
  partnerName: '成都市慈善总会',
  kind: 'MONEY' as const,
  message: '可资助全额学费',
  amount: 6000,
  places: null,
  quantity: null,
  resourceId: resource.id,
  resourceName: '大病医疗爱心援助',
  status: 'PENDING' as const,
  declineReason: null,
  decidedAt: null,
  matchId: null,
  createdAt: '2026-03-04T00:00:00Z',
};

describe('the project platform (援助项目发布平台)', () => {
  it('§四(三) a partner pledges from one of its own published resources: the resource sets the kind, the kind its figure', async () => {
    let body: unknown = null;
    let resourceFilter: unknown = null;
    signInAs({ ...userAs('PARTNER'), partnerId: 'p-charity' } as never);
    server.use(
      http.get('*/api/projects', () => listOf('projects', [project])),
      http.get('*/api/projects/:id', () => HttpResponse.json({ ...project, responseList: [] })),
      http.get('*/api/resources', ({ request }) => {
        resourceFilter = JSON.parse(new URL(request.url).searchParams.get('filter') ?? '{}');
        return listOf('resources', [resource]);
      }),
      http.post('*/api/projects/:id/responses', async ({ request }) => {
        body = await request.json();
        return HttpResponse.json({ id: 'pl-1' }, { status: 201 });
      }),
    );
    window.location.hash = '#/projects';
    render(<App />);
    const row = (await screen.findByText('困难家庭学生学费资助')).closest('tr')!;
    expect(within(row).getByText('教育')).toBeTruthy();
    expect(within(row).getByText('锦江区 锦官驿街道')).toBeTruthy();
    expect(within(row).getByText('¥6,000.00')).toBeTruthy();
    expect(within(row).getByText('征集中')).toBeTruthy();
    fireEvent.click(row);
    expect(await screen.findByText(project.description)).toBeTruthy();
    expect(screen.queryByRole('button', { name: '结束项目' })).toBeNull();
    const form = await screen.findByRole('region', { name: '我要认捐' });
    // Only its own published resources for the project's need.
    await waitFor(() =>
      expect(resourceFilter).toEqual({ providerId: 'p-charity', status: 'PUBLISHED', category: 'EDUCATION' }),
    );
    fireEvent.mouseDown(await within(form).findByLabelText(/出自本机构的援助项目/));
    fireEvent.click(await screen.findByRole('option', { name: '大病医疗爱心援助' }));
    // A resource with a budget gives money only.
    expect(await within(form).findByRole('radio', { name: '资金' })).toBeTruthy();
    expect(within(form).queryByRole('radio', { name: '名额' })).toBeNull();
    fireEvent.change(await within(form).findByLabelText(/认捐金额/), { target: { value: '6000' } });
    fireEvent.change(within(form).getByLabelText(/说明/), { target: { value: '本会助学项目可资助全额学费' } });
    fireEvent.click(within(form).getByRole('button', { name: '提交认捐' }));
    await waitFor(() =>
      expect(body).toEqual({
        kind: 'MONEY',
        resourceId: resource.id,
        message: '本会助学项目可资助全额学费',
        amount: 6000,
      }),
    );
  });

  it('a partner sees its pledge’s answer: the reason of a decline (and may pledge again), the match of an acceptance', async () => {
    signInAs({ ...userAs('PARTNER'), partnerId: 'p-charity' } as never);
    let answer: unknown = {
      ...pledge,
      status: 'DECLINED',
      declineReason: '本项目已有其他机构资助',
      decidedAt: '2026-03-05T00:00:00Z',
    };
    server.use(
      http.get('*/api/projects/:id', () => HttpResponse.json({ ...project, responseList: [answer] })),
      http.get('*/api/resources', () => listOf('resources', [resource])),
    );
    window.location.hash = `#/projects/${project.id}/show`;
    const { unmount } = render(<App />);
    expect(await screen.findByText('谢绝理由：本项目已有其他机构资助')).toBeTruthy();
    expect(screen.getByText('已谢绝')).toBeTruthy();
    expect(await screen.findByRole('region', { name: '我要认捐' })).toBeTruthy();
    unmount();
    answer = { ...pledge, status: 'ACCEPTED', matchId: 'm-9', decidedAt: '2026-03-05T00:00:00Z' };
    render(<App />);
    expect(await screen.findByText('已接受')).toBeTruthy();
    expect(screen.getByRole('link', { name: '查看对接申请' }).getAttribute('href')).toBe('#/matches/m-9/show');
    expect(screen.queryByRole('region', { name: '我要认捐' })).toBeNull();
    expect(screen.queryByRole('button', { name: '接受' })).toBeNull();
  });

  it('staff see every pledge and accept one or decline it with a reason; they may end the project; they cannot pledge', async () => {
    let closed: unknown = null;
    let accepted: string | null = null;
    let declined: unknown = null;
    server.use(
      http.get('*/api/projects/:id', () =>
        HttpResponse.json({
          ...project,
          caseId: 'case-9',
          needIndex: 0,
          responseList: [
            pledge,
            {
              ...pledge,
              id: 'pl-2',
              partnerName: '锦江区益民社会工作服务中心',
              kind: 'PLACES',
              amount: null,
              places: 2,
              resourceName: '社工上门',
            },
          ],
        }),
      ),
      http.post('*/api/projects/:id/responses/:responseId/accept', ({ params }) => {
        accepted = String(params.responseId);
        return HttpResponse.json({ ...pledge, status: 'ACCEPTED', matchId: 'm-1' });
      }),
      http.post('*/api/projects/:id/responses/:responseId/decline', async ({ request }) => {
        declined = await request.json();
        return HttpResponse.json({ ...pledge, status: 'DECLINED' });
      }),
      http.post('*/api/projects/:id/close', async ({ request }) => {
        closed = await request.json();
        return HttpResponse.json({ ...project, status: 'FUNDED' });
      }),
    );
    window.location.hash = `#/projects/${project.id}/show`;
    render(<App />);
    const money = await screen.findByRole('listitem', { name: '成都市慈善总会 资金 ¥6,000.00' });
    expect(within(money).getByText('出自：大病医疗爱心援助')).toBeTruthy();
    const places = screen.getByRole('listitem', { name: '锦江区益民社会工作服务中心 名额 2 个' });
    expect(screen.queryByRole('region', { name: '我要认捐' })).toBeNull();
    expect(screen.getByRole('link', { name: '查看案件' }).getAttribute('href')).toBe('#/cases/case-9/show');
    fireEvent.click(within(money).getByRole('button', { name: '接受' }));
    await waitFor(() => expect(accepted).toBe('pl-1'));
    fireEvent.click(within(places).getByRole('button', { name: '谢绝' }));
    const dialog = await screen.findByRole('dialog', { name: '谢绝认捐' });
    const confirm = within(dialog).getByRole('button', { name: '确认' });
    expect(confirm.hasAttribute('disabled')).toBe(true); // a reason first
    fireEvent.change(within(dialog).getByLabelText(/谢绝理由/), { target: { value: '名额已由其他机构提供' } });
    fireEvent.click(confirm);
    await waitFor(() => expect(declined).toEqual({ reason: '名额已由其他机构提供' }));
    fireEvent.click(await screen.findByRole('button', { name: '结束项目' }));
    fireEvent.click(await screen.findByRole('button', { name: '已获资助' }));
    await waitFor(() => expect(closed).toEqual({ status: 'FUNDED' }));
  });
});
