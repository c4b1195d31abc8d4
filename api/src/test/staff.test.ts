import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, q, signIn, startHarness, type Harness, type Session } from './harness.ts';

let h: Harness;
let admin: Session;
let caseworker: Session;
const unit = (code: string) => h.db.orgUnit.findUniqueOrThrow({ where: { code } });

beforeAll(async () => {
  h = await startHarness();
  [admin, caseworker] = await Promise.all([signIn(h.app, 'admin'), signIn(h.app, 'caseworker')]);
});
afterAll(async () => h?.stop());

describe('users (admin)', () => {
  it('creates a user with a one-time password that signs in, at a unit of the right level', async () => {
    const community = await unit('510104017002');
    const wrongLevel = await admin.request('POST', '/api/users', {
      username: 'cw.wrong',
      displayName: '社工',
      role: 'CASEWORKER',
      orgUnitId: community.id,
    });
    expect(wrongLevel.status).toBe(422);
    expect((await json(wrongLevel)).errors[0].field).toBe('orgUnitId');

    const res = await admin.request('POST', '/api/users', {
      username: 'Grid.Li',
      displayName: '网格员 李华',
      role: 'DISCOVERER',
      orgUnitId: community.id,
    });
    expect(res.status).toBe(201);
    const created = await json(res);
    expect(created).toMatchObject({ username: 'grid.li', role: 'DISCOVERER', orgUnitId: community.id, active: true });
    expect(created.temporaryPassword).toMatch(/^(?=.*[A-Za-z])(?=.*\d).{10,}$/);
    const row = await h.db.user.findUniqueOrThrow({ where: { id: created.id } });
    expect(row.passwordHash).toMatch(/^\$argon2id\$/);
    const session = await signIn(h.app, 'grid.li', created.temporaryPassword);
    expect(await json(await session.request('GET', '/api/auth/me'))).toMatchObject({
      username: 'grid.li',
      orgUnit: { id: community.id },
    });

    const taken = await admin.request('POST', '/api/users', {
      username: 'grid.li',
      displayName: 'x',
      role: 'DISCOVERER',
      orgUnitId: community.id,
    });
    expect(taken.status).toBe(409);
    expect((await json(taken)).errors[0].field).toBe('username');
    const weak = await admin.request('POST', '/api/users', {
      username: 'weak.one',
      displayName: 'x',
      role: 'DISCOVERER',
      orgUnitId: community.id,
      password: 'short',
    });
    expect((await json(weak)).errors[0].field).toBe('password');
  });

  it('deactivating a user signs them out at once and refuses their sign-in', async () => {
    const community = await unit('510104017003');
    const created = await json(
      await admin.request('POST', '/api/users', {
        username: 'leaving',
        displayName: '离职人员',
        role: 'STATION_WORKER',
        orgUnitId: community.id,
        password: 'Leaving-2026x',
      }),
    );
    const session = await signIn(h.app, 'leaving', 'Leaving-2026x');
    const res = await admin.request('PUT', `/api/users/${created.id}`, { active: false });
    expect(await json(res)).toMatchObject({ active: false });
    expect((await session.request('GET', '/api/auth/me')).status).toBe(401);
    await expect(signIn(h.app, 'leaving', 'Leaving-2026x')).rejects.toThrow(/401/);
    const listed = await json(await admin.request('GET', `/api/users${q({ filter: { active: false } })}`));
    expect(listed.map((u: { username: string }) => u.username)).toEqual(['leaving']);
  });

  it('a reset gives a new one-time password, ends the old sessions, and the user can then choose their own', async () => {
    const target = await h.db.user.findUniqueOrThrow({ where: { username: 'caseworker2' } });
    const old = await signIn(h.app, 'caseworker2');
    const { temporaryPassword } = await json(await admin.request('POST', `/api/users/${target.id}/reset-password`));
    expect((await old.request('GET', '/api/auth/me')).status).toBe(401);
    await expect(signIn(h.app, 'caseworker2')).rejects.toThrow(/401/);
    const fresh = await signIn(h.app, 'caseworker2', temporaryPassword);
    const wrong = await fresh.request('POST', '/api/auth/password', {
      currentPassword: 'nope',
      newPassword: 'My-own-pass-42',
    });
    expect((await json(wrong)).errors[0].field).toBe('currentPassword');
    expect(
      (
        await fresh.request('POST', '/api/auth/password', {
          currentPassword: temporaryPassword,
          newPassword: 'My-own-pass-42',
        })
      ).status,
    ).toBe(204);
    expect((await fresh.request('GET', '/api/auth/me')).status).toBe(200); // this session stays
    await signIn(h.app, 'caseworker2', 'My-own-pass-42');
  });

  it('an admin cannot lock themselves out', async () => {
    const me = await h.db.user.findUniqueOrThrow({ where: { username: 'admin' } });
    expect((await admin.request('PUT', `/api/users/${me.id}`, { active: false })).status).toBe(409);
    expect((await admin.request('PUT', `/api/users/${me.id}`, { role: 'MANAGER' })).status).toBe(409);
  });
});

describe('org units', () => {
  it('lists the tree for anyone signed in, filtered by level and parent', async () => {
    const township = await unit('510104017000');
    const communities = await json(
      await caseworker.request('GET', `/api/org-units${q({ filter: { parentId: township.id } })}`),
    );
    expect(communities.map((u: { name: string }) => u.name)).toEqual(['水井坊社区', '交子社区', '合江亭社区']);
    const districts = await json(
      await caseworker.request(
        'GET',
        `/api/org-units${q({ filter: { level: 'DISTRICT', q: '新区' }, range: [0, 49] })}`,
      ),
    );
    expect(districts.map((u: { name: string }) => u.name)).toEqual(
      expect.arrayContaining(['四川天府新区成都直管区', '成都东部新区']),
    );
  });

  it('an admin adds a unit one level below its parent, with a new 12-digit code, and renames it', async () => {
    const township = await unit('510104017000');
    const bad = [
      [{ code: '510104017009', name: '新社区', level: 'TOWNSHIP', parentId: township.id }, 'level'],
      [{ code: '5101', name: '新社区', level: 'COMMUNITY', parentId: township.id }, 'code'],
      [{ code: '510104017009', name: '', level: 'COMMUNITY', parentId: township.id }, 'name'],
    ] as const;
    for (const [body, field] of bad)
      expect((await json(await admin.request('POST', '/api/org-units', body))).errors[0].field).toBe(field);
    expect(
      (
        await admin.request('POST', '/api/org-units', {
          code: '510104017001',
          name: '重复',
          level: 'COMMUNITY',
          parentId: township.id,
        })
      ).status,
    ).toBe(409);
    const res = await admin.request('POST', '/api/org-units', {
      code: '510104017009',
      name: '新建社区',
      level: 'COMMUNITY',
      parentId: township.id,
    });
    expect(res.status).toBe(201);
    const created = await json(res);
    expect(created).toMatchObject({ level: 'COMMUNITY', parentId: township.id, path: `${township.path}510104017009/` });
    expect(
      await json(await admin.request('PUT', `/api/org-units/${created.id}`, { name: '锦江新社区' })),
    ).toMatchObject({ name: '锦江新社区', code: '510104017009' });
    expect(
      (
        await caseworker.request('POST', '/api/org-units', {
          code: '510104017010',
          name: 'x',
          level: 'COMMUNITY',
          parentId: township.id,
        })
      ).status,
    ).toBe(403);
  });
});

describe('mass assignment: a client cannot set fields it does not own', () => {
  it('a user cannot be given a role, unit or state through fields the route does not take, and nothing changes', async () => {
    const target = await h.db.user.findUniqueOrThrow({ where: { username: 'discoverer' } });
    for (const body of [
      { displayName: 'x', passwordHash: 'x' },
      { displayName: 'x', username: 'root' },
      { displayName: 'x', id: target.id },
      { displayName: 'x', createdAt: '2020-01-01' },
    ]) {
      const res = await admin.request('PUT', `/api/users/${target.id}`, body);
      expect(res.status, JSON.stringify(body)).toBe(422);
    }
    expect(await h.db.user.findUniqueOrThrow({ where: { id: target.id } })).toEqual(target);
    // Only admins assign roles and units: a caseworker cannot promote themselves.
    const me = await h.db.user.findUniqueOrThrow({ where: { username: 'caseworker' } });
    expect((await caseworker.request('PUT', `/api/users/${me.id}`, { role: 'SUPERVISOR' })).status).toBe(403);
    expect(
      (
        await caseworker.request('POST', '/api/auth/password', {
          currentPassword: 'Guanai@2026',
          newPassword: 'Another-pass-9',
          role: 'ADMIN',
        })
      ).status,
    ).toBe(422);
    expect((await h.db.user.findUniqueOrThrow({ where: { id: me.id } })).role).toBe('CASEWORKER');
  });

  it('a case cannot be opened with its state, status, owner, unit, creator or number set by the client', async () => {
    const station = await signIn(h.app, 'station');
    const before = await h.db.case.count();
    for (const extra of [
      { state: 'closed' },
      { status: 'CLOSED' },
      { owningUnitId: (await unit('510100000000')).id },
      { createdById: 'x' },
      { caseNo: 'GA-1' },
      { originUnitId: 'x' },
    ]) {
      const res = await station.request('POST', '/api/cases', {
        person: { name: '赵六', hukou: 'CHENGDU' },
        situation: '困难',
        ...extra,
      });
      expect(res.status, JSON.stringify(extra)).toBe(422);
    }
    const inPerson = await station.request('POST', '/api/cases', {
      person: { name: '赵六', hukou: 'CHENGDU', communityId: (await unit('510104018001')).id },
      situation: '困难',
    });
    expect(inPerson.status).toBe(422);
    expect(await h.db.case.count()).toBe(before);
    expect(await h.db.person.count({ where: { name: '赵六' } })).toBe(0);
  });

  it('an org unit keeps its code, level and parent; a task completion cannot name its assignee', async () => {
    const community = await unit('510104017001');
    for (const body of [
      { name: 'x', code: '510104017099' },
      { name: 'x', level: 'TOWNSHIP' },
      { name: 'x', parentId: community.id },
      { name: 'x', path: '/' },
    ]) {
      expect((await admin.request('PUT', `/api/org-units/${community.id}`, body)).status).toBe(422);
    }
    expect(await h.db.orgUnit.findUniqueOrThrow({ where: { id: community.id } })).toEqual(community);
    const station = await signIn(h.app, 'station');
    const created = await json(
      await station.request('POST', '/api/cases', {
        person: { name: '任务测试', hukou: 'CHENGDU' },
        situation: '困难',
      }),
    );
    const task = await h.db.task.findFirstOrThrow({ where: { caseId: created.id, kind: 'SCREEN' } });
    const res = await caseworker.request('POST', `/api/tasks/${encodeURIComponent(task.id)}/complete`, {
      form: {},
      assigneeId: 'x',
      status: 'DONE',
    });
    expect(res.status).toBe(422);
    expect(await h.db.task.findUniqueOrThrow({ where: { id: task.id } })).toMatchObject({
      status: 'OPEN',
      assigneeId: null,
    });
  });
});
