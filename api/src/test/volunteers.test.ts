import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseInMatching, json, q, residentId, signIn, startHarness, type Harness, type Session } from './harness.ts';

/**
 * Volunteers (志愿者, §四(三) 志愿服务, issue 19) through the API against real PostgreSQL and Temporal:
 * registration by a station and by the volunteer themself with the team's approval, assignments to a
 * case's visits, check-in and check-out across midnight, the append-only hours ledger with its
 * corrections and certificate, what a volunteer and a team see of a case, and bad input.
 */
let h: Harness;
const s: Record<string, Session> = {};
const ids: Record<string, string> = {};
const PASSWORD = 'volunteer-pass-1';
const ID_NUMBER = residentId('51010419480709002');
const PERSON = {
  name: '黄秀英',
  idNumber: ID_NUMBER,
  phone: '13900007001',
  address: '水井坊街 70 号',
  hukou: 'CHENGDU',
  tags: ['ELDERLY_ALONE'],
};
const SITUATION = '老人独居，行动不便，需要定期探访';

/** Today in Beijing, and a day `n` days from it (YYYY-MM-DD). */
const beijingToday = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
const dayFrom = (date: string, n: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

const counts = async () => ({
  users: await h.db.user.count(),
  volunteers: await h.db.volunteer.count(),
  assignments: await h.db.volunteerAssignment.count(),
  attendances: await h.db.volunteerAttendance.count(),
  openAttendances: await h.db.volunteerAttendance.count({ where: { checkedOutAt: null } }),
  hours: await h.db.volunteerHours.count(),
});

const register = (who: Session, body: Record<string, unknown>) => who.request('POST', '/api/volunteers', body);
const publicRegister = async (body: Record<string, unknown>) =>
  h.app.request('/api/public/volunteers', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
const assign = (who: Session, body: Record<string, unknown>) => who.request('POST', '/api/volunteer-assignments', body);
const checkIn = (who: Session, id: string, at?: string) =>
  who.request('POST', `/api/volunteer-assignments/${id}/check-in`, at ? { at } : {});
const checkOut = (who: Session, id: string, at?: string) =>
  who.request('POST', `/api/volunteer-assignments/${id}/check-out`, at ? { at } : {});

const fieldOf = async (res: Response) => ((await json(res)).errors ?? []).map((e: { field: string }) => e.field);

beforeAll(async () => {
  h = await startHarness();
  for (const name of ['station', 'caseworker', 'supervisor', 'caseworker2', 'admin', 'partner', 'manager'])
    s[name] = await signIn(h.app, name);
  const team = await h.db.partner.findUniqueOrThrow({ where: { name: '水井坊志愿服务队' } });
  ids.team = team.id;
  // The volunteer team's own partner user: the seed's `team` acts for 水井坊志愿服务队.
  expect((await h.db.user.findUniqueOrThrow({ where: { username: 'team' } })).partnerId).toBe(team.id);
  s.team = await signIn(h.app, 'team');
  ids.community = (await h.db.orgUnit.findUniqueOrThrow({ where: { code: '510104017001' } })).id; // 水井坊社区
  ids.otherTownshipCommunity = (
    await h.db.orgUnit.findFirstOrThrow({
      where: { level: 'COMMUNITY', parent: { code: '510104018000' } },
    })
  ).id;
  ids.case = await caseInMatching(
    h,
    { station: s.station!, caseworker: s.caseworker!, supervisor: s.supervisor! },
    { person: PERSON, situation: SITUATION },
    [{ category: 'CARE', severity: 'HIGH', description: '需要每周探访' }],
  );
  // The team's own visiting service, matched to the case's need and accepted by the team.
  const resource = await json(
    await s.admin!.request('POST', '/api/resources', {
      kind: 'VOLUNTEER_SERVICE',
      name: '志愿者测试探访',
      providerId: team.id,
      coverageUnitId: (await h.db.orgUnit.findUniqueOrThrow({ where: { code: '510104017000' } })).id,
      categories: ['CARE'],
      capacity: 5,
      validFrom: '2026-01-01',
      validTo: '2030-12-31',
    }),
  );
  await s.admin!.request('POST', `/api/resources/${resource.id}/status`, { status: 'PUBLISHED' });
  const match = await json(
    await s.caseworker!.request('POST', `/api/cases/${ids.case}/matches`, { needIndex: 0, resourceId: resource.id }),
  );
  ids.match = match.id;
  expect((await s.team!.request('POST', `/api/matches/${match.id}/accept`)).status).toBe(200);
});
afterAll(async () => h?.stop());

describe('§四(三) 志愿服务: registering volunteers', () => {
  it('a station registers an active volunteer who signs in at once; the phone is masked to all but the volunteer', async () => {
    const res = await register(s.station!, {
      name: '李志愿',
      phone: '139 0000 1234',
      username: 'vol.li',
      password: PASSWORD,
      skills: ['陪伴', '代购'],
      languages: ['四川话'],
      availability: '周末',
      teamId: ids.team,
      communityIds: [ids.community],
    });
    expect(res.status).toBe(201);
    const created = await json(res);
    expect(created).toMatchObject({
      name: '李志愿',
      phone: '139****1234',
      status: 'ACTIVE',
      selfRegistered: false,
      team: { id: ids.team, name: '水井坊志愿服务队' },
      communities: [{ id: ids.community, name: '水井坊社区' }],
      totalMinutes: 0,
      totalHours: '0.00',
    });
    ids.volunteer = created.id;
    // Stored encrypted, never in clear text.
    const row = await h.db.volunteer.findUniqueOrThrow({ where: { id: created.id } });
    expect(row.phoneEnc).not.toContain('13900001234');
    const login = await h.db.user.findUniqueOrThrow({ where: { id: row.userId } });
    expect(login).toMatchObject({ role: 'VOLUNTEER', orgUnitId: ids.community, partnerId: ids.team, active: true });

    s.volunteer = await signIn(h.app, 'vol.li', PASSWORD);
    expect(await json(await s.volunteer.request('GET', '/api/volunteers/me'))).toMatchObject({
      id: created.id,
      phone: '13900001234',
      openAttendance: null,
    });
    expect((await json(await s.volunteer.request('GET', `/api/volunteers/${created.id}`))).phone).toBe('139****1234');

    // The township's caseworker and the team see the volunteer; another township and another partner do not.
    const listed = (who: Session) =>
      who.request('GET', `/api/volunteers${q({ filter: {} })}`).then(json) as Promise<{ id: string }[]>;
    expect((await listed(s.caseworker!)).map((v) => v.id)).toContain(created.id);
    expect((await listed(s.team!)).map((v) => v.id)).toEqual([created.id]);
    expect((await listed(s.caseworker2!)).map((v) => v.id)).not.toContain(created.id);
    expect(await listed(s.partner!)).toEqual([]);
    expect((await s.caseworker2!.request('GET', `/api/volunteers/${created.id}`)).status).toBe(404);
    // A staff registrar registers for its own jurisdiction only; a username is taken once.
    const outside = await register(s.station!, {
      name: '王志愿',
      phone: '13900001235',
      username: 'vol.wang',
      password: PASSWORD,
      communityIds: [ids.otherTownshipCommunity],
    });
    expect(outside.status).toBe(422);
    expect(await fieldOf(outside)).toEqual(['communityIds']);
    const taken = await register(s.station!, {
      name: '李志愿',
      phone: '13900001234',
      username: 'vol.li',
      password: PASSWORD,
      communityIds: [ids.community],
    });
    expect(taken.status).toBe(409);
    expect(await fieldOf(taken)).toEqual(['username']);
    // The user admin does not make volunteers.
    const viaUsers = await s.admin!.request('POST', '/api/users', {
      username: 'vol.admin',
      displayName: 'x',
      role: 'VOLUNTEER',
      orgUnitId: ids.community,
    });
    expect(viaUsers.status).toBe(422);
    expect(await fieldOf(viaUsers)).toEqual(['role']);
  });

  it('self-registration is PENDING and cannot sign in until the team approves; a decline keeps the login shut', async () => {
    const teams = await json(await h.app.request('/api/public/volunteer-teams'));
    expect(teams).toContainEqual({ id: ids.team, name: '水井坊志愿服务队' });
    const res = await publicRegister({
      name: '赵自荐',
      phone: '13900002001',
      username: 'vol.zhao',
      password: PASSWORD,
      skills: ['驾驶'],
      teamId: ids.team,
      communityIds: [ids.community],
    });
    expect(res.status).toBe(201);
    expect(await json(res)).toEqual({
      status: 'PENDING',
      username: 'vol.zhao',
      team: { id: ids.team, name: '水井坊志愿服务队' },
    });
    await expect(signIn(h.app, 'vol.zhao', PASSWORD)).rejects.toThrow(/401/);
    const pending = await h.db.volunteer.findFirstOrThrow({ where: { user: { username: 'vol.zhao' } } });
    expect(pending).toMatchObject({ status: 'PENDING', registeredById: null });
    const home = await json(await s.team!.request('GET', '/api/home'));
    expect(home.volunteersToApprove).toMatchObject({
      value: 1,
      link: { to: 'volunteers', filter: { status: 'PENDING' } },
    });

    // The team decides, not the station (the volunteer has a team).
    expect((await s.station!.request('POST', `/api/volunteers/${pending.id}/approve`)).status).toBe(403);
    const approved = await s.team!.request('POST', `/api/volunteers/${pending.id}/approve`);
    expect(approved.status).toBe(200);
    expect(await json(approved)).toMatchObject({
      status: 'ACTIVE',
      decidedBy: { displayName: '志愿服务队 队长 郑宇' },
    });
    expect((await s.team!.request('POST', `/api/volunteers/${pending.id}/approve`)).status).toBe(409);
    await signIn(h.app, 'vol.zhao', PASSWORD);

    const other = await publicRegister({
      name: '钱自荐',
      phone: '13900002002',
      username: 'vol.qian',
      password: PASSWORD,
      teamId: ids.team,
      communityIds: [ids.community],
    });
    expect(other.status).toBe(201);
    const qian = await h.db.volunteer.findFirstOrThrow({ where: { user: { username: 'vol.qian' } } });
    const declined = await s.team!.request('POST', `/api/volunteers/${qian.id}/decline`, { reason: '暂不招募' });
    expect(await json(declined)).toMatchObject({ status: 'DECLINED', declineReason: '暂不招募' });
    await expect(signIn(h.app, 'vol.qian', PASSWORD)).rejects.toThrow(/401/);
  });
});

describe('§四(三) 志愿服务: assignments, check-in and check-out, and the hours ledger', () => {
  const visitDay = dayFrom(beijingToday(), -2);

  it('check-in at 23:10 and check-out at 01:40 the next day (Beijing) is 150 minutes on the check-in’s date; a retried check-out writes one entry', async () => {
    const res = await assign(s.caseworker!, {
      volunteerId: ids.volunteer,
      caseId: ids.case,
      kind: 'VISIT',
      scheduledOn: visitDay,
      note: '夜间陪护',
    });
    expect(res.status).toBe(201);
    ids.assignment = (await json(res)).id;
    const checkedIn = await checkIn(s.volunteer!, ids.assignment!, `${visitDay}T23:10:00+08:00`);
    expect(checkedIn.status).toBe(200);
    expect((await json(checkedIn)).checkedInAt).toBe(new Date(`${visitDay}T23:10:00+08:00`).toISOString());
    // Checking in again answers the same, and opens no second duty.
    expect((await json(await checkIn(s.volunteer!, ids.assignment!))).checkedInAt).toBe(
      new Date(`${visitDay}T23:10:00+08:00`).toISOString(),
    );
    const me = await json(await s.volunteer!.request('GET', '/api/volunteers/me'));
    expect(me.openAttendance).toMatchObject({ assignmentId: ids.assignment });

    const outAt = `${dayFrom(visitDay, 1)}T01:40:00+08:00`;
    const out = await checkOut(s.volunteer!, ids.assignment!, outAt);
    expect(out.status).toBe(200);
    const done = await json(out);
    expect(done).toMatchObject({
      status: 'DONE',
      checkedInAt: null,
      attendance: [{ minutes: 150, serviceDate: visitDay, checkedOutAt: new Date(outAt).toISOString() }],
    });
    // A retry (even with another time) is the same answer, and the ledger has one entry.
    const retry = await checkOut(s.volunteer!, ids.assignment!, `${dayFrom(visitDay, 1)}T02:40:00+08:00`);
    expect(retry.status).toBe(200);
    expect(await json(retry)).toEqual(done);
    const entries = await h.db.volunteerHours.findMany({ where: { volunteerId: ids.volunteer } });
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ kind: 'SERVICE', minutes: 150 });
    expect(entries[0]!.serviceDate.toISOString().slice(0, 10)).toBe(visitDay);
    ids.serviceEntry = entries[0]!.id;
    const ledger = await json(await s.volunteer!.request('GET', `/api/volunteers/${ids.volunteer}/hours`));
    expect(ledger).toMatchObject({ totalMinutes: 150, totalHours: '2.50' });
  });

  it('a correction of −30 with a reason is a new entry: 120 in total, the original entry unchanged', async () => {
    const before = await h.db.volunteerHours.findUniqueOrThrow({ where: { id: ids.serviceEntry } });
    const res = await s.team!.request('POST', `/api/volunteers/${ids.volunteer}/hours/corrections`, {
      minutes: -30,
      reason: '中途离开半小时',
      correctsId: ids.serviceEntry,
    });
    expect(res.status).toBe(201);
    expect(await json(res)).toMatchObject({ kind: 'CORRECTION', minutes: -30, serviceDate: visitDay });
    const ledger = await json(await s.caseworker!.request('GET', `/api/volunteers/${ids.volunteer}/hours`));
    expect(ledger.totalMinutes).toBe(120);
    expect(ledger.totalHours).toBe('2.00');
    expect(ledger.entries.map((e: { kind: string; minutes: number }) => [e.kind, e.minutes])).toEqual([
      ['SERVICE', 150],
      ['CORRECTION', -30],
    ]);
    expect(await h.db.volunteerHours.findUniqueOrThrow({ where: { id: ids.serviceEntry } })).toEqual(before);
    // Never below zero: neither the entry nor the total.
    const tooMuch = await s.station!.request('POST', `/api/volunteers/${ids.volunteer}/hours/corrections`, {
      minutes: -121,
      reason: '录入错误',
    });
    expect(tooMuch.status).toBe(422);
    expect(await fieldOf(tooMuch)).toEqual(['minutes']);
    expect(await h.db.volunteerHours.count({ where: { volunteerId: ids.volunteer } })).toBe(2);
  });

  it('the ledger refuses UPDATE and DELETE at the database; a check-out is written once', async () => {
    await expect(
      h.db.$executeRaw`UPDATE volunteer_hours SET minutes = 999 WHERE id = ${ids.serviceEntry}::uuid`,
    ).rejects.toThrow(/append-only/);
    await expect(h.db.$executeRaw`DELETE FROM volunteer_hours WHERE id = ${ids.serviceEntry}::uuid`).rejects.toThrow(
      /append-only/,
    );
    await expect(
      h.db
        .$executeRaw`UPDATE volunteer_attendance SET checked_out_at = now() WHERE assignment_id = ${ids.assignment}::uuid`,
    ).rejects.toThrow(/check-out, once/);
    expect((await h.db.volunteerHours.findUniqueOrThrow({ where: { id: ids.serviceEntry } })).minutes).toBe(150);
  });

  it('the certificate’s total is the SUM of the ledger for the period, and leaves out entries outside it; each issue is audited', async () => {
    const earlier = dayFrom(visitDay, -5);
    const res = await s.station!.request('POST', `/api/volunteers/${ids.volunteer}/hours/corrections`, {
      minutes: 45,
      reason: '补录纸质签到',
      serviceDate: earlier,
    });
    expect(res.status).toBe(201);
    const period = { from: visitDay, to: dayFrom(visitDay, 1) };
    const cert = await s.volunteer!.request(
      'GET',
      `/api/volunteers/${ids.volunteer}/certificate?from=${period.from}&to=${period.to}`,
    );
    expect(cert.status).toBe(200);
    const certificate = await json(cert);
    const [sum] = await h.db.$queryRaw<{ total: number }[]>`
      SELECT coalesce(sum(minutes), 0)::int AS total FROM volunteer_hours
      WHERE volunteer_id = ${ids.volunteer}::uuid AND service_date BETWEEN ${period.from}::date AND ${period.to}::date`;
    expect(certificate).toMatchObject({
      volunteer: { name: '李志愿', team: '水井坊志愿服务队' },
      ...period,
      totalMinutes: sum!.total,
      totalHours: '2.00',
      serial: expect.stringMatching(/^ZYFW-\d{8}-[2-9A-Z]{6}$/),
    });
    expect(sum!.total).toBe(120);
    expect(certificate.entries.map((e: { serviceDate: string }) => e.serviceDate)).not.toContain(earlier);
    expect(certificate.entries.reduce((total: number, e: { minutes: number }) => total + e.minutes, 0)).toBe(120);
    // The whole ledger has the earlier entry too.
    expect((await json(await s.volunteer!.request('GET', `/api/volunteers/${ids.volunteer}/hours`))).totalMinutes).toBe(
      165,
    );
    const audit = await h.db.auditEntry.findFirstOrThrow({
      where: { action: 'volunteer.certificate', target: `volunteer:${ids.volunteer}` },
    });
    expect(audit.detail).toMatchObject({ serial: certificate.serial, totalMinutes: 120 });
  });

  it('a volunteer and their team see only what the visit needs of the case: no identity number, phone, situation or needs', async () => {
    // The team sends its volunteer on the match it accepted; the case comes from the match.
    const res = await assign(s.team!, {
      volunteerId: ids.volunteer,
      matchId: ids.match,
      kind: 'DELIVERY',
      scheduledOn: beijingToday(),
    });
    expect(res.status).toBe(201);
    ids.teamAssignment = (await json(res)).id;
    for (const who of [s.volunteer!, s.team!]) {
      const one = await json(await who.request('GET', `/api/volunteer-assignments/${ids.teamAssignment}`));
      expect(Object.keys(one).sort()).toEqual(
        [
          'id',
          'kind',
          'status',
          'scheduledOn',
          'note',
          'volunteer',
          'case',
          'checkedInAt',
          'attendance',
          'cancelReason',
          'assignedBy',
          'createdAt',
        ].sort(),
      );
      expect(one.case).toEqual({
        number: expect.stringMatching(/^GA-/),
        person: '黄*英',
        community: '水井坊社区',
        address: '水井坊街 70 号',
      });
      const all = JSON.stringify(await json(await who.request('GET', '/api/volunteer-assignments')));
      for (const secret of [
        ID_NUMBER,
        ID_NUMBER.slice(-6),
        PERSON.phone,
        SITUATION,
        '需要每周探访',
        '黄秀英',
        ids.case!,
      ])
        expect(all).not.toContain(secret);
    }
    // Staff see the case's ids and the name in full.
    const staff = await json(await s.caseworker!.request('GET', `/api/volunteer-assignments/${ids.teamAssignment}`));
    expect(staff).toMatchObject({ caseId: ids.case, matchId: ids.match, case: { person: '黄秀英' } });
    // Another township's caseworker does not see it; a team names only its own accepted matches.
    expect((await s.caseworker2!.request('GET', `/api/volunteer-assignments/${ids.teamAssignment}`)).status).toBe(404);
    const foreign = await assign(s.partner!, {
      volunteerId: ids.volunteer,
      matchId: ids.match,
      kind: 'VISIT',
      scheduledOn: beijingToday(),
    });
    expect(foreign.status).toBe(422);
    expect(await fieldOf(foreign)).toEqual(['matchId']);
  });

  it('a volunteer sees no case, person, task or match through the staff routes', async () => {
    const cases = await s.volunteer!.request('GET', '/api/cases');
    expect(cases.status).toBe(200);
    expect(await json(cases)).toEqual([]);
    expect((await s.volunteer!.request('GET', `/api/cases/${ids.case}`)).status).toBe(404);
    expect((await s.volunteer!.request('GET', '/api/people')).status).toBe(403);
    expect(await json(await s.volunteer!.request('GET', `/api/tasks${q({ filter: { scope: 'unit' } })}`))).toEqual([]);
    expect((await json(await s.volunteer!.request('GET', '/api/tasks/counts'))).unit).toBe(0);
    expect((await s.volunteer!.request('GET', '/api/matches')).status).toBe(403);
    expect((await s.volunteer!.request('GET', '/api/projects')).status).toBe(403);
    expect((await s.volunteer!.request('GET', '/api/volunteers')).status).toBe(403);
    // A station worker's colleagues (delegates, handovers) leave volunteers out.
    const colleagues = await json(await s.station!.request('GET', '/api/colleagues'));
    expect(colleagues.map((c: { role: string }) => c.role)).not.toContain('VOLUNTEER');
    // The volunteer's home: the assignment still to do, and the hours.
    expect(await json(await s.volunteer!.request('GET', '/api/home'))).toMatchObject({
      kind: 'volunteer',
      status: 'ACTIVE',
      assignments: { value: 1, link: { to: 'volunteer-assignments', filter: { status: 'ASSIGNED' } } },
      onDuty: null,
      totalMinutes: 165,
      totalHours: '2.75',
    });
  });

  it('bad input is a 4xx naming the field, and no row changes', async () => {
    // An assignment on duty, to check out of too early (made before counting).
    const started = new Date(Date.now() - 3_600_000).toISOString();
    const onDuty = await json(
      await assign(s.caseworker!, {
        volunteerId: ids.volunteer,
        caseId: ids.case,
        kind: 'VISIT',
        scheduledOn: beijingToday(),
      }),
    );
    expect((await checkIn(s.volunteer!, onDuty.id, started)).status).toBe(200);
    const before = await counts();
    const base = {
      name: '孙志愿',
      phone: '13900003001',
      username: 'vol.sun',
      password: PASSWORD,
      communityIds: [ids.community],
    };
    const { name: _name, ...noName } = base;
    const cases: [string, () => Promise<Response>, string][] = [
      ['missing name', () => register(s.station!, noName), 'name'],
      ['bad phone', () => register(s.station!, { ...base, phone: '12345' }), 'phone'],
      ['empty communityIds', () => register(s.station!, { ...base, communityIds: [] }), 'communityIds'],
      ['unknown team', () => register(s.station!, { ...base, teamId: ids.match }), 'teamId'],
      ['public: missing name', () => publicRegister(noName), 'name'],
      ['public: bad phone', () => publicRegister({ ...base, phone: '1390000' }), 'phone'],
      ['public: empty communityIds', () => publicRegister({ ...base, communityIds: [] }), 'communityIds'],
      [
        'minutes 0',
        () =>
          s.station!.request('POST', `/api/volunteers/${ids.volunteer}/hours/corrections`, {
            minutes: 0,
            reason: '更正',
          }),
        'minutes',
      ],
      [
        'correction without reason',
        () => s.station!.request('POST', `/api/volunteers/${ids.volunteer}/hours/corrections`, { minutes: 10 }),
        'reason',
      ],
      [
        'correction dated in the future',
        () =>
          s.station!.request('POST', `/api/volunteers/${ids.volunteer}/hours/corrections`, {
            minutes: 10,
            reason: '更正',
            serviceDate: dayFrom(beijingToday(), 2),
          }),
        'serviceDate',
      ],
      [
        'check-out before check-in',
        () => checkOut(s.volunteer!, onDuty.id, new Date(Date.now() - 2 * 3_600_000).toISOString()),
        'at',
      ],
      [
        'check-out `at` in the future',
        () => checkOut(s.volunteer!, onDuty.id, new Date(Date.now() + 3_600_000).toISOString()),
        'at',
      ],
      ['`at` not a time', () => checkOut(s.volunteer!, onDuty.id, 'yesterday evening'), 'at'],
      [
        'check-in `at` in the future',
        () => checkIn(s.volunteer!, ids.teamAssignment!, new Date(Date.now() + 3_600_000).toISOString()),
        'at',
      ],
      [
        'assignment without a kind',
        () => assign(s.caseworker!, { volunteerId: ids.volunteer, caseId: ids.case, scheduledOn: beijingToday() }),
        'kind',
      ],
      [
        'assignment a year late',
        () =>
          assign(s.caseworker!, {
            volunteerId: ids.volunteer,
            caseId: ids.case,
            kind: 'VISIT',
            scheduledOn: dayFrom(beijingToday(), -400),
          }),
        'scheduledOn',
      ],
      [
        'assignment on a case outside the jurisdiction',
        () =>
          assign(s.caseworker2!, {
            volunteerId: ids.volunteer,
            caseId: ids.case,
            kind: 'VISIT',
            scheduledOn: beijingToday(),
          }),
        'caseId',
      ],
    ];
    for (const [what, send, field] of cases) {
      const res = await send();
      expect(res.status, what).toBeGreaterThanOrEqual(400);
      expect(res.status, what).toBeLessThan(500);
      expect(await fieldOf(res), what).toContain(field);
    }
    expect(await counts()).toEqual(before);
    // The duty ends properly afterwards; a double tap (two check-outs at once) writes one entry.
    const both = await Promise.all([checkOut(s.volunteer!, onDuty.id), checkOut(s.volunteer!, onDuty.id)]);
    expect(both.map((res) => res.status)).toEqual([200, 200]);
    const [first, second] = await Promise.all(both.map(json));
    expect(second).toEqual(first);
    expect(first.attendance).toMatchObject([{ minutes: 60 }]);
    expect(await h.db.volunteerHours.count({ where: { attendance: { assignmentId: onDuty.id } } })).toBe(1);
  });

  it('closing the case cancels its assignments not yet begun; one done stays done', async () => {
    const pending = await json(
      await assign(s.caseworker!, {
        volunteerId: ids.volunteer,
        caseId: ids.case,
        kind: 'VISIT',
        scheduledOn: dayFrom(beijingToday(), 3),
      }),
    );
    const closed = await s.supervisor!.request('POST', `/api/cases/${ids.case}/actions`, {
      type: 'CLOSE',
      reason: 'moved',
    });
    expect((await json(closed)).state).toMatch(/^closed/);
    for (const id of [pending.id, ids.teamAssignment])
      expect(await h.db.volunteerAssignment.findUniqueOrThrow({ where: { id } })).toMatchObject({
        status: 'CANCELLED',
        cancelReason: 'case closed',
      });
    expect((await h.db.volunteerAssignment.findUniqueOrThrow({ where: { id: ids.assignment } })).status).toBe('DONE');
    const late = await checkIn(s.volunteer!, pending.id);
    expect(late.status).toBe(409);
    const again = await assign(s.caseworker!, {
      volunteerId: ids.volunteer,
      caseId: ids.case,
      kind: 'VISIT',
      scheduledOn: beijingToday(),
    });
    expect(again.status).toBe(409);
  });
});
