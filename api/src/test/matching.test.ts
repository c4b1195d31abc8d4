import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  caseInMatching,
  json,
  q,
  residentId,
  signIn,
  startHarness,
  work,
  type Harness,
  type Session,
} from './harness.ts';

let h: Harness;
const s: Record<string, Session> = {};
const ids: Record<string, string> = {};
const ID_NUMBER = residentId('51010419500315002');
const PERSON = {
  name: '黄秀英',
  idNumber: ID_NUMBER,
  phone: '13900003001',
  address: '水井坊街 30 号',
  hukou: 'CHENGDU',
  tags: ['ELDERLY_ALONE'],
};
const SITUATION = '老人独居，房屋漏雨，需修缮';

const unit = async (code: string) => (await h.db.orgUnit.findUniqueOrThrow({ where: { code } })).id;
const partnerId = async (name: string) => (await h.db.partner.findUniqueOrThrow({ where: { name } })).id;
const reserved = async (id: string) =>
  h.db.resource.findUniqueOrThrow({ where: { id }, select: { reservedPlaces: true, reservedAmount: true } });

/** A resource of the test's own catalogue, published. */
async function publish(body: Record<string, unknown>) {
  const res = await s.admin!.request('POST', '/api/resources', {
    kind: 'CHARITY_PROJECT',
    validFrom: '2026-01-01',
    validTo: '2030-12-31',
    ...body,
  });
  if (res.status !== 201) throw new Error(`create resource: ${await res.text()}`);
  const created = await json(res);
  expect(created.status).toBe('DRAFT');
  expect((await s.admin!.request('POST', `/api/resources/${created.id}/status`, { status: 'PUBLISHED' })).status).toBe(
    200,
  );
  return created.id as string;
}

const propose = (who: Session, caseId: string, body: Record<string, unknown>, key?: string) =>
  who.request('POST', `/api/cases/${caseId}/matches`, body, key ? { 'Idempotency-Key': key } : {});

beforeAll(async () => {
  h = await startHarness();
  for (const name of ['station', 'caseworker', 'supervisor', 'caseworker2', 'admin', 'partner', 'partner.sw'])
    s[name] = await signIn(h.app, name);
  const charity = await partnerId('成都市慈善总会');
  const agency = await partnerId('锦江区益民社会工作服务中心');
  // HOUSING and LEGAL needs: the seeded demo catalogue has none, so this catalogue is the test's own.
  ids.township = await publish({
    name: '街道危房修缮',
    providerId: charity,
    coverageUnitId: await unit('510104017000'),
    categories: ['HOUSING'],
    eligibility: { minAge: 60 },
    capacity: 5,
  });
  ids.district = await publish({
    name: '区住房改善',
    providerId: agency,
    coverageUnitId: await unit('510104000000'),
    categories: ['HOUSING'],
    capacity: 5,
    kind: 'PURCHASED_SERVICE',
    contractNo: 'T-001',
  });
  ids.dibaoOnly = await publish({
    name: '低保户住房补助',
    providerId: charity,
    coverageUnitId: await unit('510100000000'),
    categories: ['HOUSING'],
    eligibility: { tagsAny: ['DIBAO'] },
    budget: 50000,
  });
  ids.otherTownship = await publish({
    name: '东湖街道修缮',
    providerId: charity,
    coverageUnitId: await unit('510104018000'),
    categories: ['HOUSING'],
    capacity: 5,
  });
  ids.case = await caseInMatching(
    h,
    { station: s.station!, caseworker: s.caseworker!, supervisor: s.supervisor! },
    { person: PERSON, situation: SITUATION },
    [
      { category: 'HOUSING', severity: 'HIGH', description: '屋顶漏雨' },
      { category: 'LEGAL', severity: 'MEDIUM', description: '遗产纠纷' },
    ],
  );
});
afterAll(async () => h?.stop());

describe('§四(六) 供需对接 through the API', () => {
  it('ranks each need’s candidates with reasons, explains the excluded, and offers escalation where the tier has nothing', async () => {
    const view = await json(await s.caseworker!.request('GET', `/api/cases/${ids.case}/matching`));
    const [housing, legal] = view.needs;
    const ours = (list: { resource: { id: string; name: string } }[]) =>
      list.filter((c) => Object.values(ids).includes(c.resource.id)).map((c) => c.resource.name);
    expect(ours(housing.candidates)).toEqual(['街道危房修缮', '区住房改善']);
    expect(housing.candidates[0]).toMatchObject({ rank: 1, tier: 'TOWNSHIP', remainingPlaces: 5 });
    expect(housing.candidates[0].checks.map((c: { code: string; result: string }) => `${c.code}:${c.result}`)).toEqual([
      'STATUS:PASS',
      'VALIDITY:PASS',
      'CATEGORY:PASS',
      'COVERAGE:PASS',
      'AGE:PASS',
      'PLACES:PASS',
    ]);
    expect(ours(housing.excluded).sort()).toEqual(['低保户住房补助', '东湖街道修缮'].sort());
    expect(
      housing.excluded.find((e: { resource: { name: string } }) => e.resource.name === '低保户住房补助').reasons[0],
    ).toMatchObject({ code: 'TAGS', result: 'FAIL' });
    expect(housing.escalationOffered).toBe(false);
    expect(legal.candidates).toEqual([]);
    expect(legal.escalationOffered).toBe(true);
    // The station sees the case but does not match; another township does not see it.
    expect((await s.station!.request('GET', `/api/cases/${ids.case}/matching`)).status).toBe(403);
    expect((await s.caseworker2!.request('GET', `/api/cases/${ids.case}/matching`)).status).toBe(404);
  });

  it('a proposal holds a place at once; a retry holds nothing twice; an ineligible or doubled proposal is refused', async () => {
    const res = await propose(
      s.caseworker!,
      ids.case!,
      { needIndex: 0, resourceId: ids.township, note: '优先修缮屋顶' },
      'propose-1',
    );
    expect(res.status).toBe(201);
    const match = await json(res);
    expect(match).toMatchObject({ status: 'PROPOSED', places: 1, resourceName: '街道危房修缮' });
    ids.match = match.id;
    const retry = await json(
      await propose(
        s.caseworker!,
        ids.case!,
        { needIndex: 0, resourceId: ids.township, note: '优先修缮屋顶' },
        'propose-1',
      ),
    );
    expect(retry.id).toBe(match.id);
    // The key is bound to its request: another body with it is refused, and holds nothing.
    expect(
      (await propose(s.caseworker!, ids.case!, { needIndex: 0, resourceId: ids.township }, 'propose-1')).status,
    ).toBe(422);
    expect((await reserved(ids.township!)).reservedPlaces).toBe(1);
    const twice = await propose(s.caseworker!, ids.case!, { needIndex: 0, resourceId: ids.township });
    expect(twice.status).toBe(409);
    expect((await json(twice)).type).toBe('urn:guanai:problem:already-matched');
    expect((await reserved(ids.township!)).reservedPlaces).toBe(1);
    const ineligible = await propose(s.caseworker!, ids.case!, {
      needIndex: 0,
      resourceId: ids.dibaoOnly,
      amount: 1000,
    });
    expect(ineligible.status).toBe(422);
    expect(await json(ineligible)).toMatchObject({
      type: 'urn:guanai:problem:not-eligible',
      reasons: [{ code: 'TAGS' }],
    });
    const noNeed = await propose(s.caseworker!, ids.case!, { needIndex: 5, resourceId: ids.township });
    expect((await json(noNeed)).errors[0].field).toBe('needIndex');
  });

  it('the partner portal: a partner sees only matches of its own resources, and only what delivery needs', async () => {
    const mine = await json(await s.partner!.request('GET', '/api/matches'));
    expect(mine.map((m: { id: string }) => m.id)).toEqual([ids.match]);
    expect(mine[0]).toMatchObject({
      person: { name: '黄*英', phone: null, address: null },
      category: 'HOUSING',
      needDescription: '屋顶漏雨',
      townshipName: '锦官驿街道',
    });
    expect(mine[0]).not.toHaveProperty('caseId');
    const others = await json(await s['partner.sw']!.request('GET', '/api/matches'));
    expect(others).toEqual([]);
    expect((await s['partner.sw']!.request('GET', `/api/matches/${ids.match}`)).status).toBe(404);
    expect((await s['partner.sw']!.request('POST', `/api/matches/${ids.match}/accept`)).status).toBe(404);
    // Partners have no way into the case itself.
    expect((await s.partner!.request('GET', `/api/cases/${ids.case}`)).status).toBe(404);
    expect(await json(await s.partner!.request('GET', '/api/cases'))).toEqual([]);
    expect(await json(await s.partner!.request('GET', `/api/tasks${q({ filter: { scope: 'unit' } })}`))).toEqual([]);

    const accepted = await json(await s.partner!.request('POST', `/api/matches/${ids.match}/accept`));
    expect(accepted).toMatchObject({
      status: 'ACCEPTED',
      person: { name: '黄秀英', phone: '13900003001', address: '水井坊街 30 号' },
    });
    const text = JSON.stringify(await json(await s.partner!.request('GET', `/api/matches/${ids.match}`)));
    for (const secret of [ID_NUMBER, ID_NUMBER.slice(0, 6), SITUATION, '遗产纠纷', 'ELDERLY_ALONE'])
      expect(text).not.toContain(secret);
    expect((await s.partner!.request('POST', `/api/matches/${ids.match}/accept`)).status).toBe(200); // accepting twice is harmless
    expect((await s.partner!.request('POST', `/api/matches/${ids.match}/decline`, { reason: '改变主意' })).status).toBe(
      409,
    );
  });

  it('a partner declines with a reason and the place goes back; the need can then be matched again', async () => {
    const match = await json(await propose(s.supervisor!, ids.case!, { needIndex: 0, resourceId: ids.district }));
    expect((await reserved(ids.district!)).reservedPlaces).toBe(1);
    expect((await s['partner.sw']!.request('POST', `/api/matches/${match.id}/decline`, {})).status).toBe(422);
    const declined = await json(
      await s['partner.sw']!.request('POST', `/api/matches/${match.id}/decline`, { reason: '本月服务名额已排满' }),
    );
    expect(declined).toMatchObject({ status: 'DECLINED', declineReason: '本月服务名额已排满' });
    expect((await reserved(ids.district!)).reservedPlaces).toBe(0);
    expect(
      (await s['partner.sw']!.request('POST', `/api/matches/${match.id}/decline`, { reason: '再次' })).status,
    ).toBe(409);
    expect((await reserved(ids.district!)).reservedPlaces).toBe(0);
    const again = await propose(s.caseworker!, ids.case!, { needIndex: 0, resourceId: ids.district });
    expect(again.status).toBe(201);
    const withdrawn = await s.caseworker!.request('POST', `/api/matches/${(await json(again)).id}/cancel`, {
      reason: '街道项目已接单',
    });
    expect((await json(withdrawn)).status).toBe('CANCELLED');
    expect((await reserved(ids.district!)).reservedPlaces).toBe(0);
  });

  it('the delivery ledger: the partner records what was given with evidence; the case moves on with what the ledger says', async () => {
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
    const upload = await h.app.request(`/api/matches/${ids.match}/evidence`, {
      method: 'POST',
      headers: {
        Cookie: s.partner!.cookie,
        'Content-Type': 'image/png',
        'X-Filename': encodeURIComponent('修缮完工.png'),
      },
      body: png,
    });
    expect(upload.status).toBe(201);
    const evidence = (await json(upload)).id;
    const future = await s.partner!.request('POST', `/api/matches/${ids.match}/deliveries`, {
      kind: 'SERVICE',
      description: '屋顶防水修缮',
      hours: 6,
      deliveredOn: '2099-01-01',
    });
    expect((await json(future)).errors[0].field).toBe('deliveredOn');
    const noHours = await s.partner!.request('POST', `/api/matches/${ids.match}/deliveries`, {
      kind: 'SERVICE',
      description: '屋顶防水修缮',
      deliveredOn: '2026-11-20',
    });
    expect((await json(noHours)).errors[0].field).toBe('hours');
    const body = {
      kind: 'SERVICE',
      description: '屋顶防水修缮',
      hours: 6,
      deliveredOn: '2026-11-20',
      evidence: [evidence],
    };
    expect(
      (await s.partner!.request('POST', `/api/matches/${ids.match}/deliveries`, body, { 'Idempotency-Key': 'd-1' }))
        .status,
    ).toBe(201);
    const retried = await json(
      await s.partner!.request('POST', `/api/matches/${ids.match}/deliveries`, body, { 'Idempotency-Key': 'd-1' }),
    );
    expect(retried.deliveries).toHaveLength(1);
    expect(retried.deliveries[0]).toMatchObject({ kind: 'SERVICE', hours: 6, evidence: [evidence] });
    // The caseworker closes matching and delivery from the catalogue's records.
    const matched = await work(h, s.caseworker!, ids.case!, 'MATCH', {});
    expect(matched.state).toBe('delivery');
    const delivered = await work(h, s.caseworker!, ids.case!, 'DELIVER', {});
    expect(delivered.state).toBe('followUp.waiting');
    const data = (await h.db.case.findUniqueOrThrow({ where: { id: ids.case } })).data as {
      matches: unknown[];
      deliveries: { items: unknown[] }[];
    };
    expect(data.matches).toEqual([{ category: 'HOUSING', resource: '街道危房修缮', provider: '成都市慈善总会' }]);
    expect(data.deliveries[0]!.items).toEqual([{ what: '街道危房修缮：屋顶防水修缮', amount: 6, unit: '小时' }]);
    // Proposals are for cases in matching.
    expect((await propose(s.caseworker!, ids.case!, { needIndex: 0, resourceId: ids.district })).status).toBe(409);
  });

  it('income per head comes from the household: unknown is to be checked, above the threshold excludes, at it admits', async () => {
    const charity = await partnerId('成都市慈善总会');
    const lowIncome = await publish({
      name: '低收入家庭住房补贴',
      providerId: charity,
      coverageUnitId: await unit('510104000000'),
      categories: ['LEGAL'],
      eligibility: { maxIncomePerHead: 1000 },
      capacity: 10,
    });
    const person = await h.db.person.findFirstOrThrow({ where: { name: '黄秀英' } });
    const member = await s.station!.request('POST', '/api/people', {
      name: '黄小明',
      hukou: 'CHENGDU',
      householdId: person.householdId,
      relation: 'GRANDCHILD',
    });
    expect(member.status).toBe(201);
    const judged = async () =>
      (await json(await s.caseworker!.request('GET', `/api/cases/${ids.case}/matching`))).needs[1];
    const unknown = (await judged()).candidates.find((c: { resource: { id: string } }) => c.resource.id === lowIncome);
    expect(unknown.checks.find((k: { code: string }) => k.code === 'INCOME')).toMatchObject({ result: 'UNKNOWN' });
    // ¥2000 a month for two people: ¥1000 a head, at the threshold.
    const put = (monthlyIncome: number | null) =>
      s.caseworker!.request('PUT', `/api/households/${person.householdId}`, { monthlyIncome });
    expect(await json(await put(2000))).toMatchObject({ monthlyIncome: 2000, members: 2 });
    expect(
      (await judged()).candidates
        .find((c: { resource: { id: string } }) => c.resource.id === lowIncome)
        .checks.find((k: { code: string }) => k.code === 'INCOME'),
    ).toMatchObject({ result: 'PASS', params: { actual: 1000 } });
    await put(2000.02);
    expect(
      (await judged()).excluded.find((e: { resource: { id: string } }) => e.resource.id === lowIncome).reasons[0],
    ).toMatchObject({ code: 'INCOME', result: 'FAIL' });
    expect(
      (await s.caseworker2!.request('PUT', `/api/households/${person.householdId}`, { monthlyIncome: 1 })).status,
    ).toBe(404);
    expect(
      (await json(await s.caseworker!.request('PUT', `/api/households/${person.householdId}`, { monthlyIncome: -5 })))
        .errors[0].field,
    ).toBe('monthlyIncome');
  });

  it('money given never exceeds the amount matched', async () => {
    const caseId = await caseInMatching(
      h,
      { station: s.station!, caseworker: s.caseworker!, supervisor: s.supervisor! },
      { person: { name: '低保户甲', hukou: 'CHENGDU', tags: ['DIBAO'] } },
      [{ category: 'HOUSING', severity: 'HIGH' }],
    );
    expect(
      (await json(await propose(s.caseworker!, caseId, { needIndex: 0, resourceId: ids.dibaoOnly }))).errors[0].field,
    ).toBe('amount');
    const match = await json(
      await propose(s.caseworker!, caseId, { needIndex: 0, resourceId: ids.dibaoOnly, amount: 3000 }),
    );
    expect(Number((await reserved(ids.dibaoOnly!)).reservedAmount)).toBe(3000);
    await s.partner!.request('POST', `/api/matches/${match.id}/accept`);
    const give = (amount: number) =>
      s.partner!.request('POST', `/api/matches/${match.id}/deliveries`, {
        kind: 'MONEY',
        description: '住房补助',
        amount,
        deliveredOn: '2026-11-21',
      });
    expect((await give(2000)).status).toBe(201);
    const over = await give(1000.01);
    expect(over.status).toBe(409);
    expect((await json(over)).type).toBe('urn:guanai:problem:over-delivery');
    expect((await give(1000)).status).toBe(201);
  });

  it('§四(七) §四(八) MATCH and DELIVER close only from the ledger: rows typed in are refused (422) and the case does not move', async () => {
    const caseId = await caseInMatching(
      h,
      { station: s.station!, caseworker: s.caseworker!, supervisor: s.supervisor! },
      { person: { name: '台账老人', idNumber: residentId('51010419460101003'), hukou: 'CHENGDU' } },
      [{ category: 'HOUSING', severity: 'HIGH' }],
    );
    const stateOf = async () => (await h.db.case.findUniqueOrThrow({ where: { id: caseId } })).state;
    const complete = async (kind: string, form: Record<string, unknown>) => {
      const task = await h.db.task.findFirstOrThrow({ where: { caseId, kind, status: 'OPEN' } });
      if (task.assigneeId === null)
        expect((await s.caseworker!.request('POST', `/api/tasks/${task.id}/claim`)).status).toBe(200);
      return s.caseworker!.request('POST', `/api/tasks/${task.id}/complete`, { form });
    };
    const typedMatch = await complete('MATCH', {
      matches: [{ category: 'HOUSING', resource: '自己填写的项目', provider: '某机构' }],
    });
    expect(typedMatch.status).toBe(422);
    expect((await json(typedMatch)).errors[0].field).toBe('form.matches');
    expect(await stateOf()).toBe('matching');
    expect(await h.db.caseEvent.count({ where: { caseId, type: 'MATCHED' } })).toBe(0);
    // Through the ledger: a ranked candidate proposed, accepted by its partner.
    const match = await json(await propose(s.caseworker!, caseId, { needIndex: 0, resourceId: ids.district }));
    expect((await s['partner.sw']!.request('POST', `/api/matches/${match.id}/accept`)).status).toBe(200);
    expect((await json(await complete('MATCH', {}))).state).toBe('delivery');
    // In delivery a need can still be matched (a joint meeting may send a case straight here), through the ledger too.
    const more = await propose(s.caseworker!, caseId, { needIndex: 0, resourceId: ids.township });
    expect(more.status).toBe(201);
    const township = (await json(more)).id;
    expect((await s.partner!.request('POST', `/api/matches/${township}/accept`)).status).toBe(200);
    const typedDelivery = await complete('DELIVER', { items: [{ what: '手写的落实', amount: 5000, unit: '元' }] });
    expect(typedDelivery.status).toBe(422);
    expect((await json(typedDelivery)).errors[0].field).toBe('form.items');
    expect((await json(await complete('DELIVER', {}))).errors[0].field).toBe('form.items'); // nothing recorded yet
    expect(await stateOf()).toBe('delivery');
    expect(
      (
        await s['partner.sw']!.request('POST', `/api/matches/${match.id}/deliveries`, {
          kind: 'SERVICE',
          description: '危房加固',
          hours: 8,
          deliveredOn: '2026-11-22',
        })
      ).status,
    ).toBe(201);
    expect(
      (
        await s.partner!.request('POST', `/api/matches/${township}/deliveries`, {
          kind: 'GOODS',
          description: '防水卷材',
          quantity: 2,
          deliveredOn: '2026-11-24',
        })
      ).status,
    ).toBe(201);
    expect((await json(await complete('DELIVER', { note: '按台账落实' }))).state).toBe('followUp.waiting');
    const data = (await h.db.case.findUniqueOrThrow({ where: { id: caseId } })).data as {
      matches: unknown[];
      deliveries: { items: unknown[] }[];
    };
    expect(data.matches).toEqual([
      { category: 'HOUSING', resource: '区住房改善', provider: '锦江区益民社会工作服务中心' },
    ]);
    expect(data.deliveries.at(-1)!.items).toEqual([
      { what: '区住房改善：危房加固', amount: 8, unit: '小时' },
      { what: '街道危房修缮：防水卷材', amount: 2 },
    ]);
  });

  it('a closed case’s matches take no more deliveries and no proposals (409); nothing is written', async () => {
    const caseId = await caseInMatching(
      h,
      { station: s.station!, caseworker: s.caseworker!, supervisor: s.supervisor! },
      { person: { name: '结案老人', hukou: 'CHENGDU' } },
      [{ category: 'HOUSING', severity: 'HIGH' }],
    );
    const match = await json(await propose(s.caseworker!, caseId, { needIndex: 0, resourceId: ids.district }));
    expect((await s['partner.sw']!.request('POST', `/api/matches/${match.id}/accept`)).status).toBe(200);
    const deliver = (who: Session, description: string) =>
      who.request('POST', `/api/matches/${match.id}/deliveries`, {
        kind: 'GOODS',
        description,
        quantity: 1,
        deliveredOn: '2026-11-23',
      });
    expect((await deliver(s['partner.sw']!, '防水材料')).status).toBe(201);
    expect(
      (
        await json(
          await s.supervisor!.request('POST', `/api/cases/${caseId}/actions`, { type: 'CLOSE', reason: 'moved' }),
        )
      ).state,
    ).toMatch(/^closed/);
    for (const who of [s['partner.sw']!, s.caseworker!]) {
      const late = await deliver(who, '结案后补录');
      expect(late.status).toBe(409);
      expect(await json(late)).toMatchObject({
        type: 'urn:guanai:problem:case-closed',
        detail: expect.stringContaining('closed'),
      });
    }
    expect(await h.db.delivery.count({ where: { matchId: match.id } })).toBe(1);
    const proposal = await propose(s.caseworker!, caseId, { needIndex: 0, resourceId: ids.township });
    expect(proposal.status).toBe(409);
    expect(await h.db.match.count({ where: { caseId } })).toBe(1);
  });
});

describe('reservations under contention', () => {
  it('many proposals racing for few places: exactly as many win as there are places, the rest get 409, nothing is overbooked', async () => {
    const few = await publish({
      name: '仅剩三个名额',
      providerId: await partnerId('成都市慈善总会'),
      coverageUnitId: await unit('510104017000'),
      categories: ['CARE'],
      capacity: 3,
    });
    const money = await publish({
      name: '仅剩九百元',
      providerId: await partnerId('成都市慈善总会'),
      coverageUnitId: await unit('510104017000'),
      categories: ['CARE'],
      budget: 900,
    });
    const needs = Array.from({ length: 12 }, (_, i) => ({
      category: 'CARE',
      severity: 'MEDIUM',
      description: `照护需求 ${i + 1}`,
    }));
    const caseId = await caseInMatching(
      h,
      { station: s.station!, caseworker: s.caseworker!, supervisor: s.supervisor! },
      { person: { name: '多需求老人', hukou: 'CHENGDU' } },
      needs,
    );
    const race = async (resourceId: string, extra: Record<string, unknown>) =>
      Promise.all(
        needs.map((_, i) =>
          propose(i % 2 ? s.supervisor! : s.caseworker!, caseId, { needIndex: i, resourceId, ...extra }).then(
            async (r) => [r.status, r.status === 201 ? null : (await json(r)).type] as const,
          ),
        ),
      );

    const places = await race(few, {});
    expect(places.filter(([status]) => status === 201)).toHaveLength(3);
    // A loser gets 409 from the hold, or — when it looked after the places were gone — 422 from the ranking (名额已满).
    const refused = ([status, type]: readonly [number, string | null]) =>
      (status === 409 && type === 'urn:guanai:problem:capacity-exhausted') ||
      (status === 422 && type === 'urn:guanai:problem:not-eligible');
    expect(places.filter(refused)).toHaveLength(9);
    expect((await reserved(few)).reservedPlaces).toBe(3);
    expect(await h.db.match.count({ where: { resourceId: few, status: 'PROPOSED' } })).toBe(3);

    const amounts = await race(money, { amount: 300 });
    expect(amounts.filter(([status]) => status === 201)).toHaveLength(3);
    expect(Number((await reserved(money)).reservedAmount)).toBe(900);
    const listed = await json(
      await s.caseworker!.request(
        'GET',
        `/api/matches${q({ filter: { caseId, status: 'PROPOSED' }, range: [0, 49] })}`,
      ),
    );
    expect(listed).toHaveLength(6);

    // Closing the case gives every hold back, once.
    const closed = await s.supervisor!.request('POST', `/api/cases/${caseId}/actions`, {
      type: 'CLOSE',
      reason: 'declined',
    });
    expect((await json(closed)).state).toMatch(/^closed/);
    expect(await reserved(few)).toMatchObject({ reservedPlaces: 0 });
    expect(Number((await reserved(money)).reservedAmount)).toBe(0);
    expect(await h.db.match.count({ where: { caseId, status: 'CANCELLED' } })).toBe(6);
  });
});

describe('§四(六) 援助项目发布平台: publishing needs as projects', () => {
  it('a center publishes a need anonymised; text naming the person is refused; partners respond once; donors see it without signing in', async () => {
    const caseId = await caseInMatching(
      h,
      { station: s.station!, caseworker: s.caseworker!, supervisor: s.supervisor! },
      { person: { name: '马桂芳', phone: '13900003101', hukou: 'CHENGDU' } },
      [{ category: 'EDUCATION', severity: 'HIGH', description: '孙子学费' }],
    );
    const base = {
      caseId,
      needIndex: 0,
      title: '困难家庭学生学费资助',
      description: '锦官驿街道一名初中生因家庭变故面临辍学，需要学费与生活费资助。',
      amount: 6000,
    };
    for (const [field, value] of [
      ['description', '马桂芳家的孙子需要学费资助，请联系'],
      ['title', '联系电话13900003101'],
      ['description', `身份证号 ${residentId('51010419500315002')} 的家庭`],
    ] as const) {
      const res = await s.caseworker!.request('POST', '/api/projects', { ...base, [field]: value });
      expect(res.status, value).toBe(422);
      expect((await json(res)).errors[0].field).toBe(field);
    }
    const res = await s.caseworker!.request('POST', '/api/projects', base);
    expect(res.status).toBe(201);
    const project = await json(res);
    expect(project).toMatchObject({
      category: 'EDUCATION',
      townshipName: '锦官驿街道',
      districtName: '锦江区',
      amount: 6000,
      status: 'PUBLISHED',
    });
    expect((await s.caseworker!.request('POST', '/api/projects', base)).status).toBe(409);

    const publicList = await h.app.request('/api/public/projects');
    expect(publicList.status).toBe(200);
    const text = await publicList.text();
    expect(JSON.parse(text).map((p: { id: string }) => p.id)).toContain(project.id);
    for (const secret of ['马桂芳', '13900003101', caseId, '孙子学费']) expect(text).not.toContain(secret);

    // 认捐: a pledge names what it gives and from which of the partner's own published resources.
    const bursary = await publish({
      name: '助学金',
      providerId: await partnerId('成都市慈善总会'),
      coverageUnitId: await unit('510104000000'),
      categories: ['EDUCATION'],
      budget: 20000,
    });
    const pledge = { kind: 'MONEY', message: '本会助学项目可资助全额学费', amount: 6000, resourceId: bursary };
    expect((await s.partner!.request('POST', `/api/projects/${project.id}/responses`, pledge)).status).toBe(201);
    expect((await s.partner!.request('POST', `/api/projects/${project.id}/responses`, pledge)).status).toBe(409);
    expect(
      (
        await s['partner.sw']!.request('POST', `/api/projects/${project.id}/responses`, {
          kind: 'PLACES',
          places: 1,
          message: '可提供学业辅导',
          resourceId: ids.township,
        })
      ).status,
    ).toBe(422);
    const seen = await json(await s.caseworker!.request('GET', `/api/projects/${project.id}`));
    expect(seen.responseList).toEqual([expect.objectContaining({ partnerName: '成都市慈善总会', amount: 6000 })]);
    expect(await json(await s.partner!.request('GET', `/api/projects/${project.id}`))).not.toHaveProperty('caseId');
    expect(
      (await s.caseworker!.request('POST', `/api/projects/${project.id}/close`, { status: 'FUNDED' })).status,
    ).toBe(200);
    expect((await json(await h.app.request('/api/public/projects'))).map((p: { id: string }) => p.id)).not.toContain(
      project.id,
    );
  });

  it('a fundraising campaign’s donations ledger grows its budget, recorded by its own partner once per key', async () => {
    const campaign = await h.db.resource.findFirstOrThrow({ where: { kind: 'FUNDRAISING' } });
    const donate = (who: Session, key: string) =>
      who.request(
        'POST',
        `/api/resources/${campaign.id}/donations`,
        { donorName: '爱心人士', amount: 1200.5, receivedOn: '2026-11-28', channel: '银行转账' },
        { 'Idempotency-Key': key },
      );
    expect((await donate(s.partner!, 'gift-1')).status).toBe(201);
    expect((await donate(s.partner!, 'gift-1')).status).toBe(201);
    expect((await donate(s['partner.sw']!, 'gift-2')).status).toBe(404);
    expect(await json(await s.partner!.request('GET', `/api/resources/${campaign.id}/donations`))).toEqual([
      expect.objectContaining({ donorName: '爱心人士', amount: 1200.5 }),
    ]);
    const offers = await json(await h.app.request('/api/public/offers'));
    expect(offers.find((o: { id: string }) => o.id === campaign.id).campaign).toMatchObject({
      type: 'PUBLIC',
      target: 300000,
      raised: 1200.5,
    });
    // A campaign created without a budget starts from zero and grows with its donations.
    const fresh = await publish({
      kind: 'FUNDRAISING',
      name: '定向募捐：危房改造',
      providerId: campaign.providerId,
      coverageUnitId: await unit('510104000000'),
      categories: ['HOUSING'],
      campaignType: 'DIRECTED',
      // §四(三) 定向募捐: a directed campaign names its beneficiary (here a group: a need in a township).
      beneficiaryCategory: 'HOUSING',
      beneficiaryTownshipId: await unit('510104017000'),
      target: 50000,
      deadline: '2027-06-30',
    });
    expect(
      (
        await s.partner!.request('POST', `/api/resources/${fresh}/donations`, {
          donorName: '某企业',
          amount: 800,
          receivedOn: '2026-11-28',
        })
      ).status,
    ).toBe(201);
    expect(await json(await s.partner!.request('GET', `/api/resources/${fresh}`))).toMatchObject({
      budget: 800,
      remainingAmount: 800,
    });
  });

  it('§四(三) donations go only to a published campaign: a draft or closed one refuses them (409) and records nothing', async () => {
    const charity = await partnerId('成都市慈善总会');
    const res = await s.admin!.request('POST', '/api/resources', {
      kind: 'FUNDRAISING',
      name: '定向募捐：冬季送温暖',
      providerId: charity,
      coverageUnitId: await unit('510104000000'),
      categories: ['BASIC_LIVING'],
      campaignType: 'DIRECTED',
      beneficiaryCategory: 'BASIC_LIVING',
      beneficiaryTownshipId: await unit('510104017000'),
      target: 20000,
      deadline: '2027-02-28',
    });
    const campaign = (await json(res)).id as string;
    const donate = (amount: number) =>
      s.partner!.request('POST', `/api/resources/${campaign}/donations`, {
        donorName: '爱心人士',
        amount,
        receivedOn: '2026-11-28',
      });
    const draft = await donate(100);
    expect(draft.status).toBe(409);
    expect(await json(draft)).toMatchObject({
      type: 'urn:guanai:problem:campaign-not-active',
      detail: expect.stringContaining('DRAFT'),
    });
    expect((await s.admin!.request('POST', `/api/resources/${campaign}/status`, { status: 'PUBLISHED' })).status).toBe(
      200,
    );
    expect((await donate(300)).status).toBe(201);
    expect((await s.admin!.request('POST', `/api/resources/${campaign}/status`, { status: 'CLOSED' })).status).toBe(
      200,
    );
    const closed = await donate(200);
    expect(closed.status).toBe(409);
    expect((await json(closed)).detail).toContain('CLOSED');
    expect((await h.db.donation.findMany({ where: { resourceId: campaign } })).map((d) => Number(d.amount))).toEqual([
      300,
    ]);
    expect(Number((await h.db.resource.findUniqueOrThrow({ where: { id: campaign } })).budget)).toBe(300);
  });
});
