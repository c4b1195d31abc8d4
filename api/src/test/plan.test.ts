import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, residentId, signIn, startHarness, work, type Harness, type Session } from './harness.ts';

let h: Harness;
const s: Record<string, Session> = {};
const ids: Record<string, string> = {};

const unit = async (code: string) => (await h.db.orgUnit.findUniqueOrThrow({ where: { code } })).id;
const partnerId = async (name: string) => (await h.db.partner.findUniqueOrThrow({ where: { name } })).id;
const caseOf = async () => json(await s.caseworker!.request('GET', `/api/cases/${ids.case}`));
/** The case's row and event count: what a refused request must leave unchanged. */
const unchanged = async () => {
  const row = await h.db.case.findUniqueOrThrow({ where: { id: ids.case } });
  return {
    state: row.state,
    lastSeq: row.lastSeq,
    events: await h.db.caseEvent.count({ where: { caseId: ids.case } }),
  };
};

/** Claims the open task of a kind (once) and sends its form, answering the raw response. */
async function claim(who: Session, kind: string) {
  const task = await h.db.task.findFirstOrThrow({ where: { caseId: ids.case, kind, status: 'OPEN' } });
  if (task.assigneeId === null) expect((await who.request('POST', `/api/tasks/${task.id}/claim`)).status).toBe(200);
  return task;
}
async function complete(who: Session, kind: string, form: Record<string, unknown>) {
  const task = await claim(who, kind);
  return who.request('POST', `/api/tasks/${task.id}/complete`, { form });
}
async function refused(who: Session, kind: string, form: Record<string, unknown>) {
  await claim(who, kind);
  const before = await unchanged();
  const res = await complete(who, kind, form);
  expect(res.status).toBe(422);
  expect(await unchanged()).toEqual(before);
  return ((await json(res)).errors as { field: string }[]).map((e) => e.field);
}

const housingItem = () => ({
  needCategory: 'HOUSING',
  goal: '年底前完成屋顶修缮',
  action: '申请街道危房修缮项目',
  resourceKind: 'CHARITY_PROJECT',
  responsible: { kind: 'PARTNER', id: ids.charity },
  targetDate: '2026-12-31',
});
const careItem = () => ({
  needCategory: 'CARE',
  goal: '每周两次上门照料',
  action: '社工站上门服务',
  responsible: { kind: 'UNIT', id: ids.township },
  targetDate: '2027-01-31',
});

beforeAll(async () => {
  // The follow-up visit falls due a moment after delivery.
  h = await startHarness({ caseSettings: { followUpDelayHours: 1 / 3600 } });
  for (const name of ['station', 'caseworker', 'supervisor', 'admin', 'partner']) s[name] = await signIn(h.app, name);
  ids.charity = await partnerId('成都市慈善总会');
  ids.township = await unit('510104017000');
  const created = await s.admin!.request('POST', '/api/resources', {
    kind: 'CHARITY_PROJECT',
    name: '街道危房修缮（方案测试）',
    providerId: ids.charity,
    coverageUnitId: ids.township,
    categories: ['HOUSING'],
    capacity: 5,
    validFrom: '2026-01-01',
    validTo: '2030-12-31',
  });
  ids.resource = (await json(created)).id;
  await s.admin!.request('POST', `/api/resources/${ids.resource}/status`, { status: 'PUBLISHED' });
  const opened = await s.station!.request('POST', '/api/cases', {
    situation: '独居老人，房屋漏雨，行动不便',
    person: { name: '方案老人', idNumber: residentId('51010419480202004'), hukou: 'CHENGDU' },
    confirmNotDuplicate: true,
  });
  ids.case = (await json(opened)).id;
  await work(h, s.caseworker!, ids.case!, 'SCREEN', { referrals: ['DIBAO'], outcome: 'RESIDUAL_NEED' });
  await work(h, s.caseworker!, ids.case!, 'ASSESS', {
    needs: [
      { category: 'HOUSING', severity: 'HIGH', description: '屋顶漏雨' },
      { category: 'CARE', severity: 'MEDIUM' },
    ],
  });
});
afterAll(async () => h?.stop());

describe('§四(二) 个性化方案 item by item through the API', () => {
  it('§四(二) a plan item names an assessed need and an org unit or partner: else a 422 naming the field, and the case does not move', async () => {
    expect(
      await refused(s.caseworker!, 'PLAN', {
        items: [housingItem(), { ...careItem(), responsible: { kind: 'UNIT', id: ids.charity } }],
      }),
    ).toEqual(['form.items.1.responsible.id']);
    expect(
      await refused(s.caseworker!, 'PLAN', {
        items: [{ ...housingItem(), responsible: { kind: 'PARTNER', id: ids.township } }],
      }),
    ).toEqual(['form.items.0.responsible.id']);
    expect(await refused(s.caseworker!, 'PLAN', { items: [{ ...housingItem(), needCategory: 'MEDICAL' }] })).toEqual([
      'form.items.0.needCategory',
    ]);
    expect(await refused(s.caseworker!, 'PLAN', { items: [{ ...housingItem(), targetDate: '年底' }] })).toEqual([
      'form.items.0.targetDate',
    ]);
    expect(await refused(s.caseworker!, 'PLAN', { items: Array.from({ length: 21 }, housingItem) })).toEqual([
      'form.items',
    ]);
    expect(await refused(s.caseworker!, 'PLAN', { note: '无内容' })).toEqual(['form.summary']);
  });

  it('§四(二) a plan is approved item by item: one returned item returns the plan with its reason', async () => {
    const submitted = await json(await complete(s.caseworker!, 'PLAN', { items: [housingItem(), careItem()] }));
    expect(submitted.state).toBe('planning.awaitingApproval');
    const detail = await caseOf();
    expect(detail.assessedNeeds.map((n: { category: string }) => n.category)).toEqual(['HOUSING', 'CARE']);
    const [housing, care] = detail.plan.items;
    expect(housing).toMatchObject({
      goal: '年底前完成屋顶修缮',
      responsible: { kind: 'PARTNER', name: '成都市慈善总会' },
    });
    expect(care.responsible).toMatchObject({ kind: 'UNIT', id: ids.township });
    expect(care.responsible.name).toMatch(/街道/);
    expect(detail.plan.summary).toContain('年底前完成屋顶修缮');
    ids.housingItem = housing.id;
    ids.careItem = care.id;

    // The supervisor's decisions must cover the items; a returned one needs its reason.
    expect(
      await refused(s.supervisor!, 'APPROVE_PLAN', {
        items: [
          { itemId: housing.id, approved: true },
          { itemId: care.id, approved: false },
        ],
      }),
    ).toEqual(['form.items.1.reason']);
    expect(await refused(s.supervisor!, 'APPROVE_PLAN', { items: [{ itemId: housing.id, approved: true }] })).toEqual([
      'form.items',
    ]);
    expect(
      await refused(s.supervisor!, 'APPROVE_PLAN', {
        items: [
          { itemId: housing.id, approved: true },
          { itemId: crypto.randomUUID(), approved: true },
        ],
      }),
    ).toEqual(['form.items.1.itemId']);
    expect(await refused(s.supervisor!, 'APPROVE_PLAN', { approved: true })).toEqual(['form.items']);

    const returned = await json(
      await complete(s.supervisor!, 'APPROVE_PLAN', {
        items: [
          { itemId: housing.id, approved: true },
          { itemId: care.id, approved: false, reason: '写明每次照料时长' },
        ],
      }),
    );
    expect(returned.state).toBe('planning.drafting');
    const back = await caseOf();
    expect(back.plan.returns.at(-1).reason).toBe('第2项「每周两次上门照料」：写明每次照料时长');
    expect(back.plan.items[0].decision).toMatchObject({ approved: true });
    expect(back.plan.items[1].decision).toMatchObject({ approved: false, reason: '写明每次照料时长' });
    const event = await h.db.caseEvent.findFirstOrThrow({ where: { caseId: ids.case, type: 'PLAN_RETURNED' } });
    expect((event.payload as { itemDecisions: unknown[] }).itemDecisions).toHaveLength(2);
  });

  it('§四(二) a resubmitted plan keeps the approval of its unchanged items; the supervisor decides the rest', async () => {
    const again = await json(
      await complete(s.caseworker!, 'PLAN', {
        items: [
          { ...housingItem(), id: ids.housingItem },
          { ...careItem(), id: ids.careItem, action: '社工站上门服务，每次两小时' },
        ],
      }),
    );
    expect(again.state).toBe('planning.awaitingApproval');
    const [housing, care] = (await caseOf()).plan.items;
    expect(housing.decision).toMatchObject({ approved: true });
    expect(care.decision).toBeUndefined();
    const approved = await json(
      await complete(s.supervisor!, 'APPROVE_PLAN', { items: [{ itemId: ids.careItem, approved: true }] }),
    );
    expect(approved.state).toBe('matching');
    const plan = (await caseOf()).plan;
    expect(plan.approvedAt).not.toBeNull();
    expect(plan.items.map((i: { decision: { approved: boolean } }) => i.decision.approved)).toEqual([true, true]);
  });

  it('§四(二) §四(六) matching starts from an approved plan item: its need by default, a wrong item is a 422 naming planItemId', async () => {
    const propose = (body: Record<string, unknown>) =>
      s.caseworker!.request('POST', `/api/cases/${ids.case}/matches`, body);
    const wrong = await propose({ planItemId: 'no-such-item', resourceId: ids.resource });
    expect(wrong.status).toBe(422);
    expect((await json(wrong)).errors[0].field).toBe('planItemId');
    const mismatched = await propose({ planItemId: ids.careItem, needIndex: 0, resourceId: ids.resource });
    expect(mismatched.status).toBe(422);
    expect((await json(mismatched)).errors[0].field).toBe('planItemId');
    const neither = await propose({ resourceId: ids.resource });
    expect(neither.status).toBe(422);
    expect((await json(neither)).errors[0].field).toBe('needIndex');
    expect(await h.db.match.count({ where: { caseId: ids.case } })).toBe(0);

    const res = await propose({ planItemId: ids.housingItem, resourceId: ids.resource });
    expect(res.status).toBe(201);
    const match = await json(res);
    expect(match).toMatchObject({ needIndex: 0, category: 'HOUSING', planItemId: ids.housingItem });
    ids.match = match.id;
  });

  it('§四(二) the follow-up visit records each plan item’s outcome on the case', async () => {
    expect((await s.partner!.request('POST', `/api/matches/${ids.match}/accept`)).status).toBe(200);
    expect((await json(await complete(s.caseworker!, 'MATCH', {}))).state).toBe('delivery');
    const delivery = await s.partner!.request('POST', `/api/matches/${ids.match}/deliveries`, {
      kind: 'SERVICE',
      description: '屋顶防水修缮',
      hours: 6,
      deliveredOn: '2026-11-20',
    });
    expect(delivery.status).toBe(201);
    await complete(s.caseworker!, 'DELIVER', {});
    // The follow-up timer brings the visit due.
    for (let i = 0; i < 100; i++) {
      if (await h.db.task.findFirst({ where: { caseId: ids.case, kind: 'FOLLOW_UP', status: 'OPEN' } })) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(
      await refused(s.caseworker!, 'FOLLOW_UP', {
        resolved: true,
        itemOutcomes: [{ itemId: ids.housingItem, outcome: 'ACHIEVED' }],
      }),
    ).toEqual(['form.itemOutcomes']);
    expect(
      await refused(s.caseworker!, 'FOLLOW_UP', {
        resolved: true,
        itemOutcomes: [{ itemId: ids.housingItem, outcome: 'DONE' }],
      }),
    ).toEqual(['form.itemOutcomes.0.outcome']);
    const done = await json(
      await complete(s.caseworker!, 'FOLLOW_UP', {
        resolved: true,
        itemOutcomes: [
          { itemId: ids.housingItem, outcome: 'ACHIEVED', note: '屋顶已不漏雨' },
          { itemId: ids.careItem, outcome: 'PARTLY', note: '每周一次' },
        ],
      }),
    );
    expect(done.state).toBe('closed');
    const items = (await caseOf()).plan.items;
    expect(items.map((i: { outcome: { outcome: string } }) => i.outcome.outcome)).toEqual(['ACHIEVED', 'PARTLY']);
    expect(items[0].outcome.note).toBe('屋顶已不漏雨');
  });
});
