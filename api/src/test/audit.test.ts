import { verifyAuditChain } from '@guanai/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, signIn, startHarness, type Harness, type Session } from './harness.ts';

let h: Harness;
let station: Session;
let caseworker: Session;
let caseId: string;

beforeAll(async () => {
  h = await startHarness();
  [station, caseworker] = await Promise.all([signIn(h.app, 'station'), signIn(h.app, 'caseworker')]);
  caseId = (
    await json(
      await station.request('POST', '/api/cases', {
        person: { name: '杨大爷', idNumber: '510104195001010010', hukou: 'CHENGDU' },
        situation: '困难',
      }),
    )
  ).id;
});
afterAll(async () => h?.stop());

describe('audit log', () => {
  it('every write is in the audit log with who and what; failed requests are not', async () => {
    const user = await h.db.user.findUniqueOrThrow({ where: { username: 'station' } });
    const entries = await h.db.auditEntry.findMany({ where: { actorId: user.id } });
    expect(entries.map((e) => e.action)).toEqual(expect.arrayContaining(['POST /api/auth/login', 'POST /api/cases']));
    const before = await h.db.auditEntry.count();
    expect((await station.request('POST', '/api/cases', {})).status).toBe(422);
    // A caseworker opens only referrals (§四(一)): without one, a 422; an admin opens no case at all: a 403.
    expect(
      (await caseworker.request('POST', '/api/cases', { person: { name: 'x', hukou: 'CHENGDU' }, situation: 'x' }))
        .status,
    ).toBe(422);
    const admin = await signIn(h.app, 'admin');
    const afterSignIn = await h.db.auditEntry.count();
    expect(
      (await admin.request('POST', '/api/cases', { person: { name: 'x', hukou: 'CHENGDU' }, situation: 'x' })).status,
    ).toBe(403);
    expect(await h.db.auditEntry.count()).toBe(afterSignIn);
    expect(afterSignIn).toBe(before + 1); // the admin's sign-in, nothing else
  });

  it('the full identity number needs a role, a visible case and a reason, and each view is audited with who and why', async () => {
    expect((await caseworker.request('GET', `/api/cases/${caseId}/id-number`)).status).toBe(422);
    const manager = await signIn(h.app, 'manager');
    expect(
      (await manager.request('GET', `/api/cases/${caseId}/id-number?reason=${encodeURIComponent('核对低保申请')}`))
        .status,
    ).toBe(403);
    const other = await signIn(h.app, 'caseworker2');
    expect(
      (await other.request('GET', `/api/cases/${caseId}/id-number?reason=${encodeURIComponent('核对低保申请')}`))
        .status,
    ).toBe(404);
    const res = await caseworker.request(
      'GET',
      `/api/cases/${caseId}/id-number?reason=${encodeURIComponent('核对低保申请材料')}`,
    );
    expect(res.status).toBe(200);
    expect(await json(res)).toEqual({ idNumber: '510104195001010010' });
    const user = await h.db.user.findUniqueOrThrow({ where: { username: 'caseworker' } });
    const view = await h.db.auditEntry.findFirstOrThrow({ where: { action: 'person.id-number.view' } });
    expect(view).toMatchObject({ actorId: user.id, reason: '核对低保申请材料', detail: { caseId } });
    expect(await verifyAuditChain(h.db)).toMatchObject({ ok: true });
  });
});
