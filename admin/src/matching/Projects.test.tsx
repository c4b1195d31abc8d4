import { configure, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { App } from '../App.tsx';
import { listOf, server, signInAs, userAs } from '../test/server.ts';
import { project, resource } from './test-fixtures.ts';

// The whole app renders for each test: give a loaded machine time to sign in and fetch.
configure({ asyncUtilTimeout: 5000 });

describe('the project platform (援助项目发布平台)', () => {
  it('a partner reads a project and responds once, offering an amount and one of its own resources', async () => {
    let response: unknown = null;
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
        response = await request.json();
        return HttpResponse.json({ id: 'resp-1' }, { status: 201 });
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
    fireEvent.click(screen.getByRole('button', { name: '响应项目' }));
    const dialog = await screen.findByRole('dialog', { name: '响应项目' });
    fireEvent.change(within(dialog).getByLabelText(/响应说明/), { target: { value: '本会助学项目可资助全额学费' } });
    fireEvent.change(within(dialog).getByLabelText(/可资助金额/), { target: { value: '6000' } });
    await waitFor(() => expect(resourceFilter).toEqual({ providerId: 'p-charity' })); // only its own resources
    await waitFor(() =>
      expect(
        within(dialog)
          .getByLabelText(/使用本机构的援助项目/)
          .getAttribute('aria-disabled'),
      ).toBeNull(),
    );
    fireEvent.mouseDown(within(dialog).getByLabelText(/使用本机构的援助项目/));
    fireEvent.click(await screen.findByRole('option', { name: '大病医疗爱心援助' }));
    fireEvent.click(within(dialog).getByRole('button', { name: '确认' }));
    await waitFor(() =>
      expect(response).toEqual({ message: '本会助学项目可资助全额学费', amount: 6000, resourceId: resource.id }),
    );
  });

  it('staff see every response and may end the project (funded or withdrawn); they cannot respond', async () => {
    let closed: unknown = null;
    server.use(
      http.get('*/api/projects/:id', () =>
        HttpResponse.json({
          ...project,
          caseId: 'case-9',
          needIndex: 0,
          responseList: [
            {
              id: 'resp-1',
              partnerName: '成都市慈善总会',
              message: '可资助全额学费',
              amount: 6000,
              resourceId: resource.id,
              createdAt: '2026-03-04T00:00:00Z',
            },
          ],
        }),
      ),
      http.get('*/api/resources/:id', () => HttpResponse.json(resource)),
      http.post('*/api/projects/:id/close', async ({ request }) => {
        closed = await request.json();
        return HttpResponse.json({ ...project, status: 'FUNDED' });
      }),
    );
    window.location.hash = `#/projects/${project.id}/show`;
    render(<App />);
    expect(await screen.findByText('成都市慈善总会 · ¥6,000.00 · 使用：大病医疗爱心援助')).toBeTruthy();
    expect(screen.queryByRole('button', { name: '响应项目' })).toBeNull();
    expect(screen.getByRole('link', { name: '查看案件' }).getAttribute('href')).toBe('#/cases/case-9/show');
    fireEvent.click(screen.getByRole('button', { name: '结束项目' }));
    fireEvent.click(await screen.findByRole('button', { name: '已获资助' }));
    await waitFor(() => expect(closed).toEqual({ status: 'FUNDED' }));
  });
});
