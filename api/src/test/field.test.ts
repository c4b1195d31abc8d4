import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, q, signIn, startHarness, type Harness, type Session } from './harness.ts';

/**
 * Issue 16: field work with or without a signal. Every case read carries its version (ETag); an
 * offline action carries the version it was made on (If-Match); an outbox item carries its own
 * Idempotency-Key. And every door into the network: outreach reports and referrals.
 */
let h: Harness;
const s: Record<string, Session> = {};

beforeAll(async () => {
  h = await startHarness();
  for (const name of ['discoverer', 'station', 'caseworker', 'supervisor', 'caseworker2', 'district.supervisor'])
    s[name] = await signIn(h.app, name);
});
afterAll(async () => h?.stop());

const register = async (name: string) =>
  json(await s.station!.request('POST', '/api/cases', { person: { name, hukou: 'CHENGDU' }, situation: '独居困难' }));
const eventsOf = (caseId: string) => h.db.caseEvent.findMany({ where: { caseId }, orderBy: { seq: 'asc' } });
const community = (name: string) => h.db.orgUnit.findFirstOrThrow({ where: { name }, select: { id: true } });

describe('versions: every case read carries one, and a stale If-Match is refused with the case as it is now', () => {
  it('the case answers its version as ETag, the list carries it, and an action answers the new one', async () => {
    const c = await register('罗奶奶');
    const read = await s.caseworker!.request('GET', `/api/cases/${c.id}`);
    const detail = await json(read);
    expect(detail.version).toBeGreaterThan(0);
    expect(read.headers.get('ETag')).toBe(`"${detail.version}"`);
    const [listed] = await json(await s.caseworker!.request('GET', `/api/cases${q({ filter: { id: [c.id] } })}`));
    expect(listed.version).toBe(detail.version);

    const flagged = await s.caseworker!.request(
      'POST',
      `/api/cases/${c.id}/actions`,
      { type: 'FLAG', flag: 'SAFETY_RISK', reason: '独居且行动不便' },
      { 'If-Match': `"${detail.version}"` },
    );
    expect(flagged.status).toBe(200);
    const after = await json(flagged);
    expect(after.version).toBe(detail.version + 1);
    expect(flagged.headers.get('ETag')).toBe(`"${after.version}"`);
  });

  it('an action on a stale version answers 412 with the current state and writes nothing', async () => {
    const c = await register('韩大爷');
    const { version } = await json(await s.supervisor!.request('GET', `/api/cases/${c.id}`));
    // Meanwhile the case moves (a supervisor suspends it) …
    expect(
      (await s.supervisor!.request('POST', `/api/cases/${c.id}/actions`, { type: 'SUSPEND', reason: '外出务工' }))
        .status,
    ).toBe(200);
    const before = (await eventsOf(c.id)).length;
    // … and an action decided on the old version is refused, not applied over it.
    const stale = await s.caseworker!.request(
      'POST',
      `/api/cases/${c.id}/actions`,
      { type: 'MARK_EMERGENCY', reason: '突发疾病' },
      { 'If-Match': `"${version}"` },
    );
    expect(stale.status).toBe(412);
    const problem = await json(stale);
    expect(problem.errors).toEqual([expect.objectContaining({ field: 'If-Match' })]);
    expect(problem.current).toMatchObject({ id: c.id, state: 'suspended', status: 'SUSPENDED', version: version + 1 });
    expect((await eventsOf(c.id)).length).toBe(before);
  });

  it('refuses an If-Match that is not a version, naming the header', async () => {
    const c = await register('许阿姨');
    const bad = await s.station!.request(
      'POST',
      `/api/cases/${c.id}/notes`,
      { text: '电话回访' },
      { 'If-Match': 'yesterday' },
    );
    expect(bad.status).toBe(422);
    expect((await json(bad)).errors).toEqual([expect.objectContaining({ field: 'if-match' })]);
  });
});

describe('visits and notes recorded offline', () => {
  it('a visit carries its check-in time and place; a note on a case that moved meanwhile still lands', async () => {
    const c = await register('冯婆婆');
    const { version } = await json(await s.station!.request('GET', `/api/cases/${c.id}`));
    await s.caseworker!.request('POST', `/api/cases/${c.id}/actions`, {
      type: 'FLAG',
      flag: 'SAFETY_RISK',
      reason: '煤气灶老化',
    });
    const visitedAt = new Date(Date.now() - 3_600_000).toISOString();
    const visit = await s.station!.request(
      'POST',
      `/api/cases/${c.id}/notes`,
      { text: '入户走访：老人精神尚可', kind: 'VISIT', visitedAt, place: { lat: 30.657, lng: 104.081, accuracyM: 12 } },
      { 'If-Match': `"${version}"`, 'Idempotency-Key': 'outbox-visit-1' },
    );
    expect(visit.status).toBe(201);
    const last = (await eventsOf(c.id)).at(-1)!;
    expect(last).toMatchObject({
      type: 'ADD_NOTE',
      payload: { kind: 'VISIT', visitedAt, place: { lat: 30.657, lng: 104.081, accuracyM: 12 } },
    });
    expect(last.payload).not.toHaveProperty('ifVersion');
  });

  it('the same outbox item sent twice (its Idempotency-Key) has one effect', async () => {
    const c = await register('蒋爷爷');
    const send = () =>
      s.station!.request(
        'POST',
        `/api/cases/${c.id}/notes`,
        { text: '送去米油', kind: 'VISIT' },
        { 'Idempotency-Key': 'outbox-item-42' },
      );
    const [first, second] = [await send(), await send()];
    expect([first.status, second.status]).toEqual([201, 201]);
    expect(await json(second)).toEqual(await json(first));
    const notes = (await eventsOf(c.id)).filter((e) => e.type === 'ADD_NOTE');
    expect(notes).toHaveLength(1);

    // An outreach report sent twice opens one case.
    const report = {
      person: { name: '流浪的老李', hukou: 'CHENGDU', phone: '13800138000' },
      situation: '桥洞下露宿，腿部有伤',
      discovererKind: 'GRID_WORKER',
    };
    const [a, b] = [
      await s.discoverer!.request('POST', '/api/cases', report, { 'Idempotency-Key': 'outbox-report-7' }),
      await s.discoverer!.request('POST', '/api/cases', report, { 'Idempotency-Key': 'outbox-report-7' }),
    ];
    expect([a.status, b.status]).toEqual([201, 201]);
    const opened = await json(a);
    expect((await json(b)).id).toBe(opened.id);
    expect(opened.origin).toBe('OUTREACH');
    expect(await h.db.person.count({ where: { name: '流浪的老李' } })).toBe(1);
    const [openedEvent] = await eventsOf(opened.id);
    expect(openedEvent!.payload).toMatchObject({ origin: 'OUTREACH', discovererKind: 'GRID_WORKER' });
  });

  it('a visit made on a case that a supervisor closed meanwhile is refused (412); sent as a note, it lands', async () => {
    const c = await register('杨伯伯');
    const { version } = await json(await s.station!.request('GET', `/api/cases/${c.id}`));
    expect(
      (await s.supervisor!.request('POST', `/api/cases/${c.id}/actions`, { type: 'CLOSE', reason: 'moved' })).status,
    ).toBe(200);
    const visit = await s.station!.request(
      'POST',
      `/api/cases/${c.id}/notes`,
      { text: '入户走访：已搬去女儿家', kind: 'VISIT', visitedAt: new Date().toISOString() },
      { 'If-Match': `"${version}"`, 'Idempotency-Key': 'outbox-visit-closed' },
    );
    expect(visit.status).toBe(412);
    expect((await json(visit)).current).toMatchObject({ status: 'CLOSED', closureReason: 'moved' });
    const asNote = await s.station!.request(
      'POST',
      `/api/cases/${c.id}/notes`,
      { text: '入户走访：已搬去女儿家', kind: 'NOTE' },
      { 'Idempotency-Key': 'outbox-visit-closed:note' },
    );
    expect(asNote.status).toBe(201);
    expect((await eventsOf(c.id)).at(-1)).toMatchObject({
      type: 'ADD_NOTE',
      toState: 'closed',
      payload: { kind: 'NOTE', text: '入户走访：已搬去女儿家' },
    });
  });

  it('refuses a check-in time in the future, or on anything but a visit, and a place off the globe', async () => {
    const c = await register('秦阿婆');
    const future = await s.station!.request('POST', `/api/cases/${c.id}/notes`, {
      text: '走访',
      kind: 'VISIT',
      visitedAt: new Date(Date.now() + 3_600_000).toISOString(),
    });
    expect(future.status).toBe(422);
    expect((await json(future)).errors).toEqual([expect.objectContaining({ field: 'visitedAt' })]);
    const onNote = await s.station!.request('POST', `/api/cases/${c.id}/notes`, {
      text: '备注',
      kind: 'NOTE',
      visitedAt: new Date().toISOString(),
    });
    expect((await json(onNote)).errors).toEqual([expect.objectContaining({ field: 'visitedAt' })]);
    const offGlobe = await s.station!.request('POST', `/api/cases/${c.id}/notes`, {
      text: '走访',
      kind: 'VISIT',
      place: { lat: 300, lng: 104 },
    });
    expect((await json(offGlobe)).errors).toEqual([expect.objectContaining({ field: 'place.lat' })]);
  });
});

describe('§四(一) referrals by township, district and city staff', () => {
  it('§四(一) 转介 a 12345 hotline referral starts in the community it concerns, with its ticket number', async () => {
    const { id: communityId } = await community('水井坊社区');
    const res = await s.caseworker!.request('POST', '/api/cases', {
      person: { name: '12345来电的赵奶奶', hukou: 'CHENGDU' },
      situation: '邻居来电：老人多日未出门',
      referral: { source: 'HOTLINE_12345', ticketNo: 'SC20261130-0042' },
      communityId,
    });
    expect(res.status).toBe(201);
    const opened = await json(res);
    expect(opened).toMatchObject({
      origin: 'REFERRAL',
      originUnitId: communityId,
      referral: { source: 'HOTLINE_12345', ticketNo: 'SC20261130-0042' },
    });
    const person = await h.db.person.findFirstOrThrow({ where: { name: '12345来电的赵奶奶' } });
    expect(person.communityId).toBe(communityId);
    // The station of that community takes it in (its intake task), as for an outreach report.
    const intake = await h.db.task.findFirstOrThrow({ where: { caseId: opened.id, kind: 'REGISTER' } });
    expect(intake.unitId).toBe(communityId);
    const [event] = await eventsOf(opened.id);
    expect(event!.payload).toMatchObject({ origin: 'REFERRAL', referral: { source: 'HOTLINE_12345' } });
  });

  it('§四(一) 转介 a district supervisor refers for a member department', async () => {
    const department = await h.db.department.findFirstOrThrow({ orderBy: { sortOrder: 'asc' } });
    const { id: communityId } = await community('水井坊社区');
    const res = await s['district.supervisor']!.request('POST', '/api/cases', {
      person: { name: '残联转介的小周', hukou: 'CHENGDU' },
      situation: '残联转来：需要康复辅具',
      referral: { source: 'DEPARTMENT', departmentCode: department.code },
      communityId,
    });
    expect(res.status).toBe(201);
    expect((await json(res)).referral).toEqual({ source: 'DEPARTMENT', departmentCode: department.code });
  });

  it('refuses a referral without its source or community, outside the jurisdiction, or from a station', async () => {
    const { id: communityId } = await community('水井坊社区');
    const person = { name: '不该登记的人', hukou: 'CHENGDU' };
    const missing = await s.caseworker!.request('POST', '/api/cases', { person, situation: '转介' });
    expect(missing.status).toBe(422);
    expect((await json(missing)).errors.map((e: { field: string }) => e.field)).toEqual(['referral', 'communityId']);

    const elsewhere = await s.caseworker2!.request('POST', '/api/cases', {
      person,
      situation: '转介',
      referral: { source: 'HOTLINE_12345', ticketNo: 'T-0001' },
      communityId,
    });
    expect(elsewhere.status).toBe(422);
    expect((await json(elsewhere)).errors).toEqual([expect.objectContaining({ field: 'communityId' })]);

    const unknownDepartment = await s.caseworker!.request('POST', '/api/cases', {
      person,
      situation: '转介',
      referral: { source: 'DEPARTMENT', departmentCode: 'NO_SUCH' },
      communityId,
    });
    expect((await json(unknownDepartment)).errors).toEqual([
      expect.objectContaining({ field: 'referral.departmentCode' }),
    ]);

    const badTicket = await s.caseworker!.request('POST', '/api/cases', {
      person,
      situation: '转介',
      referral: { source: 'HOTLINE_12345', ticketNo: '<script>' },
      communityId,
    });
    expect((await json(badTicket)).errors).toEqual([expect.objectContaining({ field: 'referral.ticketNo' })]);

    const fromStation = await s.station!.request('POST', '/api/cases', {
      person,
      situation: '转介',
      referral: { source: 'HOTLINE_12345', ticketNo: 'T-0002' },
    });
    expect((await json(fromStation)).errors).toEqual([expect.objectContaining({ field: 'referral' })]);
    expect(await h.db.person.count({ where: { name: '不该登记的人' } })).toBe(0);
  });
});
