import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, signIn, startHarness, type Harness, type Session } from './harness.ts';
import { ledgerFixture } from './ledger-fixture.ts';

/**
 * §四(八) 绩效综合评价 on a fixture history of September 2026 at 锦官驿街道 (township 017) and 东湖街道
 * (018). The figures each test expects are worked out by hand in its comments.
 */
let h: Harness;
const s: Record<string, Session> = {};
const ids: Record<string, string> = {};
const T = (day: string, hour: number) => `2026-09-${day}T${String(hour).padStart(2, '0')}:00:00Z`;

beforeAll(async () => {
  h = await startHarness();
  for (const name of ['caseworker', 'supervisor', 'district.supervisor', 'manager', 'caseworker2', 'partner.sw'])
    s[name] = await signIn(h.app, name);
  const fx = ledgerFixture(h.db, h.keys);
  const township = await fx.unit('510104017000');
  ids.township = township.id;
  ids.district = (await fx.unit('510104000000')).id;
  const medical = (await h.db.resource.findFirstOrThrow({ where: { name: '大病医疗爱心援助' } })).id;

  // A: screened 10 h after opening; closed resolved; ¥3000 given.
  const a = await fx.caseFor('甲', '510104017001', T('05', 2), { status: 'CLOSED', closureReason: 'resolved' });
  await fx.event(a.caseId, 'SCREENED', T('05', 12), 'assessment');
  await fx.event(a.caseId, 'CLOSE', T('20', 2), 'closed');
  await fx.delivered(a.caseId, medical, 'MEDICAL', [{ kind: 'MONEY', amount: 3000, on: '2026-09-15' }]);
  // B: screened after 20 h; escalated; closed resolved; ¥1000 + ¥500 given, and 6 service hours (not money).
  const b = await fx.caseFor('乙', '510104017002', T('06', 2), { status: 'CLOSED', closureReason: 'resolved' });
  await fx.event(b.caseId, 'SCREENED', T('06', 22), 'assessment');
  await fx.event(b.caseId, 'ESCALATE', T('08', 2), 'escalation');
  await fx.event(b.caseId, 'CLOSE', T('25', 2), 'closed');
  await fx.delivered(b.caseId, medical, 'MEDICAL', [
    { kind: 'MONEY', amount: 1000, on: '2026-09-16' },
    { kind: 'MONEY', amount: 500, on: '2026-09-17' },
    { kind: 'SERVICE', hours: 6, on: '2026-09-18' },
  ]);
  // C: screened after 40 h; closed as declined.
  const c = await fx.caseFor('丙', '510104017003', T('07', 2), { status: 'CLOSED', closureReason: 'declined' });
  await fx.event(c.caseId, 'SCREENED', T('08', 18), 'assessment');
  await fx.event(c.caseId, 'CLOSE', T('21', 2), 'closed');
  // D: never screened; closed, then reopened: open now.
  const d = await fx.caseFor('丁', '510104017001', T('09', 2), { status: 'OPEN', state: 'assessment' });
  await fx.event(d.caseId, 'CLOSE', T('10', 2), 'closed');
  await fx.event(d.caseId, 'REOPEN', T('11', 2), 'assessment');
  // E: another township (018), same district. F: 017, but opened in August (Beijing time).
  await fx.caseFor('戊', '510104018001', T('10', 2));
  await fx.caseFor('己', '510104017002', '2026-08-30T02:00:00Z');
  // The township's tasks completed in September: two on time, one late; one more completed in October.
  await fx.task(a.caseId, township.id, T('06', 2), T('05', 12));
  await fx.task(b.caseId, township.id, T('07', 2), T('06', 22));
  await fx.task(c.caseId, township.id, T('08', 2), T('08', 18));
  await fx.task(d.caseId, township.id, '2026-10-05T02:00:00Z', '2026-10-02T02:00:00Z');
  // The follow-up visits to 甲 and 乙 before they closed, both on time (each is one survey's slot).
  await fx.task(a.caseId, township.id, T('20', 2), T('19', 2), 'FOLLOW_UP');
  await fx.task(b.caseId, township.id, T('25', 2), T('24', 2), 'FOLLOW_UP');
  // 庚 at its follow-up visit now, 辛 still waiting for it (both opened in July, outside the KPIs below).
  const g = await fx.caseFor('庚', '510104017001', '2026-07-10T02:00:00Z', {
    status: 'OPEN',
    state: 'followUp.visiting',
  });
  ids.visitTask = await fx.task(g.caseId, township.id, '2026-12-31T02:00:00Z', null, 'FOLLOW_UP');
  const w = await fx.caseFor('辛', '510104017002', '2026-07-11T02:00:00Z', {
    status: 'OPEN',
    state: 'followUp.waiting',
  });
  Object.assign(ids, { a: a.caseId, b: b.caseId, c: c.caseId, visiting: g.caseId, waiting: w.caseId });
});
afterAll(async () => h?.stop());

describe('§四(八) the three raters', () => {
  it('the recipient: a survey taken by the caseworker, or by the recipient once through a link', async () => {
    const taken = await s.caseworker!.request('POST', `/api/cases/${ids.a}/surveys`, {
      answers: { satisfaction: 5, timeliness: 5, respect: 5, comment: '很及时' },
    });
    expect(await json(taken)).toMatchObject({ channel: 'CASEWORKER', score: 5 });
    const link = await json(await s.caseworker!.request('POST', `/api/cases/${ids.b}/surveys`, {}));
    expect(link.link).toBe(`/survey.html#${link.token}`);
    const form = await h.app.request(`/api/public/surveys/${link.token}`);
    expect(await json(form)).toMatchObject({
      center: '锦官驿街道',
      questions: ['satisfaction', 'timeliness', 'respect'],
    });
    expect(JSON.stringify(await json(await h.app.request(`/api/public/surveys/${link.token}`)))).not.toContain('乙');
    const bad = await h.app.request(`/api/public/surveys/${link.token}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ satisfaction: 9, timeliness: 3, respect: 5 }),
    });
    expect((await json(bad)).errors[0].field).toBe('satisfaction');
    const answer = () =>
      h.app.request(`/api/public/surveys/${link.token}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ satisfaction: 4, timeliness: 3, respect: 5 }),
      });
    expect((await answer()).status).toBe(204);
    expect((await answer()).status).toBe(409); // one time only: the follow-up has its survey
    expect((await h.db.survey.findFirstOrThrow({ where: { caseId: ids.b } })).score).toBe(4); // (4 + 3 + 5) / 3
    // A case not yet at follow-up is not surveyed.
    const open = await h.db.case.findFirstOrThrow({ where: { person: { name: '丁' } } });
    expect((await s.caseworker!.request('POST', `/api/cases/${open.id}/surveys`, {})).status).toBe(409);
  });

  it('§四(八) one survey per follow-up visit, whoever records it: a second one is 409, from the caseworker or through the link', async () => {
    const take = (caseId: string, answers?: Record<string, number>) =>
      s.caseworker!.request('POST', `/api/cases/${caseId}/surveys`, answers ? { answers } : {});
    const five = { satisfaction: 5, timeliness: 5, respect: 5 };
    // 甲 was surveyed by the caseworker, 乙 through the link (above): no second score, no second link.
    for (const again of [await take(ids.a!, five), await take(ids.a!), await take(ids.b!, five), await take(ids.b!)]) {
      expect(again.status).toBe(409);
      expect((await json(again)).type).toBe('urn:guanai:problem:already-surveyed');
    }
    // 庚 at the visit: a link is sent, then the caseworker takes the survey in person; it is the same slot, so the link answers 409.
    const link = await json(await take(ids.visiting!));
    expect(link.channel).toBe('RECIPIENT_LINK');
    expect(await json(await take(ids.visiting!, { satisfaction: 4, timeliness: 4, respect: 4 }))).toMatchObject({
      channel: 'CASEWORKER',
      score: 4,
    });
    const viaLink = await h.app.request(`/api/public/surveys/${link.token}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(five),
    });
    expect(viaLink.status).toBe(409);
    expect((await json(viaLink)).type).toBe('urn:guanai:problem:already-surveyed');
    expect((await h.app.request(`/api/public/surveys/${link.token}`)).status).toBe(409);
    expect((await take(ids.visiting!, five)).status).toBe(409);
    const recorded = await h.db.survey.findMany({ where: { caseId: ids.visiting! } });
    expect(recorded).toEqual([
      expect.objectContaining({ followUpTaskId: ids.visitTask, channel: 'CASEWORKER', score: 4 }),
    ]);
    // The database keeps the rule as well: a second survey of the same follow-up is refused.
    const caseworker = await h.db.user.findUniqueOrThrow({ where: { username: 'caseworker' } });
    await expect(
      h.db.survey.create({
        data: {
          id: crypto.randomUUID(),
          caseId: ids.visiting!,
          channel: 'CASEWORKER',
          followUpTaskId: ids.visitTask!,
          answers: five,
          score: 5,
          createdById: caseworker.id,
          submittedAt: new Date(),
        },
      }),
    ).rejects.toThrow(/unique/i);
    // No visit yet (辛 waits for it), or none at all (丙 closed without one): no survey to take.
    for (const early of [await take(ids.waiting!, five), await take(ids.c!, five)]) {
      expect(early.status).toBe(409);
      expect((await json(early)).type).toBe('urn:guanai:problem:not-allowed-in-state');
    }
  });

  it('the service organisation reports on its own resource once a month; the department scores a center or a contract', async () => {
    const service = await h.db.resource.findFirstOrThrow({ where: { kind: 'PURCHASED_SERVICE' } });
    const report = {
      period: '2026-09',
      served: 12,
      hours: 96,
      spent: 18000,
      narrative: '本月完成困境儿童个案12例',
      score: 85,
    };
    expect((await s['partner.sw']!.request('POST', `/api/resources/${service.id}/self-reports`, report)).status).toBe(
      201,
    );
    expect((await s['partner.sw']!.request('POST', `/api/resources/${service.id}/self-reports`, report)).status).toBe(
      409,
    );
    const other = await h.db.resource.findFirstOrThrow({ where: { name: '大病医疗爱心援助' } });
    expect((await s['partner.sw']!.request('POST', `/api/resources/${other.id}/self-reports`, report)).status).toBe(
      404,
    );
    expect(
      (
        await s.manager!.request('POST', '/api/supervision-scores', {
          period: '2026-09',
          resourceId: service.id,
          score: 90,
        })
      ).status,
    ).toBe(201);
    expect(
      (
        await s.manager!.request('POST', '/api/supervision-scores', {
          period: '2026-09',
          resourceId: other.id,
          score: 90,
        })
      ).status,
    ).toBe(422);
    expect(
      (
        await s.manager!.request('POST', '/api/supervision-scores', {
          period: '2026-09',
          unitId: ids.township,
          score: 88,
        })
      ).status,
    ).toBe(201);
    expect(
      (
        await s.manager!.request('POST', '/api/supervision-scores', {
          period: '2026-09',
          unitId: ids.township,
          score: 70,
        })
      ).status,
    ).toBe(409);
    expect((await s.manager!.request('POST', '/api/supervision-scores', { period: '2026-09', score: 70 })).status).toBe(
      422,
    );
    const seen = await json(await s.manager!.request('GET', `/api/resources/${service.id}/evaluations`));
    expect(seen).toMatchObject({
      selfReports: [{ period: '2026-09', served: 12, spent: 18000, score: 85 }],
      supervision: [{ period: '2026-09', score: 90 }],
    });
  });
});

describe('§四(八) KPIs per center and per tier', () => {
  it('a township center’s September, worked out by hand', async () => {
    const k = await json(await s.supervisor!.request('GET', '/api/kpis?period=2026-09'));
    expect(k).toMatchObject({
      unit: { name: '锦官驿街道' },
      cases: 4, // 甲 乙 丙 丁 (己 opened in August, 戊 in another township)
      firstResponseHours: 20, // median of 10, 20, 40 (丁 was never screened)
      slaCompliance: 0.8, // 4 of 5 tasks completed in September by their due time (3 screenings, 2 follow-ups)
      tasksCompleted: 5,
      escalationRate: 0.25, // 乙, of 4
      resolutionRate: 0.6667, // 甲 and 乙 of the 3 closed (丙 declined)
      reopenRate: 0.25, // 丁, of the 4 ever closed
      costPerResolvedCase: 2250, // (3000 + 1000 + 500) / 2; service hours are not money
      satisfaction: 4.5, // (5 + 4) / 2
      surveys: 2,
      supervisionScore: 88,
    });
  });

  it('the district adds up its townships; the comparison lists each; the trend goes month by month; outside the jurisdiction is 404', async () => {
    const period = encodeURIComponent('2026-09');
    const district = await json(
      await s['district.supervisor']!.request('GET', `/api/kpis?unitId=${ids.district}&period=${period}`),
    );
    expect(district).toMatchObject({ cases: 5, escalationRate: 0.2 }); // 甲 乙 丙 丁 戊; 乙 escalated
    const compare = await json(
      await s['district.supervisor']!.request('GET', `/api/kpis/compare?unitId=${ids.district}&period=${period}`),
    );
    const byName = Object.fromEntries(
      compare.map((r: { unit: { name: string }; cases: number }) => [r.unit.name, r.cases]),
    );
    expect(byName).toMatchObject({ 锦江区: 5, 锦官驿街道: 4, 东湖街道: 1 });
    const trend = await json(await s.supervisor!.request('GET', `/api/kpis/trend?from=2026-08&to=2026-10`));
    expect(trend.months.map((m: { period: string; cases: number }) => [m.period, m.cases])).toEqual([
      ['2026-08', 1],
      ['2026-09', 4],
      ['2026-10', 0],
    ]);
    expect((await s.supervisor!.request('GET', `/api/kpis?unitId=${ids.district}&period=${period}`)).status).toBe(404);
    expect((await s.caseworker2!.request('GET', `/api/kpis?period=${period}`)).status).toBe(403);
    expect(
      (await json(await s.supervisor!.request('GET', '/api/kpis/trend?from=2026-10&to=2026-08'))).errors[0].field,
    ).toBe('to');
    const csv = await (await s.supervisor!.request('GET', '/api/kpis/export?from=2026-09&to=2026-09')).text();
    expect(csv).toContain('中心,月份,新增个案');
    expect(csv).toContain('锦官驿街道,2026-09,4,20,0.8');
  });
});
