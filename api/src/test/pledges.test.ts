import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseInMatching, json, startHarness, signIn, type Harness, type Session } from './harness.ts';

/**
 * 认捐 (issue 19 part C): a partner's response to a published project is a pledge that the center owning
 * the case accepts — a proposed match held through the same capacity checks as any other — or declines
 * with a reason the partner sees; a project closes when its need is covered or its case closes.
 * Real PostgreSQL and the Temporal dev server, as matching.test.ts.
 */
let h: Harness;
const s: Record<string, Session> = {};
const ids: Record<string, string> = {};

const unit = async (code: string) => (await h.db.orgUnit.findUniqueOrThrow({ where: { code } })).id;
const partnerId = async (name: string) => (await h.db.partner.findUniqueOrThrow({ where: { name } })).id;
const reserved = async (id: string) => {
  const r = await h.db.resource.findUniqueOrThrow({
    where: { id },
    select: { reservedPlaces: true, reservedAmount: true },
  });
  return { places: r.reservedPlaces, amount: r.reservedAmount.toFixed(2) };
};

async function publish(body: Record<string, unknown>) {
  const res = await s.admin!.request('POST', '/api/resources', {
    kind: 'CHARITY_PROJECT',
    validFrom: '2026-01-01',
    validTo: '2030-12-31',
    coverageUnitId: await unit('510104000000'),
    ...body,
  });
  if (res.status !== 201) throw new Error(`create resource: ${await res.text()}`);
  const id = (await json(res)).id as string;
  expect((await s.admin!.request('POST', `/api/resources/${id}/status`, { status: 'PUBLISHED' })).status).toBe(200);
  return id;
}

const openCase = (name: string, needs: { category: string; severity: string; description?: string }[]) =>
  caseInMatching(
    h,
    { station: s.station!, caseworker: s.caseworker!, supervisor: s.supervisor! },
    { person: { name, hukou: 'CHENGDU' } },
    needs,
  );

async function publishProject(caseId: string, needIndex: number, extra: Record<string, unknown>) {
  const res = await s.caseworker!.request('POST', '/api/projects', {
    caseId,
    needIndex,
    title: '困难家庭住房修缮',
    description: '锦官驿街道一户困难家庭房屋漏雨，需要修缮费用或施工服务。',
    ...extra,
  });
  if (res.status !== 201) throw new Error(`publish project: ${await res.text()}`);
  return (await json(res)).id as string;
}

const pledge = (who: Session, projectId: string, body: Record<string, unknown>) =>
  who.request('POST', `/api/projects/${projectId}/responses`, { message: '本机构愿意认捐', ...body });
const accept = (who: Session, projectId: string, pledgeId: string) =>
  who.request('POST', `/api/projects/${projectId}/responses/${pledgeId}/accept`);
const decline = (who: Session, projectId: string, pledgeId: string, body: Record<string, unknown>) =>
  who.request('POST', `/api/projects/${projectId}/responses/${pledgeId}/decline`, body);
const created = async (res: Response) => {
  if (res.status !== 201) throw new Error(`pledge: ${res.status} ${await res.text()}`);
  return (await json(res)).id as string;
};

/** Every row a pledge could touch, to prove a refused request changed none of them. */
const snapshot = async () =>
  JSON.stringify({
    pledges: await h.db.projectResponse.findMany({ orderBy: { id: 'asc' } }),
    projects: await h.db.project.findMany({ orderBy: { id: 'asc' }, select: { id: true, status: true } }),
    matches: await h.db.match.count(),
    resources: await h.db.resource.findMany({
      orderBy: { id: 'asc' },
      select: { id: true, reservedPlaces: true, reservedAmount: true },
    }),
  });

beforeAll(async () => {
  h = await startHarness();
  for (const name of ['station', 'caseworker', 'supervisor', 'caseworker2', 'admin', 'partner', 'partner.sw'])
    s[name] = await signIn(h.app, name);
  const charity = await partnerId('成都市慈善总会');
  const agency = await partnerId('锦江区益民社会工作服务中心');
  ids.money = await publish({ name: '住房修缮基金', providerId: charity, categories: ['HOUSING'], budget: 10000 });
  ids.goods = await publish({ name: '建材捐赠', providerId: charity, categories: ['HOUSING'] });
  ids.onePlace = await publish({
    name: '修缮志愿队（一户）',
    providerId: agency,
    categories: ['HOUSING', 'MEDICAL'],
    capacity: 1,
  });
  ids.places = await publish({ name: '社工上门修缮', providerId: agency, categories: ['HOUSING'], capacity: 5 });
  ids.case1 = await openCase('认捐甲', [
    { category: 'HOUSING', severity: 'HIGH', description: '屋顶漏雨' },
    { category: 'MEDICAL', severity: 'MEDIUM', description: '慢病用药' },
  ]);
  ids.project1 = await publishProject(ids.case1, 0, { amount: 5000 });
});
afterAll(async () => h?.stop());

describe('§四(三) 动员社会力量 / §四(六) 援助项目发布平台: pledges (认捐)', () => {
  it('bad input is a 4xx naming the field, and no row changes', async () => {
    const before = await snapshot();
    const cases: [Session, Record<string, unknown>, number, string][] = [
      [s.partner!, { kind: 'MONEY', resourceId: ids.money }, 422, 'amount'],
      [s.partner!, { kind: 'MONEY', amount: 0, resourceId: ids.money }, 422, 'amount'],
      [s.partner!, { kind: 'MONEY', amount: -50, resourceId: ids.money }, 422, 'amount'],
      [s.partner!, { kind: 'MONEY', amount: 10.001, resourceId: ids.money }, 422, 'amount'],
      [s.partner!, { kind: 'MONEY', amount: 100, places: 1, resourceId: ids.money }, 422, 'places'],
      [s['partner.sw']!, { kind: 'PLACES', resourceId: ids.places }, 422, 'places'],
      [s['partner.sw']!, { kind: 'PLACES', places: 0, resourceId: ids.places }, 422, 'places'],
      [s['partner.sw']!, { kind: 'GOODS', resourceId: ids.places }, 422, 'quantity'],
      [s['partner.sw']!, { kind: 'DONKEYS', places: 1, resourceId: ids.places }, 422, 'kind'],
      [s['partner.sw']!, { kind: 'PLACES', places: 1 }, 422, 'resourceId'],
      // Not the partner's own resource; one that cannot give what is pledged.
      [s['partner.sw']!, { kind: 'MONEY', amount: 100, resourceId: ids.money }, 422, 'resourceId'],
      [s.partner!, { kind: 'PLACES', places: 1, resourceId: ids.places }, 422, 'resourceId'],
      [s.partner!, { kind: 'PLACES', places: 1, resourceId: ids.goods }, 422, 'resourceId'],
      [s.partner!, { kind: 'GOODS', quantity: 5, resourceId: ids.money }, 422, 'kind'],
      [s['partner.sw']!, { kind: 'MONEY', amount: 100, resourceId: ids.places }, 422, 'resourceId'],
    ];
    for (const [who, body, status, field] of cases) {
      const res = await pledge(who, ids.project1!, body);
      const problem = await json(res);
      expect(res.status, JSON.stringify(body)).toBe(status);
      expect(
        problem.errors.map((e: { field: string }) => e.field),
        JSON.stringify(body),
      ).toContain(field);
    }
    // Staff do not pledge; partners do not decide.
    expect(
      (await pledge(s.caseworker!, ids.project1!, { kind: 'GOODS', quantity: 1, resourceId: ids.goods })).status,
    ).toBe(403);
    expect(await snapshot()).toBe(before);
  });

  it('a pledge accepted twice — at once and again later — holds once, makes one match, and answers the same', async () => {
    const pledgeId = await created(
      await pledge(s.partner!, ids.project1!, { kind: 'MONEY', amount: 2000, resourceId: ids.money }),
    );
    ids.moneyPledge = pledgeId;
    // One live pledge per organisation and project.
    expect(
      (await pledge(s.partner!, ids.project1!, { kind: 'GOODS', quantity: 3, resourceId: ids.goods })).status,
    ).toBe(409);
    // A partner decides nothing; another center does not see the project.
    expect((await accept(s.partner!, ids.project1!, pledgeId)).status).toBe(403);
    expect((await accept(s.caseworker2!, ids.project1!, pledgeId)).status).toBe(404);

    const before = await reserved(ids.money!);
    const answers = await Promise.all([
      accept(s.caseworker!, ids.project1!, pledgeId),
      accept(s.supervisor!, ids.project1!, pledgeId),
      accept(s.caseworker!, ids.project1!, pledgeId),
    ]);
    expect(answers.map((r) => r.status)).toEqual([200, 200, 200]);
    const bodies = await Promise.all(answers.map(json));
    expect(bodies[0]).toMatchObject({ id: pledgeId, status: 'ACCEPTED', kind: 'MONEY', amount: 2000 });
    expect(bodies[0].matchId).toEqual(expect.any(String));
    expect(bodies[1]).toEqual(bodies[0]);
    expect(bodies[2]).toEqual(bodies[0]);
    const again = await accept(s.caseworker!, ids.project1!, pledgeId);
    expect(again.status).toBe(200);
    expect(await json(again)).toEqual(bodies[0]);

    expect(Number((await reserved(ids.money!)).amount) - Number(before.amount)).toBe(2000);
    const matches = await h.db.match.findMany({ where: { caseId: ids.case1, resourceId: ids.money } });
    expect(matches).toHaveLength(1);
    expect(matches[0]).toMatchObject({ id: bodies[0].matchId, status: 'PROPOSED', needIndex: 0 });
    expect(Number(matches[0]!.amount)).toBe(2000);
    // The partner sees its pledge accepted, with the match; the match is the partner's to accept as any other.
    const seen = await json(await s.partner!.request('GET', `/api/projects/${ids.project1}`));
    expect(seen.responseList).toEqual([
      expect.objectContaining({
        id: pledgeId,
        status: 'ACCEPTED',
        matchId: bodies[0].matchId,
        resourceName: '住房修缮基金',
      }),
    ]);
    expect(seen).not.toHaveProperty('caseId');
    expect((await s.partner!.request('GET', `/api/matches/${bodies[0].matchId}`)).status).toBe(200);
    // 2000 of 5000: the need is not covered yet.
    expect((await h.db.project.findUniqueOrThrow({ where: { id: ids.project1 } })).status).toBe('PUBLISHED');
  });

  it('a pledge whose resource has no place left is 409, stays pending and holds nothing; declined with a reason, its partner sees why', async () => {
    const pledgeId = await created(
      await pledge(s['partner.sw']!, ids.project1!, { kind: 'PLACES', places: 1, resourceId: ids.onePlace }),
    );
    // The only place is taken meanwhile, by a match proposed on the case's other need.
    expect(
      (
        await s.caseworker!.request('POST', `/api/cases/${ids.case1}/matches`, {
          needIndex: 1,
          resourceId: ids.onePlace,
        })
      ).status,
    ).toBe(201);
    const before = await snapshot();
    const full = await accept(s.caseworker!, ids.project1!, pledgeId);
    expect(full.status).toBe(409);
    expect((await json(full)).type).toBe('urn:guanai:problem:capacity-exhausted');
    expect(await snapshot()).toBe(before);
    expect(await h.db.projectResponse.findUniqueOrThrow({ where: { id: pledgeId } })).toMatchObject({
      status: 'PENDING',
      matchId: null,
    });
    expect(await reserved(ids.onePlace!)).toEqual({ places: 1, amount: '0.00' });

    const noReason = await decline(s.caseworker!, ids.project1!, pledgeId, {});
    expect(noReason.status).toBe(422);
    expect((await json(noReason)).errors[0].field).toBe('reason');
    expect((await decline(s.caseworker!, ids.project1!, pledgeId, { reason: ' ' })).status).toBe(422);
    expect(await snapshot()).toBe(before);
    expect((await decline(s['partner.sw']!, ids.project1!, pledgeId, { reason: '名额已满' })).status).toBe(403);

    const declined = await decline(s.caseworker!, ids.project1!, pledgeId, { reason: '该队名额已满，感谢支持' });
    expect(declined.status).toBe(200);
    expect(await json(declined)).toMatchObject({ status: 'DECLINED', declineReason: '该队名额已满，感谢支持' });
    const seen = await json(await s['partner.sw']!.request('GET', `/api/projects/${ids.project1}`));
    // Its own pledge only, with the reason; not the other partner's.
    expect(seen.responseList).toEqual([
      expect.objectContaining({
        id: pledgeId,
        status: 'DECLINED',
        declineReason: '该队名额已满，感谢支持',
        matchId: null,
      }),
    ]);
    // An accepted pledge is not declined; a declined one is not accepted.
    expect((await decline(s.caseworker!, ids.project1!, ids.moneyPledge!, { reason: '撤回' })).status).toBe(409);
    expect((await accept(s.caseworker!, ids.project1!, pledgeId)).status).toBe(409);
    // After a decline the partner may pledge again, from another resource.
    expect(
      (await pledge(s['partner.sw']!, ids.project1!, { kind: 'PLACES', places: 2, resourceId: ids.places })).status,
    ).toBe(201);
  });

  it('accepted money covering the amount funds the project; the other pending pledges are declined 需求已满足', async () => {
    const caseId = await openCase('认捐乙', [{ category: 'HOUSING', severity: 'HIGH', description: '墙体开裂' }]);
    const projectId = await publishProject(caseId, 0, { amount: 3000.5 });
    const part = await created(
      await pledge(s.partner!, projectId, { kind: 'MONEY', amount: 1000.25, resourceId: ids.money }),
    );
    const places = await created(
      await pledge(s['partner.sw']!, projectId, { kind: 'PLACES', places: 1, resourceId: ids.places }),
    );
    expect((await accept(s.caseworker!, projectId, part)).status).toBe(200);
    expect((await h.db.project.findUniqueOrThrow({ where: { id: projectId } })).status).toBe('PUBLISHED');
    // The same partner pledges the rest after its first was accepted? One live pledge each: the first is live.
    expect(
      (await pledge(s.partner!, projectId, { kind: 'MONEY', amount: 2000.25, resourceId: ids.money })).status,
    ).toBe(409);
    // Accepting the places pledge (not money) does not cover an amount.
    expect((await accept(s.caseworker!, projectId, places)).status).toBe(200);
    expect((await h.db.project.findUniqueOrThrow({ where: { id: projectId } })).status).toBe('PUBLISHED');

    const thirdCase = await openCase('认捐丙', [{ category: 'HOUSING', severity: 'HIGH', description: '门窗损坏' }]);
    const project = await publishProject(thirdCase, 0, { amount: 800 });
    const money = await created(
      await pledge(s.partner!, project, { kind: 'MONEY', amount: 800, resourceId: ids.money }),
    );
    const other = await created(
      await pledge(s['partner.sw']!, project, { kind: 'PLACES', places: 1, resourceId: ids.places }),
    );
    expect((await accept(s.supervisor!, project, money)).status).toBe(200);
    expect(await h.db.project.findUniqueOrThrow({ where: { id: project } })).toMatchObject({
      status: 'FUNDED',
      closedReason: 'NEED_COVERED',
    });
    expect(await h.db.projectResponse.findUniqueOrThrow({ where: { id: other } })).toMatchObject({
      status: 'DECLINED',
      declineReason: '需求已满足',
      matchId: null,
    });
    // The declined partner still sees its pledge's answer though the project left the platform.
    const seen = await json(await s['partner.sw']!.request('GET', `/api/projects/${project}`));
    expect(seen).toMatchObject({ status: 'FUNDED', closedReason: 'NEED_COVERED' });
    expect(seen.responseList).toEqual([expect.objectContaining({ status: 'DECLINED', declineReason: '需求已满足' })]);
    const late = await pledge(s['partner.sw']!, project, { kind: 'PLACES', places: 1, resourceId: ids.places });
    expect(late.status).toBe(409);
    expect((await json(late)).type).toBe('urn:guanai:problem:not-published');
    expect((await json(await h.app.request('/api/public/projects'))).map((p: { id: string }) => p.id)).not.toContain(
      project,
    );
  });

  it('a project closes with its case: WITHDRAWN (CASE_CLOSED), its pending pledges declined 个案已结案', async () => {
    const caseId = await openCase('认捐丁', [{ category: 'HOUSING', severity: 'HIGH', description: '屋顶漏雨' }]);
    const projectId = await publishProject(caseId, 0, { service: '屋顶防水修缮' });
    const goods = await created(
      await pledge(s.partner!, projectId, { kind: 'GOODS', quantity: 20, resourceId: ids.goods }),
    );
    const places = await created(
      await pledge(s['partner.sw']!, projectId, { kind: 'PLACES', places: 1, resourceId: ids.places }),
    );
    const closed = await s.supervisor!.request('POST', `/api/cases/${caseId}/actions`, {
      type: 'CLOSE',
      reason: 'moved',
    });
    expect((await json(closed)).state).toMatch(/^closed/);
    // The closure's effect ran before the action answered.
    expect(await h.db.project.findUniqueOrThrow({ where: { id: projectId } })).toMatchObject({
      status: 'WITHDRAWN',
      closedReason: 'CASE_CLOSED',
    });
    for (const id of [goods, places])
      expect(await h.db.projectResponse.findUniqueOrThrow({ where: { id } })).toMatchObject({
        status: 'DECLINED',
        declineReason: '个案已结案',
      });
    const seen = await json(await s.partner!.request('GET', `/api/projects/${projectId}`));
    expect(seen.responseList).toEqual([
      expect.objectContaining({ id: goods, status: 'DECLINED', declineReason: '个案已结案' }),
    ]);
    expect((await accept(s.caseworker!, projectId, places)).status).toBe(409);
    // A project without an amount is covered by any accepted pledge.
    const open = await openCase('认捐戊', [{ category: 'HOUSING', severity: 'MEDIUM', description: '加装扶手' }]);
    const service = await publishProject(open, 0, { service: '加装扶手' });
    const one = await created(
      await pledge(s['partner.sw']!, service, { kind: 'PLACES', places: 1, resourceId: ids.places }),
    );
    expect((await accept(s.caseworker!, service, one)).status).toBe(200);
    expect(await h.db.project.findUniqueOrThrow({ where: { id: service } })).toMatchObject({
      status: 'FUNDED',
      closedReason: 'NEED_COVERED',
    });
  });
});
