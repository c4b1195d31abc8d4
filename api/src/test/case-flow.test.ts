import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { q, signIn, startHarness, type Harness, type Session } from './harness.ts';
import { json } from './harness.ts';

let h: Harness;
let station: Session;
let caseworker: Session;
let caseworker2: Session;

beforeAll(async () => {
  h = await startHarness();
  [station, caseworker, caseworker2] = await Promise.all([
    signIn(h.app, 'station'),
    signIn(h.app, 'caseworker'),
    signIn(h.app, 'caseworker2'),
  ]);
});
afterAll(async () => h?.stop());

const application = (overrides: Record<string, unknown> = {}) => ({
  person: {
    name: '张三明',
    idNumber: '510104195001010010',
    sex: 'M',
    phone: '13800000001',
    address: '锦江区水井坊街1号',
    hukou: 'CHENGDU',
  },
  situation: '独居老人，行动不便，医疗费用负担重',
  ...overrides,
});

describe('a case from registration to the next state, through the API', () => {
  let caseId: string;
  let taskId: string;

  it('a station worker registers a self-application: the case opens in screening at the township center', async () => {
    const res = await station.request('POST', '/api/cases', application());
    expect(res.status).toBe(201);
    const body = await json(res);
    expect(body).toMatchObject({
      state: 'screening',
      status: 'OPEN',
      origin: 'SELF_APPLICATION',
      owningUnitName: '锦官驿街道',
      originUnitName: '水井坊社区',
      personName: '张三明',
    });
    expect(body.personIdMasked).toBe('5101**********0010');
    expect(JSON.stringify(body)).not.toContain('510104195001010010');
    caseId = body.id;
  });

  it('the identity number is stored encrypted, with a keyed hash, never in clear', async () => {
    const rows = await h.db.$queryRawUnsafe<Record<string, unknown>[]>('SELECT * FROM person');
    expect(rows.length).toBeGreaterThan(0);
    expect(JSON.stringify(rows)).not.toContain('510104195001010010');
    expect(rows[0]).toMatchObject({ id_number_masked: '5101**********0010' });
  });

  it('the township caseworker sees the SCREEN task in the unit queue, claims it and finds it in “mine”', async () => {
    const res = await caseworker.request(
      'GET',
      `/api/tasks${q({ filter: { scope: 'unit' }, sort: ['dueAt', 'ASC'], range: [0, 9] })}`,
    );
    expect(res.status).toBe(200);
    expect(res.headers.get('content-range')).toMatch(/^tasks 0-\d+\/\d+$/);
    const tasks = await json(res);
    const task = tasks.find((t: { caseId: string }) => t.caseId === caseId);
    expect(task).toMatchObject({
      kind: 'SCREEN',
      status: 'OPEN',
      assigneeId: null,
      unitName: '锦官驿街道',
      caseState: 'screening',
    });
    taskId = task.id;

    // Claim and release answer with the task as the read model now has it (built from the workflow's answer, not read again).
    const claim = await caseworker.request('POST', `/api/tasks/${taskId}/claim`);
    expect(claim.status).toBe(200);
    const claimed = await json(claim);
    expect(claimed).toMatchObject({ assigneeName: '社工 张伟' });
    expect(claimed).toEqual(await json(await caseworker.request('GET', `/api/tasks/${taskId}`)));
    const released = await json(await caseworker.request('POST', `/api/tasks/${taskId}/release`));
    expect(released).toMatchObject({ assigneeId: null, assigneeName: null, status: 'OPEN' });
    expect(released).toEqual(await json(await caseworker.request('GET', `/api/tasks/${taskId}`)));
    expect(await json(await caseworker.request('POST', `/api/tasks/${taskId}/claim`))).toEqual(claimed);
    const mine = await json(await caseworker.request('GET', `/api/tasks${q({ filter: { scope: 'mine' } })}`));
    expect(mine.map((t: { id: string }) => t.id)).toContain(taskId);
  });

  it('§四(二) only residual need goes on: completing the screening with a residual need opens the assessment', async () => {
    const res = await caseworker.request('POST', `/api/tasks/${taskId}/complete`, {
      form: { referrals: ['DIBAO', 'YILIAO'], outcome: 'RESIDUAL_NEED', note: '已转介低保与医疗救助' },
    });
    expect(res.status).toBe(200);
    expect(await json(res)).toEqual({ caseId, state: 'assessment', version: expect.any(Number) });
    const detail = await json(await caseworker.request('GET', `/api/cases/${caseId}`));
    expect(detail.state).toBe('assessment');
    expect(detail.events.map((e: { type: string }) => e.type)).toEqual([
      'CASE_OPENED',
      'REGISTERED',
      'CLAIM',
      'RELEASE',
      'CLAIM',
      'SCREENED',
    ]);
    expect(detail.events[5]).toMatchObject({
      fromState: 'screening',
      toState: 'assessment',
      actorName: '社工 张伟',
      payload: { outcome: 'RESIDUAL_NEED', referrals: ['DIBAO', 'YILIAO'] },
    });
    expect(detail.tasks.map((t: { kind: string; status: string }) => [t.kind, t.status])).toEqual([
      ['REGISTER', 'DONE'],
      ['SCREEN', 'DONE'],
      ['ASSESS', 'OPEN'],
    ]);
  });

  it('a caseworker of another township sees none of it: 404, not 403', async () => {
    expect((await caseworker2.request('GET', `/api/cases/${caseId}`)).status).toBe(404);
    expect((await caseworker2.request('GET', `/api/tasks/${taskId}`)).status).toBe(404);
    const claim = await caseworker2.request('POST', `/api/tasks/${taskId}/claim`);
    expect(claim.status).toBe(404);
    expect(claim.headers.get('content-type')).toContain('application/problem+json');
    const cases = await json(await caseworker2.request('GET', '/api/cases'));
    expect(cases.map((c: { id: string }) => c.id)).not.toContain(caseId);
    const queue = await json(await caseworker2.request('GET', `/api/tasks${q({ filter: { scope: 'unit' } })}`));
    expect(queue.map((t: { caseId: string }) => t.caseId)).not.toContain(caseId);
  });

  it('the station that started the case keeps read access to it', async () => {
    const res = await station.request('GET', `/api/cases/${caseId}`);
    expect(res.status).toBe(200);
  });

  it('a retried registration with the same Idempotency-Key opens one case', async () => {
    const headers = { 'Idempotency-Key': 'retry-me-1' };
    const body = application({ person: { name: '李四', hukou: 'CHENGDU' } });
    const [a, b] = [
      await station.request('POST', '/api/cases', body, headers),
      await station.request('POST', '/api/cases', body, headers),
    ];
    expect([a.status, b.status]).toEqual([201, 201]);
    const [ja, jb] = [await json(a), await json(b)];
    expect(ja.id).toBe(jb.id);
    expect(await h.db.case.count({ where: { person: { name: '李四' } } })).toBe(1);
  });

  it('§四(一) a person without Chengdu hukou in an emergency is accepted', async () => {
    const res = await station.request(
      'POST',
      '/api/cases',
      application({ person: { name: '外地务工人员', hukou: 'OTHER' }, emergency: true }),
    );
    expect(res.status).toBe(201);
    const body = await json(res);
    expect(body.emergency).toBe(true);
  });
});
