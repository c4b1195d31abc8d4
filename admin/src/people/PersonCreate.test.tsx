import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { App } from '../App.tsx';
import { person, server } from '../test/server.ts';

const existing = {
  id: person.id,
  name: '李秀英',
  idNumberMasked: '5101**********0021',
  communityName: '水井坊社区',
  match: 'PHONE',
};
const elsewhere = { id: null, name: '李*英', idNumberMasked: null, communityName: '合江亭社区', match: 'NAME_ADDRESS' };

const conflict = (type: string, duplicates: unknown[]) =>
  HttpResponse.json(
    {
      type: `urn:guanai:problem:${type}`,
      title: 'Conflict',
      status: 409,
      detail: 'the registry may already hold this person',
      duplicates,
    },
    { status: 409, headers: { 'Content-Type': 'application/problem+json' } },
  );

async function fillIn() {
  window.location.hash = '#/people/create';
  render(<App />);
  fireEvent.change(await screen.findByLabelText('姓名 *'), { target: { value: '李秀英' } });
  fireEvent.change(screen.getByLabelText('电话'), { target: { value: '13800000000' } });
  fireEvent.change(screen.getByLabelText('住址'), { target: { value: '水井坊街12号' } });
  fireEvent.click(screen.getByLabelText('独居老人'));
  fireEvent.change(screen.getByLabelText('所在村(社区) *'), { target: { value: '水井' } });
  fireEvent.click(await screen.findByRole('option', { name: /水井坊社区/ }));
}

describe('registering a person', () => {
  it('a possible duplicate is listed with why it matched and a link; "not the same person" resubmits with confirmNotDuplicate', async () => {
    const bodies: Record<string, unknown>[] = [];
    server.use(
      http.post('*/api/people', async ({ request }) => {
        const body = (await request.json()) as Record<string, unknown>;
        bodies.push(body);
        return body.confirmNotDuplicate
          ? HttpResponse.json({ ...person, id: 'new-person', name: '李秀英' }, { status: 201 })
          : conflict('possible-duplicate', [existing, elsewhere]);
      }),
    );
    await fillIn();
    fireEvent.click(screen.getByRole('button', { name: '保存' }));

    const warning = await screen.findByRole('alert');
    expect(within(warning).getByText('可能与已有记录是同一人，请核对')).toBeTruthy();
    expect(within(warning).getByText('李秀英 · 5101**********0021 · 水井坊社区')).toBeTruthy();
    expect(within(warning).getByText('同一电话')).toBeTruthy();
    expect(within(warning).getByText('姓名相近且同一地址 · 不在您的管辖范围')).toBeTruthy();
    const links = within(warning).getAllByRole('link', { name: '查看记录' });
    expect(links.map((a) => a.getAttribute('href'))).toEqual([`#/people/${person.id}/show`]); // none for the record out of reach
    // No document type without a number, no empty fields, no confirmation yet.
    expect(bodies).toEqual([
      {
        name: '李秀英',
        phone: '13800000000',
        address: '水井坊街12号',
        hukou: 'CHENGDU',
        communityId: 'c1',
        tags: ['ELDERLY_ALONE'],
      },
    ]);

    fireEvent.click(within(warning).getByRole('button', { name: '不是同一人，继续登记' }));
    await waitFor(() => expect(bodies).toHaveLength(2));
    expect(bodies[1]).toEqual({ ...bodies[0], confirmNotDuplicate: true });
    await waitFor(() => expect(window.location.hash).toBe('#/people/new-person/show'));
  });

  it('the same identity number cannot be overridden: the existing record is offered, not "register anyway"', async () => {
    server.use(http.post('*/api/people', () => conflict('duplicate-person', [{ ...existing, match: 'ID_NUMBER' }])));
    await fillIn();
    fireEvent.click(screen.getByRole('button', { name: '保存' }));
    const warning = await screen.findByRole('alert');
    expect(within(warning).getByText('此证件号码已登记，不能重复登记，请使用已有记录')).toBeTruthy();
    expect(within(warning).getByText('同一证件号')).toBeTruthy();
    expect(within(warning).getByRole('link', { name: '查看记录' }).getAttribute('href')).toBe(
      `#/people/${person.id}/show`,
    );
    expect(within(warning).queryByRole('button', { name: '不是同一人，继续登记' })).toBeNull();
  });

  it('warns early, when the phone loses focus, with the records the API finds', async () => {
    let asked: unknown = null;
    server.use(
      http.post('*/api/people/duplicates', async ({ request }) => {
        asked = await request.json();
        return HttpResponse.json({ duplicates: [existing] });
      }),
    );
    window.location.hash = '#/people/create';
    render(<App />);
    fireEvent.change(await screen.findByLabelText('姓名 *'), { target: { value: '李秀英' } });
    const phone = screen.getByLabelText('电话');
    fireEvent.change(phone, { target: { value: '13800000000' } });
    fireEvent.blur(phone);
    expect(await screen.findByText('请核对：可能已登记过此人')).toBeTruthy();
    expect(asked).toEqual({ name: '李秀英', phone: '13800000000' });
  });

  it('an invalid resident ID number is caught before it is sent', async () => {
    let posted = false;
    server.use(
      http.post('*/api/people', () => {
        posted = true;
        return HttpResponse.json(person);
      }),
    );
    await fillIn();
    fireEvent.change(screen.getByLabelText('证件号码'), { target: { value: '510104195001010011' } });
    fireEvent.click(screen.getByRole('button', { name: '保存' }));
    expect(await screen.findByText('不是有效的18位居民身份证号（校验位不符）')).toBeTruthy();
    expect(posted).toBe(false);
  });
});

describe('a person’s page', () => {
  it('reveals the full identity number after a reason is given, and sends the reason', async () => {
    let reason: string | null = null;
    server.use(
      http.get('*/api/people/:id/id-number', ({ request }) => {
        reason = new URL(request.url).searchParams.get('reason');
        return HttpResponse.json({ idNumber: '510104195001010021' });
      }),
    );
    window.location.hash = `#/people/${person.id}/show`;
    render(<App />);
    fireEvent.click(await screen.findByRole('button', { name: '查看完整证件号' }));
    const dialog = await screen.findByRole('dialog');
    const confirm = within(dialog).getByRole('button', { name: '确认' });
    expect((confirm as HTMLButtonElement).disabled).toBe(true);
    fireEvent.change(within(dialog).getByLabelText('查看理由（记入审计日志）'), { target: { value: '核实低保申请' } });
    fireEvent.click(confirm);
    expect(await within(dialog).findByText('510104195001010021')).toBeTruthy();
    expect(reason).toBe('核实低保申请');
  });

  it('lists the household with links, and “add household member” opens the form in that household', async () => {
    server.use(
      http.get('*/api/people/:id', () =>
        HttpResponse.json({
          ...person,
          household: {
            id: 'h1',
            address: '水井坊街12号',
            members: [
              {
                id: person.id,
                name: '李秀英',
                relation: 'HEAD',
                sex: 'F',
                birthDate: null,
                idNumberMasked: null,
                tags: [],
              },
              {
                id: 'p2',
                name: '王小明',
                relation: 'GRANDCHILD',
                sex: 'M',
                birthDate: '2015-05-01',
                idNumberMasked: null,
                tags: ['LEFT_BEHIND_CHILD'],
              },
            ],
          },
          cases: [
            {
              id: 'case-1',
              caseNo: 'GA-2026-000001',
              state: 'screening',
              status: 'OPEN',
              createdAt: '2026-03-01T00:00:00Z',
            },
          ],
        }),
      ),
    );
    window.location.hash = `#/people/${person.id}/show`;
    render(<App />);
    const member = await screen.findByText('王小明 · 孙子女');
    expect(member.closest('a')!.getAttribute('href')).toBe('#/people/p2/show');
    expect(screen.getByText('GA-2026-000001 · 筛查').closest('a')!.getAttribute('href')).toBe('#/cases/case-1/show');
    fireEvent.click(screen.getByRole('link', { name: '添加家庭成员' }));
    expect(await screen.findByText('将加入此家庭（住址默认为家庭住址）')).toBeTruthy();
    expect((screen.getByLabelText('住址') as HTMLInputElement).value).toBe('水井坊街12号');
  });
});
