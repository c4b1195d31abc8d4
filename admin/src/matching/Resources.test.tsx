import type { TResource } from '@guanai/api/types';
import { configure, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { App } from '../App.tsx';
import { forgetIdentity } from '../providers/authProvider.ts';
import { listOf, orgUnits, server, signInAs, userAs } from '../test/server.ts';
import { changedResourceFields, createBody } from './resources/resourceBody.ts';
import { campaign, resource } from './test-fixtures.ts';

// The whole app renders for each test: give a loaded machine time to sign in and fetch.
configure({ asyncUtilTimeout: 5000 });

function catalogue(rows: TResource[] = [resource, campaign]) {
  server.use(
    http.get('*/api/resources', () => listOf('resources', rows)),
    http.get('*/api/resources/:id', ({ params }) => HttpResponse.json(rows.find((r) => r.id === params.id) ?? rows[0])),
    http.get('*/api/resources/:id/donations', () =>
      HttpResponse.json([
        {
          id: 'g-1',
          kind: 'DONATION',
          receiptNo: 'JZ2026-000001',
          reversesId: null,
          reason: null,
          donorName: '爱心人士',
          amount: 1200.5,
          receivedOn: '2026-11-28',
          channel: '银行转账',
          createdAt: '2026-11-28T00:00:00Z',
        },
      ]),
    ),
  );
}

describe('the resource catalogue (援助项目库)', () => {
  it('lists kind, provider, coverage, categories, what is left and status', async () => {
    catalogue();
    window.location.hash = '#/resources';
    render(<App />);
    const row = (await screen.findByText('大病医疗爱心援助')).closest('tr')!;
    expect(within(row).getByText('慈善项目')).toBeTruthy();
    expect(within(row).getByText('成都市慈善总会')).toBeTruthy();
    expect(within(row).getByText('医疗')).toBeTruthy();
    expect(within(row).getByText('剩余资金 ¥495,000.00')).toBeTruthy();
    expect(within(row).getByText('已发布')).toBeTruthy();
    expect(screen.queryByRole('link', { name: '新建' })).toBeNull(); // a caseworker does not keep the catalogue
  });

  it('editing sends only the fields that changed, never the kind or what the API computes', async () => {
    let put: unknown = null;
    signInAs(userAs('MANAGER'));
    catalogue();
    server.use(
      http.put('*/api/resources/:id', async ({ request }) => {
        put = await request.json();
        return HttpResponse.json({ ...resource, name: '大病医疗爱心援助（2026）' });
      }),
      http.get('*/api/org-units', () => listOf('org-units', orgUnits)),
    );
    window.location.hash = `#/resources/${resource.id}`;
    render(<App />);
    const name = await screen.findByLabelText('名称 *');
    await waitFor(() => expect((name as HTMLInputElement).value).toBe('大病医疗爱心援助'));
    expect(screen.getByText(/慈善项目（类型创建后不可修改）/)).toBeTruthy();
    fireEvent.change(name, { target: { value: '大病医疗爱心援助（2026）' } });
    fireEvent.change(screen.getByLabelText('最高年龄'), { target: { value: '80' } });
    fireEvent.click(screen.getByRole('button', { name: '保存' }));
    await waitFor(() =>
      expect(put).toEqual({
        name: '大病医疗爱心援助（2026）',
        eligibility: { hukou: ['CHENGDU'], maxAge: 80, tagsAny: ['SERIOUS_ILLNESS'] },
      }),
    );
  });

  it('the edit transform ignores reordered lists and sends clearing values the API takes', () => {
    const previousData: TResource = {
      ...resource,
      kind: 'PURCHASED_SERVICE',
      contractNo: 'JJ-1',
      serviceStandard: '每月两次',
      capacity: 30,
      budget: null,
      eligibility: { tagsAny: ['DIBAO', 'TEKUN'] },
    };
    const values = {
      ...previousData,
      eligibility: { tagsAny: ['TEKUN', 'DIBAO'], minAge: null },
      serviceStandard: '',
      capacity: null,
      validTo: null,
      kind: 'FUNDRAISING',
      reservedPlaces: 99,
    };
    expect(changedResourceFields(values as never, { previousData })).toEqual({
      serviceStandard: '',
      capacity: null,
      validTo: null,
    });
  });

  it('creating a campaign asks for its type, target and deadline, and starts with nothing raised', () => {
    expect(
      createBody({
        kind: 'FUNDRAISING',
        name: ' 助学 ',
        providerId: 'p',
        coverageUnitId: 'u',
        categories: ['EDUCATION'],
        eligibility: { hukou: [], disability: false },
        campaignType: 'PUBLIC',
        target: 300000,
        deadline: '2026-12-31',
        contractNo: 'x',
        budget: 500,
      } as never),
    ).toEqual({
      kind: 'FUNDRAISING',
      name: '助学',
      providerId: 'p',
      coverageUnitId: 'u',
      categories: ['EDUCATION'],
      eligibility: {},
      campaignType: 'PUBLIC',
      target: 300000,
      deadline: '2026-12-31',
      budget: 0,
    });
  });

  it('the create form shows the kind’s own fields', async () => {
    signInAs(userAs('ADMIN'));
    window.location.hash = '#/resources/create';
    render(<App />);
    await screen.findByLabelText('名称 *');
    expect(screen.queryByLabelText('合同编号 *')).toBeNull();
    fireEvent.mouseDown(screen.getByLabelText('类型 *'));
    fireEvent.click(await screen.findByRole('option', { name: '政府购买服务' }));
    expect(await screen.findByLabelText('合同编号 *')).toBeTruthy();
    await waitFor(() => expect(screen.queryByRole('listbox')).toBeNull());
    fireEvent.mouseDown(screen.getByLabelText('类型 *'));
    fireEvent.click(await screen.findByRole('option', { name: '募捐' }));
    expect(await screen.findByLabelText('募捐目标（元） *')).toBeTruthy();
    expect(screen.queryByLabelText('合同编号 *')).toBeNull();
    expect(screen.queryByLabelText('资金（元）')).toBeNull(); // a campaign's money is what was donated
  });

  it('a manager sees publish/pause/close and edit; a caseworker sees the eligibility in words and none of them', async () => {
    catalogue();
    window.location.hash = `#/resources/${resource.id}/show`;
    const first = render(<App />);
    expect(await screen.findByText('对象类别之一：重病')).toBeTruthy();
    expect(screen.getByText('户籍：成都市户籍')).toBeTruthy();
    expect(screen.queryByRole('button', { name: '暂停' })).toBeNull();
    expect(screen.queryByRole('button', { name: '关闭' })).toBeNull();
    expect(screen.queryByRole('link', { name: '编辑' })).toBeNull();
    first.unmount();
    forgetIdentity(); // sign in as someone else

    let status: unknown = null;
    signInAs(userAs('MANAGER'));
    server.use(
      http.post('*/api/resources/:id/status', async ({ request }) => {
        status = await request.json();
        return HttpResponse.json({ ...resource, status: 'PAUSED' });
      }),
    );
    window.location.hash = `#/resources/${resource.id}/show`;
    render(<App />);
    fireEvent.click(await screen.findByRole('button', { name: '暂停' }));
    await waitFor(() => expect(status).toEqual({ status: 'PAUSED' }));
    expect(screen.getByRole('link', { name: '编辑' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: '发布' })).toBeNull(); // already published
  });

  it('a campaign shows its donations; its own partner records one with an Idempotency-Key, another partner may not', async () => {
    const gifts: { key: string | null; body: unknown }[] = [];
    catalogue();
    server.use(
      http.post('*/api/resources/:id/donations', async ({ request }) => {
        gifts.push({ key: request.headers.get('Idempotency-Key'), body: await request.json() });
        return HttpResponse.json({ id: 'g-2' }, { status: 201 });
      }),
    );
    signInAs({ ...userAs('PARTNER'), partnerId: 'p-sw' } as never);
    window.location.hash = `#/resources/${campaign.id}/show`;
    const other = render(<App />);
    expect(await screen.findByText('爱心人士 · ¥1,200.50')).toBeTruthy();
    expect(screen.getByText('已募集 ¥1,200.50 / 目标 ¥300,000.00')).toBeTruthy();
    expect(screen.queryByRole('button', { name: '登记捐赠' })).toBeNull();
    other.unmount();
    forgetIdentity();

    signInAs({ ...userAs('PARTNER'), partnerId: 'p-charity' } as never);
    window.location.hash = `#/resources/${campaign.id}/show`;
    render(<App />);
    fireEvent.click(await screen.findByRole('button', { name: '登记捐赠' }));
    const dialog = await screen.findByRole('dialog', { name: '登记捐赠' });
    fireEvent.change(within(dialog).getByLabelText(/捐赠人/), { target: { value: '王先生' } });
    fireEvent.change(within(dialog).getByLabelText(/金额（元）/), { target: { value: '800' } });
    fireEvent.change(within(dialog).getByLabelText(/到账日期/), { target: { value: '2026-11-29' } });
    fireEvent.click(within(dialog).getByRole('button', { name: '确认' }));
    await waitFor(() =>
      expect(gifts).toEqual([
        {
          key: expect.stringMatching(/^[0-9a-f-]{36}$/),
          body: { donorName: '王先生', amount: 800, receivedOn: '2026-11-29' },
        },
      ]),
    );
  });
});

describe('partner organisations', () => {
  it('an admin sees them in the menu and may add one; a caseworker sees no such entry', async () => {
    signInAs(userAs('ADMIN'));
    server.use(http.get('*/api/tasks', () => listOf('tasks', [])));
    window.location.hash = '#/partners';
    const admin = render(<App />);
    expect(await screen.findByText('锦江区益民社会工作服务中心')).toBeTruthy();
    expect(screen.getAllByRole('menuitem').map((i) => i.textContent)).toContain('合作机构');
    expect(screen.getByRole('link', { name: '新建' })).toBeTruthy();
    admin.unmount();
    forgetIdentity();
    signInAs(userAs('CASEWORKER'));

    window.location.hash = '#/tasks';
    render(<App />);
    await screen.findAllByRole('menuitem', { name: '任务' });
    const items = screen.getAllByRole('menuitem').map((i) => i.textContent);
    expect(items).not.toContain('合作机构');
    expect(items).toContain('援助项目库');
    expect(items).toContain('对接申请');
  });
});
