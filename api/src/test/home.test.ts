import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { endOfBeijingDay } from '../domain/home/end-of-beijing-day.ts';
import { json, q, signIn, startHarness, type Harness, type Session } from './harness.ts';
import { ledgerFixture } from './ledger-fixture.ts';

/**
 * The home pages (GET /api/home) and the map (GET /api/home/map) against a read model written by hand
 * (ledger-fixture.ts), so that every number can be worked out here; each case number is also checked
 * against the total of the case list its link opens (GET /api/cases with the link's filter).
 */
let h: Harness;
const s: Record<string, Session> = {};
const ids: Record<string, string> = {};
const HOUR = 3_600_000;
const now = Date.now();
const at = (offset: number) => new Date(now + offset);

async function task(
  caseId: string,
  unitCode: string,
  dueAt: Date,
  extra: { kind?: string; assignee?: string; status?: 'OPEN' | 'DONE' } = {},
) {
  const unit = await h.db.orgUnit.findUniqueOrThrow({ where: { code: unitCode } });
  const assignee = extra.assignee ? await h.db.user.findUniqueOrThrow({ where: { username: extra.assignee } }) : null;
  await h.db.task.create({
    data: {
      id: `${caseId}:home-${randomUUID().slice(0, 8)}`,
      caseId,
      kind: extra.kind ?? 'ASSESS',
      status: extra.status ?? 'OPEN',
      unitId: unit.id,
      assigneeId: assignee?.id ?? null,
      dueAt,
      createdAt: at(-48 * HOUR),
      completedAt: extra.status === 'DONE' ? at(-HOUR) : null,
    },
  });
}

const home = async (who: string) => {
  const res = await s[who]!.request('GET', '/api/home');
  expect(res.status, who).toBe(200);
  return json(res);
};
const caseTotal = async (who: string, filter: Record<string, unknown>) => {
  const res = await s[who]!.request('GET', `/api/cases${q({ filter, range: [0, 99] })}`);
  expect(res.status, JSON.stringify(filter)).toBe(200);
  return { total: Number(res.headers.get('content-range')!.split('/')[1]), rows: await json(res) };
};

beforeAll(async () => {
  h = await startHarness();
  const users = ['caseworker', 'supervisor', 'district.supervisor', 'manager', 'district.manager', 'station'];
  for (const name of [...users, 'discoverer', 'partner', 'partner.sw', 'admin', 'caseworker2'])
    s[name] = await signIn(h.app, name);
  const fx = ledgerFixture(h.db, h.keys);
  const opened = at(-60_000).toISOString();
  // 锦官驿街道 (510104017000): its communities 017001 (the station's) and 017002; 东湖街道 (018000).
  const a = await fx.caseFor('甲', '510104017001', opened, { state: 'matching' });
  const b = await fx.caseFor('乙', '510104017001', opened, { state: 'assessment' });
  const c = await fx.caseFor('丙', '510104018001', opened, { state: 'screening' });
  const d = await fx.caseFor('丁', '510104017002', opened, { status: 'CLOSED', closureReason: 'resolved' });
  const e = await fx.caseFor('戊', '510104017001', opened, { state: 'matching', owningCode: '510104000000' });
  const r = await fx.caseFor('己', '510104017001', opened, { state: 'matching' });
  Object.assign(ids, { a: a.caseId, b: b.caseId, c: c.caseId, d: d.caseId, e: e.caseId, r: r.caseId });
  await h.db.case.update({ where: { id: b.caseId }, data: { emergency: true } });
  // 己 went up to the district and came back with guidance; 戊's escalation was accepted.
  await h.db.case.update({
    where: { id: r.caseId },
    data: { data: { escalations: [{ outcome: 'ACCEPTED' }, { outcome: 'RETURNED', guidance: '先链接社区资源' }] } },
  });
  await h.db.case.update({ where: { id: e.caseId }, data: { data: { escalations: [{ outcome: 'ACCEPTED' }] } } });
  // 丙 changed three days ago: not "since I last looked" (a day ago when never looked).
  await h.db.case.update({ where: { id: c.caseId }, data: { updatedAt: at(-72 * HOUR) } });
  const dueToday = new Date(now + (endOfBeijingDay(at(0)).getTime() - now) / 2);
  await task(a.caseId, '510104017000', at(-5 * HOUR), { assignee: 'caseworker' }); // overdue
  await task(a.caseId, '510104017000', dueToday, { assignee: 'caseworker', kind: 'MATCH' }); // due today
  await task(b.caseId, '510104017000', at(240 * HOUR), { assignee: 'caseworker' }); // emergency case
  await task(b.caseId, '510104017000', at(-240 * HOUR), { assignee: 'caseworker', status: 'DONE' });
  await task(a.caseId, '510104017000', at(100 * HOUR)); // unclaimed at the township
  await task(r.caseId, '510104017001', at(100 * HOUR), { kind: 'REGISTER' }); // unclaimed at a community
  await task(r.caseId, '510104017000', at(50 * HOUR), { kind: 'APPROVE_PLAN' });
  await task(d.caseId, '510104017000', at(50 * HOUR), { kind: 'APPROVE_CLOSURE', assignee: 'supervisor' });
  await task(e.caseId, '510104000000', at(20 * HOUR), { kind: 'ACCEPT_ESCALATION' });
  await task(c.caseId, '510104018000', at(-3 * HOUR), { assignee: 'caseworker2' }); // overdue, other township
  // The partner portal: 成都市慈善总会's resource, one proposal, one accepted with a delivery, one without.
  const resource = await h.db.resource.findFirstOrThrow({ where: { name: '大病医疗爱心援助' } });
  const station = await h.db.user.findUniqueOrThrow({ where: { username: 'station' } });
  const match = (caseId: string, status: 'PROPOSED' | 'ACCEPTED') =>
    h.db.match.create({
      data: {
        id: randomUUID(),
        caseId,
        needIndex: 0,
        category: 'MEDICAL',
        resourceId: resource.id,
        status,
        proposedById: station.id,
      },
    });
  await match(a.caseId, 'PROPOSED');
  await match(b.caseId, 'ACCEPTED');
  await fx.delivered(r.caseId, resource.id, 'MEDICAL', [{ kind: 'MONEY', amount: 500, on: '2026-11-01' }]);
});
afterAll(async () => h?.stop());

describe('GET /api/home, per role', () => {
  it('caseworker: my tasks due today, overdue, of emergency cases, the unclaimed queue and the cases changed', async () => {
    const body = await home('caseworker');
    expect(body.kind).toBe('caseworker');
    expect(body.dueToday).toEqual({ value: 1, link: { to: 'tasks', filter: { scope: 'mine', dueToday: true } } });
    expect(body.overdue).toEqual({ value: 1, link: { to: 'tasks', filter: { scope: 'mine', overdue: true } } });
    expect(body.emergency.value).toBe(1);
    // The township's and its communities' open tasks nobody holds: ASSESS, REGISTER, APPROVE_PLAN.
    expect(body.unclaimed).toEqual({ value: 3, link: { to: 'tasks', filter: { scope: 'unit', unassigned: true } } });
    // Never looked: the cases of the township changed in the last day — all but 丙 (东湖街道, three days ago, not mine anyway).
    expect(body.changed.value).toBe(5);
    expect((await caseTotal('caseworker', body.changed.link.filter)).total).toBe(5);
  });

  it('reading the home page writes nothing; POST /api/home/seen moves "since I last looked"', async () => {
    await home('caseworker');
    expect(await h.db.homeSeen.count()).toBe(0);
    const seen = await s.caseworker!.request('POST', '/api/home/seen', {});
    expect(seen.status).toBe(200);
    const { seenAt } = await json(seen);
    let body = await home('caseworker');
    expect(body.changed.since).toBe(seenAt);
    expect(body.changed.value).toBe(0);
    await h.db.case.update({ where: { id: ids.a }, data: { updatedAt: new Date(Date.parse(seenAt) + 1000) } });
    body = await home('caseworker');
    expect(body.changed.value).toBe(1);
    const list = await caseTotal('caseworker', body.changed.link.filter);
    expect(list.rows.map((row: { id: string }) => row.id)).toEqual([ids.a]);
  });

  it('supervisor: the team, approvals and escalations at my unit, cases returned with guidance', async () => {
    const body = await home('supervisor');
    expect(body.kind).toBe('supervisor');
    const byName = Object.fromEntries(body.team.map((m: { name: string }) => [m.name, m]));
    expect(byName['社工 张伟'].open.value).toBe(3);
    expect(byName['社工 张伟'].overdue.value).toBe(1);
    expect(byName['社工 张伟'].overdue.link.filter).toMatchObject({ scope: 'unit', overdue: true });
    expect(byName['督导 陈静'].open.value).toBe(1);
    // caseworker2 is at 东湖街道: not on this team.
    expect(body.team.map((m: { name: string }) => m.name).sort()).toEqual(['社工 张伟', '督导 陈静'].sort());
    expect(body.planApprovals).toEqual({
      value: 1,
      link: { to: 'tasks', filter: { scope: 'unit', kind: 'APPROVE_PLAN', tier: 'TOWNSHIP' } },
    });
    expect(body.closureApprovals.value).toBe(1);
    expect(body.escalations).toEqual({ value: 0, link: { to: 'board' } });
    expect(body.unitOverdue.value).toBe(1);
    expect(body.returned.value).toBe(1);
    const returned = await caseTotal('supervisor', body.returned.link.filter);
    expect(returned.rows.map((row: { id: string }) => row.id)).toEqual([ids.r]);
    // The district's supervisor has 戊's escalation waiting at the district.
    expect((await home('district.supervisor')).escalations.value).toBe(1);
  });

  it('manager: open cases by state and tier (each the total of its list), SLA by tier, this month’s KPIs beside last month’s', async () => {
    const body = await home('manager');
    expect(body.kind).toBe('manager');
    expect(body.openTotal.value).toBe(5);
    const cell = (state: string, tier: string) =>
      body.openCases.find((row: { state: string; tier: string }) => row.state === state && row.tier === tier)?.value;
    expect(cell('matching', 'TOWNSHIP')).toBe(2);
    expect(cell('matching', 'DISTRICT')).toBe(1);
    expect(cell('assessment', 'TOWNSHIP')).toBe(1);
    expect(cell('screening', 'TOWNSHIP')).toBe(1);
    for (const row of body.openCases) expect((await caseTotal('manager', row.link.filter)).total).toBe(row.value);
    const tier = (t: string) => body.sla.find((row: { tier: string }) => row.tier === t);
    expect(tier('TOWNSHIP').overdue.value).toBe(2);
    expect(tier('TOWNSHIP').overdue.link).toEqual({
      to: 'tasks',
      filter: { scope: 'unit', tier: 'TOWNSHIP', overdue: true },
    });
    expect(tier('DISTRICT').overdue.value).toBe(0);
    expect(tier('DISTRICT').open).toBe(1);
    const kpis = await json(await s.manager!.request('GET', `/api/kpis?period=${body.kpis.current.period}`));
    expect(body.kpis.current.cases).toBe(6);
    expect(body.kpis.current).toEqual(
      expect.objectContaining({ cases: kpis.cases, resolutionRate: kpis.resolutionRate }),
    );
    expect(body.kpis.previous.cases).toBe(0);
    expect(body.kpis.previous.period < body.kpis.current.period).toBe(true);
  });

  it('a district manager sees the district’s cases; an admin gets the manager’s view of the city', async () => {
    expect((await home('district.manager')).openTotal.value).toBe(5);
    const admin = await home('admin');
    expect(admin.kind).toBe('manager');
    expect(admin.openTotal.value).toBe(5);
  });

  it('station worker and discoverer: my community’s open cases by state, and its cases changed last', async () => {
    for (const who of ['station', 'discoverer']) {
      const body = await home(who);
      expect(body.kind).toBe('station');
      // 甲, 乙, 戊, 己 started at 水井坊社区 (017001); 丁 is closed and from 017002.
      expect(body.openCases.value).toBe(4);
      expect(
        Object.fromEntries(body.byState.map((row: { state: string; value: number }) => [row.state, row.value])),
      ).toEqual({
        assessment: 1,
        matching: 3,
      });
      for (const row of body.byState) expect((await caseTotal(who, row.link.filter)).total).toBe(row.value);
      expect(body.recent.map((row: { personName: string }) => row.personName).sort()).toEqual(
        ['乙', '己', '戊', '甲'].sort(),
      );
    }
  });

  it('partner: proposals awaiting my answer and accepted matches, of my own organisation only', async () => {
    const body = await home('partner');
    expect(body).toEqual({
      kind: 'partner',
      proposals: { value: 1, link: { to: 'matches', filter: { status: 'PROPOSED' } } },
      accepted: { value: 2, link: { to: 'matches', filter: { status: 'ACCEPTED' } } },
      undelivered: 1,
    });
    const other = await home('partner.sw');
    expect([other.proposals.value, other.accepted.value]).toEqual([0, 0]);
  });
});

describe('GET /api/home/map', () => {
  it('the districts with their open cases, overdue rate and resolution rate; functional areas included', async () => {
    const res = await s.manager!.request('GET', '/api/home/map?figure=open');
    expect(res.status).toBe(200);
    const body = await json(res);
    expect(body).toMatchObject({ level: 'DISTRICT', district: null, populationAvailable: false });
    expect(body.figures).toEqual(['open', 'overdueRate', 'resolutionRate']);
    expect(body.areas).toHaveLength(23);
    const jinjiang = body.areas.find((area: { code: string }) => area.code === '510104000000');
    expect(jinjiang).toMatchObject({ open: 5, value: 5, closed: 1, resolved: 1, resolutionRate: 1 });
    // Open tasks: 5 at 锦官驿街道 and its community, 1 at 东湖街道, 1 at the district; 2 overdue.
    expect(jinjiang).toMatchObject({ openTasks: 9, overdueTasks: 2 });
    expect((await caseTotal('manager', jinjiang.link.filter)).total).toBe(5);
    expect(body.areas.map((area: { name: string }) => area.name)).toEqual(
      expect.arrayContaining(['成都高新区', '四川天府新区成都直管区', '成都东部新区']),
    );
    expect(body.areas.filter((area: { open: number }) => area.open > 0)).toHaveLength(1);
    const rate = await json(await s.manager!.request('GET', '/api/home/map?figure=overdueRate'));
    expect(rate.areas.find((area: { code: string }) => area.code === '510104000000').value).toBeCloseTo(2 / 9, 4);
  });

  it('drills into a district (by code or id): its townships', async () => {
    const body = await json(await s.manager!.request('GET', '/api/home/map?figure=open&district=510104000000'));
    expect(body.level).toBe('TOWNSHIP');
    expect(body.district.name).toBe('锦江区');
    const township = (code: string) => body.areas.find((area: { code: string }) => area.code === code);
    // 戊 is owned by the district itself: in no township.
    expect(township('510104017000')).toMatchObject({ open: 3, openTasks: 7, overdueTasks: 1 });
    expect(township('510104018000')).toMatchObject({ open: 1, openTasks: 1, overdueTasks: 1, overdueRate: 1 });
    const byId = await json(await s.manager!.request('GET', `/api/home/map?district=${body.district.id}`));
    expect(byId.areas).toEqual(body.areas);
    expect((await caseTotal('manager', township('510104017000').link.filter)).total).toBe(3);
  });

  it('a district manager’s map is their district', async () => {
    const body = await json(await s['district.manager']!.request('GET', '/api/home/map'));
    expect(body.areas.map((area: { name: string }) => area.name)).toEqual(['锦江区']);
    const other = await s['district.manager']!.request('GET', '/api/home/map?district=510105000000');
    expect(other.status).toBe(404);
  });

  it.each([
    ['figure=per10k', 'figure', /population/],
    ['figure=density', 'figure', /./],
    ['district=abc', 'district', /district/],
    ['district=510104017000', 'district', /must be a district/],
    ['colour=red', '(body)', /./],
  ])('bad input %s → 422 naming %s', async (query, field, reason) => {
    const res = await s.manager!.request('GET', `/api/home/map?${query}`);
    expect(res.status).toBe(422);
    const problem = await json(res);
    const error = problem.errors.find((e: { field: string }) => e.field === field || field === '(body)');
    expect(error, JSON.stringify(problem)).toBeDefined();
    expect(error.reason).toMatch(reason);
  });

  it('only managers and admins may read the map', async () => {
    expect((await s.caseworker!.request('GET', '/api/home/map')).status).toBe(403);
    expect((await s.admin!.request('GET', '/api/home/map')).status).toBe(200);
  });
});

describe('GET /api/cases: the filters the home pages link to', () => {
  it('tier, unitId, communityId, changedSince and returned, within my jurisdiction', async () => {
    const district = await h.db.orgUnit.findUniqueOrThrow({ where: { code: '510104000000' } });
    const township = await h.db.orgUnit.findUniqueOrThrow({ where: { code: '510104017000' } });
    const community = await h.db.orgUnit.findUniqueOrThrow({ where: { code: '510104017002' } });
    const idsOf = async (who: string, filter: Record<string, unknown>) =>
      ((await caseTotal(who, filter)).rows as { id: string }[]).map((row) => row.id).sort();
    expect(await idsOf('manager', { tier: 'DISTRICT' })).toEqual([ids.e]);
    expect(await idsOf('manager', { unitId: township.id })).toEqual([ids.a, ids.b, ids.d, ids.r].sort());
    expect(await idsOf('manager', { unitId: district.id, status: 'OPEN' })).toEqual(
      [ids.a, ids.b, ids.c, ids.e, ids.r].sort(),
    );
    expect(await idsOf('manager', { communityId: community.id })).toEqual([ids.d]);
    expect(await idsOf('manager', { returned: true })).toEqual([ids.r]);
    expect(await idsOf('manager', { changedSince: new Date(now - 24 * HOUR).toISOString() })).not.toContain(ids.c);
    // Outside my jurisdiction the filter finds nothing: 东湖街道's case is not the caseworker's.
    const dongHu = await h.db.orgUnit.findUniqueOrThrow({ where: { code: '510104018000' } });
    expect(await idsOf('caseworker', { unitId: dongHu.id })).toEqual([]);
  });

  it.each([
    [{ tier: 'PROVINCE' }, 'filter.tier'],
    [{ unitId: 'not-a-uuid' }, 'filter.unitId'],
    [{ communityId: 42 }, 'filter.communityId'],
    [{ changedSince: 'yesterday' }, 'filter.changedSince'],
    [{ returned: 'yes' }, 'filter.returned'],
  ])('bad filter %j → 422 naming %s', async (filter, field) => {
    const res = await s.manager!.request('GET', `/api/cases${q({ filter })}`);
    expect(res.status).toBe(422);
    const problem = await json(res);
    expect(problem.errors.map((e: { field: string }) => e.field)).toContain(field);
  });
});
