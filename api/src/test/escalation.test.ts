import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  caseInMatching as sharedCaseInMatching,
  json,
  q,
  signIn,
  startHarness,
  work as sharedWork,
  type Harness,
  type Session,
} from './harness.ts';

let h: Harness;
const s: Record<string, Session> = {};

beforeAll(async () => {
  h = await startHarness();
  for (const name of ['station', 'caseworker', 'supervisor', 'caseworker2', 'district.supervisor', 'city.supervisor'])
    s[name] = await signIn(h.app, name);
});
afterAll(async () => h?.stop());

/** The open task of a kind on a case, as the database shows it. */
const openTask = (caseId: string, kind: string) =>
  h.db.task.findFirstOrThrow({ where: { caseId, kind, status: 'OPEN' } });
const work = (who: Session, caseId: string, kind: string, form: Record<string, unknown>) =>
  sharedWork(h, who, caseId, kind, form);
const caseInMatching = (name: string) =>
  sharedCaseInMatching(
    h,
    { station: s.station!, caseworker: s.caseworker!, supervisor: s.supervisor! },
    { person: { name, hukou: 'CHENGDU' } },
  );

const detail = async (who: Session, caseId: string) => json(await who.request('GET', `/api/cases/${caseId}`));
const act = (who: Session, caseId: string, body: Record<string, unknown>) =>
  who.request('POST', `/api/cases/${caseId}/actions`, body);

describe('escalation across the four levels, with real users of each unit', () => {
  let caseId: string;

  it('station → township: the station registers, the township center owns and works the case up to matching', async () => {
    caseId = await caseInMatching('王大爷');
    const c = await detail(s.caseworker!, caseId);
    expect(c).toMatchObject({ state: 'matching', owningUnitName: '锦官驿街道', originUnitName: '水井坊社区' });
    expect(c.actions).toEqual(expect.arrayContaining(['ESCALATE', 'PROPOSE_CLOSURE', 'MARK_EMERGENCY', 'FLAG']));
    expect(c.actions).not.toContain('CLOSE');
    expect((await detail(s.supervisor!, caseId)).actions).toEqual(
      expect.arrayContaining(['ESCALATE', 'CLOSE', 'SUSPEND']),
    );
  });

  it('township → district: the caseworker escalates; only the district supervisor can accept', async () => {
    const res = await act(s.caseworker!, caseId, { type: 'ESCALATE', reason: '本街道无可匹配的医疗资源' });
    expect(res.status).toBe(200);
    expect((await json(res)).state).toBe('escalation');
    const accept = await openTask(caseId, 'ACCEPT_ESCALATION');
    expect((await s.supervisor!.request('POST', `/api/tasks/${accept.id}/claim`)).status).toBe(403);
    expect((await s.caseworker2!.request('POST', `/api/tasks/${accept.id}/claim`)).status).toBe(404);
    const board = await json(
      await s['district.supervisor']!.request(
        'GET',
        `/api/tasks${q({ filter: { scope: 'unit', kind: 'ACCEPT_ESCALATION' } })}`,
      ),
    );
    expect(board.map((t: { caseId: string }) => t.caseId)).toContain(caseId);
    const notified = await h.db.notification.findMany({
      where: { caseId, kind: 'ESCALATED' },
      include: { user: true },
    });
    expect(notified.map((n) => n.user.username)).toEqual(['district.supervisor']);

    const accepted = await work(s['district.supervisor']!, caseId, 'ACCEPT_ESCALATION', {
      accepted: true,
      target: 'matching',
    });
    expect(accepted.state).toBe('matching');
    const c = await detail(s['district.supervisor']!, caseId);
    expect(c.owningUnitName).toBe('锦江区');
    expect((await openTask(caseId, 'MATCH')).unitId).toBe(
      (await h.db.orgUnit.findUniqueOrThrow({ where: { code: '510104000000' } })).id,
    );
  });

  it('the lower tiers keep read access but no longer act on the case', async () => {
    expect((await s.caseworker!.request('GET', `/api/cases/${caseId}`)).status).toBe(200);
    expect((await s.station!.request('GET', `/api/cases/${caseId}`)).status).toBe(200);
    const match = await openTask(caseId, 'MATCH');
    expect((await s.caseworker!.request('POST', `/api/tasks/${match.id}/claim`)).status).toBe(403);
    expect((await act(s.supervisor!, caseId, { type: 'CLOSE', reason: 'resolved' })).status).toBe(403);
    expect((await s.caseworker2!.request('GET', `/api/cases/${caseId}`)).status).toBe(404);
  });

  it('district → city, then §四(九) the city refers the case to the joint meeting, whose resolution sends it on', async () => {
    // (A district center may also refer to its own joint meeting: meetings.test.ts. Here it goes on up.)
    expect((await act(s['district.supervisor']!, caseId, { type: 'ESCALATE', reason: '区级资源仍不足' })).status).toBe(
      200,
    );
    await work(s['city.supervisor']!, caseId, 'ACCEPT_ESCALATION', { accepted: true, target: 'matching' });
    expect((await detail(s['city.supervisor']!, caseId)).owningUnitName).toBe('成都市');
    // §四: escalation ends at the city.
    const again = await act(s['city.supervisor']!, caseId, { type: 'ESCALATE', reason: '再上报' });
    expect(again.status).toBe(409);
    expect(
      (await act(s['city.supervisor']!, caseId, { type: 'REFER_JOINT_MEETING', reason: '需住建、卫健等部门协同' }))
        .status,
    ).toBe(200);
    const resolved = await work(s['city.supervisor']!, caseId, 'JOINT_MEETING', {
      next: 'delivery',
      actions: [{ department: '市卫健委', action: '协调医院减免部分费用', deadline: '2026-12-31' }],
    });
    expect(resolved.state).toBe('delivery');
    const c = await detail(s['city.supervisor']!, caseId);
    expect(c.events.map((e: { type: string }) => e.type)).toEqual(
      expect.arrayContaining(['ESCALATE', 'ESCALATION_ACCEPTED', 'REFER_JOINT_MEETING', 'MEETING_RESOLVED']),
    );
  });

  it('§四(二) a case escalated from screening is screened at the district: acceptance resumes there, and matching or assessment is refused', async () => {
    const res = await s.station!.request('POST', '/api/cases', {
      situation: '独居老人，情况不明',
      person: { name: '赵大妈', hukou: 'CHENGDU' },
      confirmNotDuplicate: true,
    });
    expect(res.status).toBe(201);
    const { id } = await json(res);
    expect((await act(s.caseworker!, id, { type: 'ESCALATE', reason: '本街道无法判断' })).status).toBe(200);
    const accept = await openTask(id, 'ACCEPT_ESCALATION');
    expect((await s['district.supervisor']!.request('POST', `/api/tasks/${accept.id}/claim`)).status).toBe(200);
    for (const target of ['matching', 'assessment']) {
      const skipped = await s['district.supervisor']!.request('POST', `/api/tasks/${accept.id}/complete`, {
        form: { accepted: true, target },
      });
      expect(skipped.status, target).toBe(422);
      expect((await json(skipped)).errors).toEqual([expect.objectContaining({ field: 'target' })]);
    }
    const resumed = await s['district.supervisor']!.request('POST', `/api/tasks/${accept.id}/complete`, {
      form: { accepted: true },
    });
    expect(await json(resumed)).toMatchObject({ state: 'screening' });
    const screen = await openTask(id, 'SCREEN');
    expect(screen.unitId).toBe((await h.db.orgUnit.findUniqueOrThrow({ where: { code: '510104000000' } })).id);
  });

  it('a returned escalation comes back to matching at the township, with the guidance', async () => {
    const other = await caseInMatching('李奶奶');
    await act(s.caseworker!, other, { type: 'ESCALATE', reason: '资源不足' });
    const returned = await work(s['district.supervisor']!, other, 'ACCEPT_ESCALATION', {
      accepted: false,
      guidance: '可对接街道慈善基金',
    });
    expect(returned.state).toBe('matching');
    const c = await detail(s.caseworker!, other);
    expect(c.owningUnitName).toBe('锦官驿街道');
    expect(c.events.at(-1)).toMatchObject({ type: 'ESCALATION_RETURNED', payload: { guidance: '可对接街道慈善基金' } });
    const match = await openTask(other, 'MATCH');
    expect((await s.caseworker!.request('POST', `/api/tasks/${match.id}/claim`)).status).toBe(200);
  });

  it('a returned escalation needs guidance (422, nothing changes)', async () => {
    const other = await caseInMatching('赵阿姨');
    await act(s.caseworker!, other, { type: 'ESCALATE', reason: '资源不足' });
    const task = await openTask(other, 'ACCEPT_ESCALATION');
    await s['district.supervisor']!.request('POST', `/api/tasks/${task.id}/claim`);
    const before = await h.db.caseEvent.count({ where: { caseId: other } });
    const res = await s['district.supervisor']!.request('POST', `/api/tasks/${task.id}/complete`, {
      form: { accepted: false },
    });
    expect(res.status).toBe(422);
    expect((await json(res)).errors).toEqual([expect.objectContaining({ field: 'form.guidance' })]);
    expect(await h.db.caseEvent.count({ where: { caseId: other } })).toBe(before);
  });
});
