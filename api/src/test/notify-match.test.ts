import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseInMatching, json, residentId, signIn, startHarness, type Harness, type Session } from './harness.ts';

/**
 * Issue 18, who is told what: a proposal tells the resource's partner, the partner's answer tells the
 * caseworker who proposed it — each a notification row written in the step's own transaction (the
 * outbox the relay delivers from), once however often the request is repeated.
 */
let h: Harness;
const s: Record<string, Session> = {};
let resourceId: string;

beforeAll(async () => {
  h = await startHarness();
  for (const name of ['station', 'caseworker', 'supervisor', 'admin', 'partner']) s[name] = await signIn(h.app, name);
  const partnerUser = await h.db.user.findUniqueOrThrow({ where: { username: 'partner' } });
  const created = await json(
    await s.admin!.request('POST', '/api/resources', {
      kind: 'CHARITY_PROJECT',
      name: '通知测试修缮',
      providerId: partnerUser.partnerId,
      coverageUnitId: (await h.db.orgUnit.findUniqueOrThrow({ where: { code: '510104017000' } })).id,
      categories: ['HOUSING'],
      capacity: 5,
      validFrom: '2026-01-01',
      validTo: '2030-12-31',
    }),
  );
  resourceId = created.id;
  await s.admin!.request('POST', `/api/resources/${resourceId}/status`, { status: 'PUBLISHED' });
});
afterAll(async () => h?.stop());

const openCase = (name: string, id17: string) =>
  caseInMatching(
    h,
    { station: s.station!, caseworker: s.caseworker!, supervisor: s.supervisor! },
    { person: { name, idNumber: residentId(id17), address: '水井坊街 1 号', hukou: 'CHENGDU' } },
    [{ category: 'HOUSING', severity: 'HIGH' }],
  );

const rows = (matchId: string) =>
  h.db.notification.findMany({ where: { ref: `match:${matchId}` }, include: { user: true }, orderBy: { id: 'asc' } });

describe('a match’s steps tell the other side (issue 18)', () => {
  it('a proposal tells the partner (the person masked); the acceptance tells the caseworker; a repeat tells no one twice', async () => {
    const caseId = await openCase('通知甲', '51010419500101001');
    const proposed = await json(
      await s.caseworker!.request('POST', `/api/cases/${caseId}/matches`, { needIndex: 0, resourceId }),
    );
    expect((await rows(proposed.id)).map((n) => [n.kind, n.user.username])).toEqual([['MATCH_PROPOSED', 'partner']]);
    const partnerList = await json(await s.partner!.request('GET', '/api/notifications'));
    const told = partnerList.find(
      (n: { kind: string; caseId: string }) => n.kind === 'MATCH_PROPOSED' && n.caseId === caseId,
    );
    expect(told.personName).toBe('通*甲');
    expect((await s.partner!.request('POST', `/api/matches/${proposed.id}/accept`)).status).toBe(200);
    expect((await s.partner!.request('POST', `/api/matches/${proposed.id}/accept`)).status).toBe(200);
    expect((await rows(proposed.id)).map((n) => [n.kind, n.user.username])).toEqual([
      ['MATCH_PROPOSED', 'partner'],
      ['MATCH_ACCEPTED', 'caseworker'],
    ]);
    const mine = await json(await s.caseworker!.request('GET', '/api/notifications'));
    expect(
      mine.find((n: { kind: string; caseId: string }) => n.kind === 'MATCH_ACCEPTED' && n.caseId === caseId),
    ).toMatchObject({
      personName: '通知甲',
    });
  });

  it('a decline tells the caseworker; a refused step (declining what was accepted) tells no one', async () => {
    const caseId = await openCase('通知乙', '51010419500101002');
    const proposed = await json(
      await s.caseworker!.request('POST', `/api/cases/${caseId}/matches`, { needIndex: 0, resourceId }),
    );
    const declined = await s.partner!.request('POST', `/api/matches/${proposed.id}/decline`, {
      reason: '本月名额已满',
    });
    expect(declined.status).toBe(200);
    expect((await rows(proposed.id)).map((n) => n.kind)).toEqual(['MATCH_PROPOSED', 'MATCH_DECLINED']);
    expect((await s.partner!.request('POST', `/api/matches/${proposed.id}/accept`)).status).toBe(409);
    expect((await rows(proposed.id)).map((n) => n.kind)).toEqual(['MATCH_PROPOSED', 'MATCH_DECLINED']);
  });
});
