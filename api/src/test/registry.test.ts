import { decryptIdNumber, verifyAuditChain } from '@guanai/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, q, residentId, signIn, startHarness, type Harness, type Session } from './harness.ts';

let h: Harness;
let station: Session;
let caseworker: Session;
let supervisor: Session;
let other: Session;
const community = (code: string) => h.db.orgUnit.findUniqueOrThrow({ where: { code } });

beforeAll(async () => {
  h = await startHarness();
  [station, caseworker, supervisor, other] = (await Promise.all(
    ['station', 'caseworker', 'supervisor', 'caseworker2'].map((u) => signIn(h.app, u)),
  )) as [Session, Session, Session, Session];
});
afterAll(async () => h?.stop());

describe('registry of people (困难群众基本信息库)', () => {
  it('registers a person in a new household they head, with the identity number encrypted, looked up by hash and masked', async () => {
    const number = residentId('51010419480312002');
    const res = await station.request('POST', '/api/people', {
      name: '陈淑芬',
      idNumber: number,
      phone: '13900000011',
      address: '水井坊街 8 号 2 单元',
      hukou: 'CHENGDU',
      tags: ['ELDERLY_ALONE', 'DISABILITY'],
    });
    expect(res.status).toBe(201);
    const person = await json(res);
    // Birth date and sex come from the number when they are left out.
    expect(person).toMatchObject({
      name: '陈淑芬',
      idType: 'RESIDENT_ID',
      idNumberMasked: `5101**********${number.slice(-4)}`,
      birthDate: '1948-03-12',
      sex: 'F',
      relation: 'HEAD',
      tags: ['ELDERLY_ALONE', 'DISABILITY'],
    });
    expect(JSON.stringify(person)).not.toContain(number);

    // Nothing in the raw table reads as the number; the ciphertext decrypts to it with the key.
    const [raw] = await h.db.$queryRaw<Record<string, unknown>[]>`SELECT * FROM person WHERE id = ${person.id}::uuid`;
    expect(JSON.stringify(raw)).not.toContain(number);
    expect(JSON.stringify(raw)).not.toContain(number.slice(6, 14));
    expect(decryptIdNumber(String(raw!.id_number_enc), h.keys)).toBe(number);

    // The full number is found by its keyed hash.
    const found = await json(await caseworker.request('GET', `/api/people${q({ filter: { q: number } })}`));
    expect(found.map((p: { id: string }) => p.id)).toEqual([person.id]);
  });

  it('refuses a resident number whose check digit, birth date or sex does not agree, naming the field', async () => {
    const number = residentId('51010419600101003');
    const bad = [
      [{ name: '甲', idNumber: number.slice(0, 17) + (number[17] === '1' ? '2' : '1'), hukou: 'CHENGDU' }, 'idNumber'],
      [{ name: '乙', idNumber: number, birthDate: '1960-01-02', hukou: 'CHENGDU' }, 'birthDate'],
      [{ name: '丙', idNumber: number, sex: 'F', hukou: 'CHENGDU' }, 'sex'],
      [{ name: '丁', idType: 'PASSPORT', idNumber: 'E1', hukou: 'OTHER' }, 'idNumber'],
      [{ name: '戊', idType: 'PASSPORT', hukou: 'OTHER' }, 'idNumber'],
      [{ name: '己', hukou: 'CHENGDU', tags: ['RICH'] }, 'tags.0'],
    ] as const;
    for (const [body, field] of bad) {
      const res = await station.request('POST', '/api/people', body);
      expect(res.status, JSON.stringify(body)).toBe(422);
      expect((await json(res)).errors.map((e: { field: string }) => e.field)).toContain(field);
    }
  });

  it('registers people without a resident number: another document, or none', async () => {
    const passport = await json(
      await station.request('POST', '/api/people', {
        name: 'Anna Petrova',
        idType: 'PASSPORT',
        idNumber: 'e12345678',
        hukou: 'OTHER',
      }),
    );
    expect(passport).toMatchObject({ idType: 'PASSPORT', idNumberMasked: 'E******78' });
    const none = await station.request('POST', '/api/people', { name: '无证老人', hukou: 'CHENGDU' });
    expect(await json(none)).toMatchObject({ idType: null, idNumberMasked: null });
  });

  it('the same identity document twice is a duplicate that cannot be overridden, with a link to the record', async () => {
    const number = residentId('51010419550505001');
    const first = await json(
      await station.request('POST', '/api/people', { name: '李国华', idNumber: number, hukou: 'CHENGDU' }),
    );
    const res = await station.request('POST', '/api/people', {
      name: '李国华',
      idNumber: number,
      hukou: 'CHENGDU',
      confirmNotDuplicate: true,
    });
    expect(res.status).toBe(409);
    const problem = await json(res);
    expect(problem.type).toBe('urn:guanai:problem:duplicate-person');
    expect(problem.duplicates).toEqual([
      expect.objectContaining({
        id: first.id,
        name: '李国华',
        match: 'ID_NUMBER',
        idNumberMasked: first.idNumberMasked,
      }),
    ]);
    // From another township: the record exists, but whose it is stays hidden.
    const eastLake = await community('510104018001');
    const fromOutside = await json(
      await other.request('POST', '/api/people', {
        name: '李国华',
        idNumber: number,
        hukou: 'CHENGDU',
        communityId: eastLake.id,
      }),
    );
    expect(fromOutside.duplicates).toEqual([expect.objectContaining({ id: null, name: '李*华', match: 'ID_NUMBER' })]);
    expect(await h.db.person.count({ where: { name: '李国华' } })).toBe(1);
  });

  it('the same phone, or a similar name at the same address, is a possible duplicate until the worker confirms', async () => {
    const first = await json(
      await station.request('POST', '/api/people', {
        name: '王建国',
        phone: '13900000021',
        address: '锦江区水井坊街12号',
        hukou: 'CHENGDU',
      }),
    );
    const samePhone = await station.request('POST', '/api/people', {
      name: '王小红',
      phone: '13900000021',
      hukou: 'CHENGDU',
    });
    expect(samePhone.status).toBe(409);
    expect(await json(samePhone)).toMatchObject({
      type: 'urn:guanai:problem:possible-duplicate',
      duplicates: [{ id: first.id, match: 'PHONE' }],
    });

    // One character apart, and the address written with full-width digits and spaces.
    const similar = await station.request('POST', '/api/people', {
      name: '王建图',
      address: '锦江区 水井坊街１２号',
      hukou: 'CHENGDU',
    });
    expect(await json(similar)).toMatchObject({
      type: 'urn:guanai:problem:possible-duplicate',
      duplicates: [{ id: first.id, match: 'NAME_ADDRESS' }],
    });
    // A different name at the same address is a neighbour, not a duplicate.
    expect(
      (await station.request('POST', '/api/people', { name: '赵敏', address: '锦江区水井坊街12号', hukou: 'CHENGDU' }))
        .status,
    ).toBe(201);

    const confirmed = await station.request('POST', '/api/people', {
      name: '王小红',
      phone: '13900000021',
      hukou: 'CHENGDU',
      confirmNotDuplicate: true,
    });
    expect(confirmed.status).toBe(201);
    // The early warning while typing says the same.
    const check = await json(
      await station.request('POST', '/api/people/duplicates', { name: '王建国', phone: '13900000021' }),
    );
    expect(check.duplicates.map((d: { match: string }) => d.match)).toEqual(['PHONE', 'PHONE']);
  });

  it('a household: members join it with their relation, share its address, and may share its phone', async () => {
    const head = await json(
      await station.request('POST', '/api/people', {
        name: '刘德明',
        phone: '13900000031',
        address: '合江亭路3号',
        hukou: 'CHENGDU',
        tags: ['SERIOUS_ILLNESS'],
      }),
    );
    const child = await station.request('POST', '/api/people', {
      name: '刘小雨',
      phone: '13900000031',
      hukou: 'CHENGDU',
      householdId: head.householdId,
      relation: 'CHILD',
      tags: ['LEFT_BEHIND_CHILD'],
    });
    expect(child.status).toBe(201);
    expect(await json(child)).toMatchObject({
      householdId: head.householdId,
      relation: 'CHILD',
      address: '合江亭路3号',
    });
    const page = await json(await caseworker.request('GET', `/api/people/${head.id}`));
    expect(page.household.members.map((m: { name: string; relation: string }) => [m.name, m.relation])).toEqual([
      ['刘德明', 'HEAD'],
      ['刘小雨', 'CHILD'],
    ]);
    // A household outside the caller's jurisdiction cannot be joined.
    const eastLake = await community('510104018001');
    const res = await other.request('POST', '/api/people', {
      name: '外人',
      hukou: 'CHENGDU',
      communityId: eastLake.id,
      householdId: head.householdId,
    });
    expect(res.status).toBe(422);
    expect((await json(res)).errors[0].field).toBe('householdId');
  });

  it('lists only the jurisdiction: a sibling township sees none of these people and gets 404 for each', async () => {
    const mine = await json(await caseworker.request('GET', `/api/people${q({ range: [0, 99] })}`));
    expect(mine.length).toBeGreaterThan(5);
    expect(await json(await other.request('GET', `/api/people${q({ range: [0, 99] })}`))).toEqual([]);
    expect((await other.request('GET', `/api/people/${mine[0].id}`)).status).toBe(404);
    const byTag = await json(await caseworker.request('GET', `/api/people${q({ filter: { tag: 'ELDERLY_ALONE' } })}`));
    expect(byTag.map((p: { name: string }) => p.name)).toEqual(['陈淑芬']);
  });

  it('the full number is shown for a reason, and each view is audited with who and why', async () => {
    const number = residentId('51010419700707007');
    const person = await json(
      await station.request('POST', '/api/people', { name: '周杰', idNumber: number, hukou: 'CHENGDU' }),
    );
    expect((await caseworker.request('GET', `/api/people/${person.id}/id-number`)).status).toBe(422);
    const manager = await signIn(h.app, 'manager');
    expect(
      (await manager.request('GET', `/api/people/${person.id}/id-number?reason=${encodeURIComponent('核对身份信息')}`))
        .status,
    ).toBe(403);
    const res = await caseworker.request(
      'GET',
      `/api/people/${person.id}/id-number?reason=${encodeURIComponent('核对身份信息')}`,
    );
    expect(await json(res)).toEqual({ idType: 'RESIDENT_ID', idNumber: number });
    const me = await h.db.user.findUniqueOrThrow({ where: { username: 'caseworker' } });
    expect(
      await h.db.auditEntry.findFirst({ where: { action: 'person.id-number.view', target: `person:${person.id}` } }),
    ).toMatchObject({ actorId: me.id, reason: '核对身份信息' });
  });

  it('updates only the fields the registry owns; unit, household, owner, merge and hash fields are refused and nothing changes', async () => {
    const person = await json(await station.request('POST', '/api/people', { name: '孙红', hukou: 'CHENGDU' }));
    const eastLake = await community('510104018001');
    for (const field of [
      { communityId: eastLake.id },
      { householdId: person.id },
      { createdById: person.id },
      { mergedIntoId: person.id },
      { idNumberHash: 'x' },
      { idNumberMasked: '1' },
      { id: person.id },
    ]) {
      const res = await caseworker.request('PUT', `/api/people/${person.id}`, { phone: '13900000041', ...field });
      expect(res.status, JSON.stringify(field)).toBe(422);
      expect((await json(res)).errors[0]).toMatchObject({ field: '(body)' });
    }
    const row = await h.db.person.findUniqueOrThrow({ where: { id: person.id } });
    expect(row).toMatchObject({
      phone: null,
      communityId: person.communityId,
      householdId: person.householdId,
      mergedIntoId: null,
    });
    const updated = await json(
      await caseworker.request('PUT', `/api/people/${person.id}`, {
        phone: '13900000041',
        tags: ['UNEMPLOYED'],
        address: '交子大道1号',
      }),
    );
    expect(updated).toMatchObject({ phone: '13900000041', tags: ['UNEMPLOYED'], address: '交子大道1号' });
  });

  it('cases: a new person is duplicate-checked, a registered one is named by personId, and one open case per person', async () => {
    const number = residentId('51010419660606006');
    const person = await json(
      await station.request('POST', '/api/people', { name: '吴芳', idNumber: number, hukou: 'CHENGDU' }),
    );
    const dup = await station.request('POST', '/api/cases', {
      person: { name: '吴芳', idNumber: number, hukou: 'CHENGDU' },
      situation: '困难',
    });
    expect(dup.status).toBe(409);
    expect(await json(dup)).toMatchObject({
      type: 'urn:guanai:problem:duplicate-person',
      duplicates: [{ id: person.id }],
    });
    const opened = await station.request('POST', '/api/cases', { personId: person.id, situation: '独居，腿脚不便' });
    expect(opened.status).toBe(201);
    const again = await station.request('POST', '/api/cases', { personId: person.id, situation: '再次申请' });
    expect(again.status).toBe(409);
    expect((await json(again)).type).toBe('urn:guanai:problem:duplicate-case');
    const both = await station.request('POST', '/api/cases', {
      personId: person.id,
      person: { name: '吴芳', hukou: 'CHENGDU' },
      situation: 'x',
    });
    expect(both.status).toBe(422);
    const page = await json(await caseworker.request('GET', `/api/people/${person.id}`));
    expect(page.cases).toHaveLength(1);
    expect(page.openCases).toBe(1);
  });

  it('a supervisor merges a duplicate: the kept record takes its cases, empty fields and tags; the duplicate leaves the lists', async () => {
    const kept = await json(
      await station.request('POST', '/api/people', {
        name: '郑国强',
        address: '交子社区5栋',
        hukou: 'CHENGDU',
        tags: ['DIBAO'],
      }),
    );
    const duplicate = await json(
      await station.request('POST', '/api/people', {
        name: '郑国强',
        idNumber: residentId('51010419580808008'),
        phone: '13900000051',
        hukou: 'CHENGDU',
        tags: ['SERIOUS_ILLNESS'],
      }),
    );
    const created = await json(
      await station.request('POST', '/api/cases', { personId: duplicate.id, situation: '医疗费用缺口大' }),
    );
    const reason = '同一人重复登记，证件号与住址核实一致';
    expect(
      (await caseworker.request('POST', `/api/people/${duplicate.id}/merge`, { intoId: kept.id, reason })).status,
    ).toBe(403);
    expect(
      (await supervisor.request('POST', `/api/people/${duplicate.id}/merge`, { intoId: kept.id, reason: 'x' })).status,
    ).toBe(422);
    const res = await supervisor.request('POST', `/api/people/${duplicate.id}/merge`, { intoId: kept.id, reason });
    expect(res.status).toBe(200);
    expect(await json(res)).toMatchObject({
      id: kept.id,
      phone: '13900000051',
      address: '交子社区5栋',
      idNumberMasked: duplicate.idNumberMasked,
      tags: ['DIBAO', 'SERIOUS_ILLNESS'],
      openCases: 1,
    });
    expect((await h.db.case.findUniqueOrThrow({ where: { id: created.id } })).personId).toBe(kept.id);
    expect(await json(await supervisor.request('GET', `/api/people/${duplicate.id}`))).toMatchObject({
      mergedIntoId: kept.id,
    });
    const listed = await json(await supervisor.request('GET', `/api/people${q({ filter: { q: '郑国强' } })}`));
    expect(listed.map((p: { id: string }) => p.id)).toEqual([kept.id]);
    expect(await h.db.auditEntry.findFirst({ where: { action: 'person.merge' } })).toMatchObject({
      target: `person:${kept.id}`,
      reason,
      detail: { merged: duplicate.id, casesMoved: 1 },
    });
    // Already merged, and two different documents, are refused.
    expect(
      (await supervisor.request('POST', `/api/people/${duplicate.id}/merge`, { intoId: kept.id, reason })).status,
    ).toBe(409);
    const a = await json(
      await station.request('POST', '/api/people', {
        name: '钱一',
        idNumber: residentId('51010419800101001'),
        hukou: 'CHENGDU',
      }),
    );
    const b = await json(
      await station.request('POST', '/api/people', {
        name: '钱一',
        idNumber: residentId('51010419800101002'),
        hukou: 'CHENGDU',
      }),
    );
    const different = await supervisor.request('POST', `/api/people/${a.id}/merge`, { intoId: b.id, reason });
    expect(different.status).toBe(409);
    expect((await json(different)).type).toBe('urn:guanai:problem:different-documents');
  });

  it('exports the jurisdiction as CSV with masked numbers and phones, and the export is audited', async () => {
    const res = await caseworker.request('GET', '/api/people/export');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/csv');
    const bytes = Buffer.from(await res.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // the BOM Excel needs for UTF-8
    const csv = bytes.subarray(3).toString('utf8');
    expect(csv.startsWith('姓名,性别,出生日期')).toBe(true);
    expect(csv).toContain('陈淑芬');
    expect(csv).toContain('5101**********');
    expect(csv).not.toMatch(/\d{17}[\dX]/);
    expect(csv).not.toMatch(/1\d{10}/);
    expect(csv).toContain('139****0011');
    expect(await h.db.auditEntry.findFirst({ where: { action: 'person.export' } })).toBeTruthy();
    expect(await verifyAuditChain(h.db)).toMatchObject({ ok: true });
  });
});
