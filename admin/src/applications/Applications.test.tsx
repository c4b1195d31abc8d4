import type { TCase } from '@guanai/api/types';
import { configure, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { App } from '../App.tsx';
import { listOf, person, server, signInAs, userAs } from '../test/server.ts';
import type { ApplicationRecord } from './types.ts';

configure({ asyncUtilTimeout: 5_000 });

const stationWorker = userAs('STATION_WORKER', { id: 'u-sw', displayName: '站长 王芳' });

const APPLICATION_ID = '3f0b9d2e-6a55-4d1c-9e0a-5b7c1d2e3f40';
const DOCUMENT_ID = '7c1d2e3f-4a5b-4c6d-8e7f-901a2b3c4d5e';

const application: ApplicationRecord = {
  id: APPLICATION_ID,
  reference: 'SQ-7K3M9Q2XHP',
  name: '王秀兰',
  phone: '138****8000',
  applicant: 'SELF',
  applicantName: null,
  community: { id: 'c1', name: '水井坊社区' },
  situation: '老伴去年去世，独居，腿脚不便，看病没有钱。',
  status: 'SUBMITTED',
  submittedAt: '2026-12-06T02:30:00.000Z',
  decidedAt: null,
  decidedBy: null,
  declineReason: null,
  caseId: null,
  caseNo: null,
  documents: [{ id: DOCUMENT_ID, filename: '病历.jpg', contentType: 'image/jpeg', size: 182_000 }],
};

const opened = {
  id: 'case-9',
  caseNo: 'GA-2026-000009',
  personName: '王秀兰',
  personIdMasked: null,
  state: 'screening',
  status: 'OPEN',
  closureReason: null,
  emergency: false,
  origin: 'SELF_APPLICATION',
  owningUnitName: '水井坊社区',
  originUnitName: '水井坊社区',
  situation: application.situation,
  createdAt: '2026-12-06T03:00:00Z',
  updatedAt: '2026-12-06T03:00:00Z',
  applicationId: APPLICATION_ID,
  events: [],
  tasks: [],
} as unknown as TCase;

/** The applications routes as a station worker's API answers them; `lists` records each list's query. */
function api(record: ApplicationRecord = application) {
  const lists: URLSearchParams[] = [];
  server.use(
    http.get('*/api/applications', ({ request }) => {
      lists.push(new URL(request.url).searchParams);
      return listOf('applications', [record]);
    }),
    http.get('*/api/applications/:id', () => HttpResponse.json(record)),
    http.get('*/api/cases/:id', () => HttpResponse.json(opened)),
  );
  return lists;
}

function open(hash: string) {
  window.location.hash = hash;
  return render(<App />);
}

describe('网上申请 in the admin: the station verifies and decides (§四(一) 个人申请)', () => {
  it('the station worker finds it in the menu; the list shows those to verify first, phones masked', async () => {
    signInAs(stationWorker);
    const lists = api();
    server.use(http.get('*/api/absences/current', () => HttpResponse.json({ mine: null, covering: [] })));
    open('#/tasks');
    fireEvent.click(await screen.findByRole('menuitem', { name: /网上申请/ }));
    expect(await screen.findByText('王秀兰')).toBeTruthy();
    expect(screen.getByText('138****8000')).toBeTruthy();
    expect(screen.getByText('水井坊社区')).toBeTruthy();
    expect(screen.queryByText('13800138000')).toBeNull();
    const query = lists.at(-1)!;
    expect(JSON.parse(query.get('filter')!)).toEqual({ status: 'SUBMITTED' });
    expect(JSON.parse(query.get('sort')!)).toEqual(['submittedAt', 'ASC']);
  });

  it('shows the situation and the documents’ photos from the API; the full phone only for a reason, which the API audits', async () => {
    signInAs(stationWorker);
    api();
    let reason: string | null = null;
    server.use(
      http.get('*/api/applications/:id/phone', ({ request }) => {
        reason = new URL(request.url).searchParams.get('reason');
        return HttpResponse.json({ phone: '13800138000' });
      }),
    );
    open(`#/applications/${APPLICATION_ID}/show`);
    expect(await screen.findByText(application.situation)).toBeTruthy();
    const photo = screen.getByRole('img', { name: '证明材料 1' }) as HTMLImageElement;
    expect(photo.getAttribute('src')).toBe(`/api/applications/${APPLICATION_ID}/documents/${DOCUMENT_ID}`);
    fireEvent.click(screen.getByRole('button', { name: '显示完整电话' }));
    const dialog = await screen.findByRole('dialog');
    const confirm = within(dialog).getByRole('button', { name: '确认' }) as HTMLButtonElement;
    expect(confirm.disabled).toBe(true);
    fireEvent.change(within(dialog).getByLabelText('查看理由（记入审计日志）'), { target: { value: '电话核实身份' } });
    fireEvent.click(confirm);
    expect(await within(dialog).findByText('13800138000')).toBeTruthy();
    expect(reason).toBe('电话核实身份');
    expect(within(dialog).getByRole('link', { name: '拨打' }).getAttribute('href')).toBe('tel:13800138000');
  });

  it('§四(一) 不予受理: the dialog says the applicant reads the reason; the reason is posted', async () => {
    signInAs(stationWorker);
    api();
    const posted: unknown[] = [];
    server.use(
      http.post('*/api/applications/:id/decline', async ({ request }) => {
        posted.push(await request.json());
        return HttpResponse.json({ ...application, status: 'DECLINED' });
      }),
    );
    open(`#/applications/${APPLICATION_ID}/show`);
    fireEvent.click(await screen.findByRole('button', { name: '不予受理' }));
    const dialog = await screen.findByRole('dialog', { name: '不予受理' });
    expect(within(dialog).getByText(/申请人会用申请编号在网上看到这段理由/)).toBeTruthy();
    const confirm = within(dialog).getByRole('button', { name: '不予受理' }) as HTMLButtonElement;
    fireEvent.change(within(dialog).getByLabelText(/不予受理的理由/), { target: { value: '太短' } });
    expect(confirm.disabled).toBe(true); // at least 4 characters, as the API asks
    fireEvent.change(within(dialog).getByLabelText(/不予受理的理由/), {
      target: { value: '您家已享受低保，请联系街道办理临时救助。' },
    });
    fireEvent.click(confirm);
    expect(await screen.findByText('已告知申请人不予受理')).toBeTruthy();
    expect(posted).toEqual([{ reason: '您家已享受低保，请联系街道办理临时救助。' }]);
  });

  it('§四(一) 受理立案: the person form prefilled from the application (the phone once revealed); posts once with an Idempotency-Key and opens the case', async () => {
    signInAs(stationWorker);
    api();
    const posts: { body: Record<string, unknown>; key: string | null }[] = [];
    server.use(
      http.get('*/api/applications/:id/phone', () => HttpResponse.json({ phone: '13800138000' })),
      http.post('*/api/applications/:id/accept', async ({ request }) => {
        posts.push({
          body: (await request.json()) as Record<string, unknown>,
          key: request.headers.get('Idempotency-Key'),
        });
        return HttpResponse.json(opened, { status: 201 });
      }),
    );
    open(`#/applications/${APPLICATION_ID}/show`);
    // Called first, to verify: the number revealed goes into the form.
    fireEvent.click(await screen.findByRole('button', { name: '显示完整电话' }));
    const dialog = await screen.findByRole('dialog');
    fireEvent.change(within(dialog).getByLabelText('查看理由（记入审计日志）'), { target: { value: '电话核实身份' } });
    fireEvent.click(within(dialog).getByRole('button', { name: '确认' }));
    await within(dialog).findByText('13800138000');
    fireEvent.click(within(dialog).getByRole('button', { name: '关闭' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    fireEvent.click(screen.getByRole('link', { name: '受理立案' }));
    expect(((await screen.findByLabelText('姓名 *')) as HTMLInputElement).value).toBe('王秀兰');
    expect((screen.getByLabelText('电话') as HTMLInputElement).value).toBe('13800138000');
    expect((screen.getByLabelText('困难情况 *') as HTMLTextAreaElement).value).toBe(application.situation);
    expect(screen.queryByLabelText(/所在村\(社区\)/)).toBeNull(); // the station's own: the API takes none
    fireEvent.change(screen.getByLabelText('住址'), { target: { value: '水井坊街 12 号' } });
    fireEvent.click(screen.getByRole('button', { name: '受理立案' }));
    expect(await screen.findByText('已受理，已立案：GA-2026-000009')).toBeTruthy();
    expect(posts).toHaveLength(1);
    expect(posts[0]!.body).toEqual({
      person: { name: '王秀兰', phone: '13800138000', address: '水井坊街 12 号', hukou: 'CHENGDU' },
      situation: application.situation,
      emergency: false,
    });
    expect(posts[0]!.key).toMatch(/^[\x21-\x7e]{8,}$/);
    await waitFor(() => expect(window.location.hash).toBe('#/cases/case-9/show'));
  });

  it('受理立案 for someone the registry may hold: the duplicate warning; “not the same person” resends with the same key', async () => {
    signInAs(stationWorker);
    api({ ...application, applicant: 'RELATIVE', applicantName: '李强' });
    const posts: { body: Record<string, unknown>; key: string | null }[] = [];
    server.use(
      http.post('*/api/applications/:id/accept', async ({ request }) => {
        const body = (await request.json()) as Record<string, unknown>;
        posts.push({ body, key: request.headers.get('Idempotency-Key') });
        return body.confirmNotDuplicate
          ? HttpResponse.json(opened, { status: 201 })
          : HttpResponse.json(
              {
                type: 'urn:guanai:problem:possible-duplicate',
                title: 'Conflict',
                status: 409,
                detail: 'possible duplicate',
                duplicates: [
                  {
                    id: person.id,
                    name: '王秀兰',
                    idNumberMasked: null,
                    communityName: '水井坊社区',
                    match: 'NAME_ADDRESS',
                  },
                ],
              },
              { status: 409, headers: { 'Content-Type': 'application/problem+json' } },
            );
      }),
    );
    open(`#/applications/${APPLICATION_ID}/accept`);
    expect(((await screen.findByLabelText('姓名 *')) as HTMLInputElement).value).toBe('王秀兰');
    // A relative applied: the phone is theirs, so the person's is left for the worker.
    expect((screen.getByLabelText('电话') as HTMLInputElement).value).toBe('');
    expect(screen.getByText(/李强（家人代为申请）/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '受理立案' }));
    fireEvent.click(await screen.findByRole('button', { name: '不是同一人，继续登记' }));
    await waitFor(() => expect(posts).toHaveLength(2));
    expect(posts[1]!.body).toMatchObject({ person: { name: '王秀兰' }, confirmNotDuplicate: true });
    expect(posts[1]!.key).toBe(posts[0]!.key);
    expect(await screen.findByText('已受理，已立案：GA-2026-000009')).toBeTruthy();
  });

  it('an application already decided offers no decision, and says what was decided', async () => {
    signInAs(stationWorker);
    api({
      ...application,
      status: 'DECLINED',
      decidedAt: '2026-12-07T01:00:00.000Z',
      decidedBy: { id: 'u-sw', name: '站长 王芳' },
      declineReason: '您家已享受低保，请联系街道办理临时救助。',
    });
    open(`#/applications/${APPLICATION_ID}/show`);
    expect(await screen.findByText(/不予受理的理由：您家已享受低保/)).toBeTruthy();
    expect(screen.getByText(/站长 王芳/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: '不予受理' })).toBeNull();
    expect(screen.queryByRole('link', { name: '受理立案' })).toBeNull();
  });

  it('the township’s caseworker reads the applications but decides none', async () => {
    signInAs(userAs('CASEWORKER'));
    api();
    open(`#/applications/${APPLICATION_ID}/show`);
    expect(await screen.findByText(application.situation)).toBeTruthy();
    expect(screen.queryByRole('button', { name: '不予受理' })).toBeNull();
    expect(screen.queryByRole('link', { name: '受理立案' })).toBeNull();
  });
});

describe('the station’s home page', () => {
  it('§四(一) counts the online applications to verify, and links to them', async () => {
    signInAs(stationWorker);
    const lists = api();
    server.use(
      http.get('*/api/home', () =>
        HttpResponse.json({
          kind: 'station',
          unit: { id: 'c1', name: '水井坊社区', level: 'COMMUNITY' },
          openCases: { value: 3, link: { to: 'cases', filter: { status: 'OPEN' } } },
          applicationsToVerify: {
            value: 2,
            link: { to: 'applications', filter: { status: 'SUBMITTED' } },
          },
          byState: [],
          recent: [],
        }),
      ),
    );
    open('#/');
    const card = await screen.findByRole('link', { name: '待核实的网上申请 2' });
    expect(card.getAttribute('href')).toBe(
      `#/applications?filter=${encodeURIComponent(JSON.stringify({ status: 'SUBMITTED' }))}`,
    );
    fireEvent.click(card);
    expect(await screen.findByText('王秀兰')).toBeTruthy();
    expect(JSON.parse(lists.at(-1)!.get('filter')!)).toEqual({ status: 'SUBMITTED' });
  });
});
