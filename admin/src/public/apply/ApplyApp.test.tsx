import type { TPublicApplicationStatus, TPublicCommunity, TSubmitApplication } from '@guanai/api/types';
import { configure, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { server } from '../../test/server.ts';
import { ApplyApp } from './ApplyApp.tsx';
import { leadingZeroBits } from './proof-of-work.ts';

// This machine runs several suites at once: give the page time before a query gives up.
configure({ asyncUtilTimeout: 5_000 });

const jinjiang = { id: 'd1', name: '锦江区' };
const wuhou = { id: 'd2', name: '武侯区' };
const communities: TPublicCommunity[] = [
  { id: 'c1', name: '水井坊社区', township: { id: 't1', name: '锦官驿街道' }, district: jinjiang },
  { id: 'c2', name: '交子社区', township: { id: 't1', name: '锦官驿街道' }, district: jinjiang },
  { id: 'c3', name: '东湖社区', township: { id: 't2', name: '东湖街道' }, district: jinjiang },
  { id: 'c4', name: '玉林社区', township: { id: 't3', name: '玉林街道' }, district: wuhou },
];

const NONCE = 'n0nce-for-the-test';
const BITS = 6;

/** The public routes; `post` answers the application (a 201 receipt unless a test says otherwise). */
function api(post?: (body: TSubmitApplication) => Response | undefined) {
  const posted: TSubmitApplication[] = [];
  let challenges = 0;
  server.use(
    http.get('*/api/public/communities', () => HttpResponse.json(communities)),
    http.get('*/api/public/applications/challenge', () => {
      challenges += 1;
      return HttpResponse.json({ token: `token-${challenges}`, nonce: NONCE, bits: BITS });
    }),
    http.post('*/api/public/applications', async ({ request }) => {
      const body = (await request.json()) as TSubmitApplication;
      posted.push(body);
      return (
        post?.(body) ??
        HttpResponse.json(
          { reference: 'SQ-7K3M9Q2XHP', status: 'SUBMITTED', submittedAt: '2026-12-06T02:30:00.000Z' },
          { status: 201 },
        )
      );
    }),
  );
  return { posted, challenges: () => challenges };
}

const refusal = (errors: { field: string; reason: string }[]) =>
  HttpResponse.json(
    {
      type: 'urn:guanai:problem:validation',
      title: 'Invalid request',
      status: 422,
      detail: errors.map((e) => `${e.field}: ${e.reason}`).join('; '),
      errors,
    },
    { status: 422, headers: { 'Content-Type': 'application/problem+json' } },
  );

function open(hash = '') {
  window.location.hash = hash;
  return render(<ApplyApp />);
}

/** The text a field's helper line shows (its aria-describedby). */
const helperOf = (input: HTMLElement) =>
  document.getElementById(input.getAttribute('aria-describedby') ?? '')?.textContent ?? '';

const type = (label: string, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } });

async function pickCommunity(search?: string) {
  const field = (await screen.findByLabelText('所在村(社区) *')) as HTMLInputElement;
  await waitFor(() => expect(field.disabled).toBe(false)); // the communities have loaded
  fireEvent.click(field);
  const dialog = await screen.findByRole('dialog', { name: '选择所在村(社区)' });
  if (search) {
    fireEvent.change(within(dialog).getByLabelText('搜索村(社区)、街道(乡镇)或区(县)'), { target: { value: search } });
    fireEvent.click(within(dialog).getByRole('button', { name: /水井坊社区/ }));
  } else {
    fireEvent.click(within(dialog).getByRole('button', { name: '锦江区' }));
    fireEvent.click(within(dialog).getByRole('button', { name: '锦官驿街道' }));
    fireEvent.click(within(dialog).getByRole('button', { name: '水井坊社区' }));
  }
  await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
}

async function fillIn() {
  type('姓名 *', '王秀兰');
  type('联系电话 *', '138 0013 8000');
  await pickCommunity();
  type('遇到的困难 *', '老伴去年去世，独居，腿脚不便，看病没有钱。');
}

describe('apply.html: a resident applies on their phone (§四(一) 个人申请)', () => {
  it('§四(一) picks the community district → township → community, solves the proof of work and shows the reference', async () => {
    const { posted } = api();
    open();
    await fillIn();
    expect((screen.getByLabelText('所在村(社区) *') as HTMLInputElement).value).toBe(
      '水井坊社区 · 锦官驿街道 · 锦江区',
    );
    fireEvent.click(screen.getByRole('button', { name: '提交申请' }));
    expect(await screen.findByText('申请已提交')).toBeTruthy();
    expect(screen.getByLabelText('申请编号').textContent).toBe('SQ-7K3M9Q2XHP');
    expect(posted).toHaveLength(1);
    const { challenge, ...application } = posted[0]!;
    expect(application).toEqual({
      name: '王秀兰',
      phone: '13800138000',
      communityId: 'c1',
      situation: '老伴去年去世，独居，腿脚不便，看病没有钱。',
      applicant: 'SELF',
    });
    // The solution really is one: SHA-256 of nonce:solution starts with BITS zero bits.
    expect(challenge.token).toBe('token-1');
    const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(`${NONCE}:${challenge.solution}`));
    expect(leadingZeroBits(new Uint8Array(digest))).toBeGreaterThanOrEqual(BITS);
    // Remembered, so that the status view offers it.
    expect(JSON.parse(localStorage.getItem('guanai.apply.references')!)).toEqual(['SQ-7K3M9Q2XHP']);
    fireEvent.click(screen.getByRole('button', { name: '查询进度' }));
    expect(((await screen.findByLabelText('申请编号')) as HTMLInputElement).value).toBe('SQ-7K3M9Q2XHP');
    expect(window.location.hash).toBe('#status');
  });

  it('shows each field the API refuses beside that field, in Chinese, and takes a fresh challenge for the retry', async () => {
    let first = true;
    const { posted, challenges } = api(() => {
      if (!first) return undefined;
      first = false;
      return refusal([
        { field: 'phone', reason: 'must be a mainland mobile or a landline' },
        { field: 'situation', reason: 'Too small: expected string to have >=10 characters' },
        { field: 'documents.0.data', reason: 'is not the image type it claims' },
        { field: 'challenge.solution', reason: 'does not solve the challenge' },
      ]);
    });
    open();
    await fillIn();
    fireEvent.click(screen.getByRole('button', { name: '提交申请' }));
    await screen.findByText(/请按提示修改后再提交/);
    expect(helperOf(screen.getByLabelText('联系电话 *'))).toBe('请填写 11 位手机号，或带区号的座机号');
    expect(helperOf(screen.getByLabelText('遇到的困难 *'))).toBe('请用 10 到 2000 字说明困难情况');
    expect(screen.getByText('照片最多 3 张，每张不超过 2 MB，须是 JPG、PNG 或 WebP 图片')).toBeTruthy();
    expect(screen.getByText(/验证已失效，请再提交一次/)).toBeTruthy();
    // Fields the API did not name keep their help.
    expect(helperOf(screen.getByLabelText('所在村(社区) *'))).toBe('需要帮助的人住在哪个村(社区)');
    // Corrected, it goes in — with a new challenge, since each is accepted once.
    type('联系电话 *', '028-86001234');
    expect(helperOf(screen.getByLabelText('联系电话 *'))).toBe('服务站会打这个电话核实情况');
    fireEvent.click(screen.getByRole('button', { name: '提交申请' }));
    expect(await screen.findByText('申请已提交')).toBeTruthy();
    expect(challenges()).toBe(2);
    expect(posted[1]).toMatchObject({ phone: '02886001234', challenge: { token: 'token-2' } });
  });

  it('says what is missing before spending a proof of work, and asks for the applicant’s own name for a relative', async () => {
    const { posted, challenges } = api();
    open();
    await screen.findByLabelText('所在村(社区) *');
    fireEvent.click(screen.getByLabelText('为家人申请'));
    type('需要帮助的人的姓名 *', '王秀兰');
    type('联系电话 *', '12345');
    type('遇到的困难 *', '太难了');
    fireEvent.click(screen.getByRole('button', { name: '提交申请' }));
    expect(helperOf(await screen.findByLabelText('您的姓名（代为申请的人） *'))).toBe('请填写您的姓名（50 字以内）');
    expect(helperOf(screen.getByLabelText('联系电话 *'))).toBe('请填写 11 位手机号，或带区号的座机号');
    expect(helperOf(screen.getByLabelText('所在村(社区) *'))).toBe('请选择所在村(社区)');
    expect(helperOf(screen.getByLabelText('遇到的困难 *'))).toBe('请用 10 到 2000 字说明困难情况');
    expect(challenges()).toBe(0);
    type('您的姓名（代为申请的人） *', '李强');
    type('联系电话 *', '13900001111');
    type('遇到的困难 *', '母亲独居，生病住院，需要有人照料。');
    await pickCommunity('水井');
    fireEvent.click(screen.getByRole('button', { name: '提交申请' }));
    await screen.findByText('申请已提交');
    expect(posted[0]).toMatchObject({
      applicant: 'RELATIVE',
      applicantName: '李强',
      name: '王秀兰',
      communityId: 'c1',
    });
  });

  it('takes photos of documents as thumbnails that can be removed, and sends the ones kept', async () => {
    const { posted } = api();
    open();
    await fillIn();
    const png = (name: string) =>
      new File([new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10, 1, 2, 3])], name, { type: 'image/png' });
    const input = document.querySelector<HTMLInputElement>('input[type=file]')!;
    expect(input.getAttribute('accept')).toBe('image/*');
    expect(input.getAttribute('capture')).toBe('environment');
    fireEvent.change(input, { target: { files: [png('户口本.png')] } });
    await screen.findByAltText('第 1 张照片');
    fireEvent.change(document.querySelector('input[type=file]')!, { target: { files: [png('病历.png')] } });
    await screen.findByAltText('第 2 张照片');
    fireEvent.click(screen.getByRole('button', { name: '删除第 1 张照片' }));
    await waitFor(() => expect(screen.queryByAltText('第 2 张照片')).toBeNull());
    fireEvent.click(screen.getByRole('button', { name: '提交申请' }));
    await screen.findByText('申请已提交');
    expect(posted[0]!.documents).toEqual([
      { filename: '病历.png', contentType: 'image/png', data: 'iVBORw0KGgoBAgM=' },
    ]);
  });

  it('too many submissions from one address: says how long to wait', async () => {
    api(() =>
      HttpResponse.json(
        { type: 'urn:guanai:problem:rate-limited', title: 'Too many requests', status: 429, detail: 'too many' },
        { status: 429, headers: { 'Content-Type': 'application/problem+json', 'Retry-After': '1700' } },
      ),
    );
    open();
    await fillIn();
    fireEvent.click(screen.getByRole('button', { name: '提交申请' }));
    expect(await screen.findByText('提交次数过多，请 29 分钟后再试。')).toBeTruthy();
    expect((screen.getByRole('button', { name: '提交申请' }) as HTMLButtonElement).disabled).toBe(false);
  });
});

describe('apply.html#status: the answer, read with the reference number', () => {
  const answer = (status: Partial<TPublicApplicationStatus>) =>
    server.use(
      http.get('*/api/public/applications/:reference', ({ params }) =>
        params.reference === 'SQ-7K3M9Q2XHP'
          ? HttpResponse.json({
              reference: 'SQ-7K3M9Q2XHP',
              status: 'SUBMITTED',
              submittedAt: '2026-12-06T02:30:00.000Z',
              decidedAt: null,
              declineReason: null,
              ...status,
            })
          : HttpResponse.json(
              { type: 'urn:guanai:problem:not-found', title: 'Not found', status: 404, detail: 'no application' },
              { status: 404, headers: { 'Content-Type': 'application/problem+json' } },
            ),
      ),
    );

  async function lookUp(typed = 'sq-7k3m9q2xhp ') {
    open('#status');
    fireEvent.change(await screen.findByLabelText('申请编号'), { target: { value: typed } });
    fireEvent.click(screen.getByRole('button', { name: '查询' }));
  }

  it('submitted: waiting for the station, with the submission date', async () => {
    answer({});
    await lookUp();
    expect(await screen.findByText('已提交，等待服务站核实')).toBeTruthy();
    expect(screen.getByText(/提交时间：2026年12月6日 10:30/)).toBeTruthy();
    expect(screen.queryByText(/处理时间/)).toBeNull();
  });

  it('accepted: a case was opened, with the decision date', async () => {
    answer({ status: 'ACCEPTED', decidedAt: '2026-12-07T01:00:00.000Z' });
    await lookUp();
    expect(await screen.findByText('已受理，已立案')).toBeTruthy();
    expect(screen.getByText(/处理时间：2026年12月7日 09:00/)).toBeTruthy();
  });

  it('§四(一) declined: the station’s reason, in its words', async () => {
    answer({
      status: 'DECLINED',
      decidedAt: '2026-12-07T01:00:00.000Z',
      declineReason: '您家已享受低保，请联系街道办理临时救助。',
    });
    await lookUp();
    expect(await screen.findByText('未受理：您家已享受低保，请联系街道办理临时救助。')).toBeTruthy();
    expect(screen.getByText(/处理时间：/)).toBeTruthy();
  });

  it('an unknown number: says it was not found', async () => {
    answer({});
    await lookUp('SQ-AAAAAAAAAA');
    expect(await screen.findByText('没有找到这个编号')).toBeTruthy();
  });

  it('too many look-ups: says how long to wait', async () => {
    server.use(
      http.get('*/api/public/applications/:reference', () =>
        HttpResponse.json(
          { type: 'urn:guanai:problem:rate-limited', title: 'Too many requests', status: 429, detail: 'slow down' },
          { status: 429, headers: { 'Content-Type': 'application/problem+json', 'Retry-After': '60' } },
        ),
      ),
    );
    await lookUp();
    expect(await screen.findByText('查询太频繁，请 1 分钟后再试。')).toBeTruthy();
  });

  it('reads in English too', async () => {
    localStorage.setItem('guanai.public.lang', 'en');
    answer({ status: 'DECLINED', decidedAt: '2026-12-07T01:00:00.000Z', declineReason: 'Already receiving dibao.' });
    open('#status');
    fireEvent.change(await screen.findByLabelText('Reference number'), { target: { value: 'SQ-7K3M9Q2XHP' } });
    fireEvent.click(screen.getByRole('button', { name: 'Check' }));
    expect(await screen.findByText('Not accepted: Already receiving dibao.')).toBeTruthy();
  });
});
