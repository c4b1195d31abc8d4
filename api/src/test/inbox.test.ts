import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, q, signIn, startHarness, type Harness, type Session } from './harness.ts';
import { ledgerFixture } from './ledger-fixture.ts';

/**
 * The inbox as a working tool (issue 15): the task list's filters inside the user's jurisdiction,
 * the tab counts, saved views per user and the masked, audited CSV export. Each expectation is
 * worked out here from the fixture's own description of its tasks (and today's Beijing date from
 * the platform's time-zone data), not from the API's query.
 */
let h: Harness;
const s: Record<string, Session> = {};
const userIds: Record<string, string> = {};
const units: Record<string, { id: string; path: string; level: string }> = {};
const people: { name: string; idNumber: string; phone: string }[] = [];

interface Fixture {
  id: string;
  kind: string;
  unit: string;
  community: string;
  emergency: boolean;
  assignee: string | null;
  dueAt: Date;
  warnAt: Date | null;
  warnedAt: Date | null;
  status: 'OPEN' | 'DONE';
}
const tasks: Fixture[] = [];

const HOUR = 3_600_000;
const now = Date.now();

/** The first instant of the Beijing date after today's, from the time-zone database (not a fixed offset). */
function endOfBeijingToday(at: number): number {
  const date = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(at); // YYYY-MM-DD
  return Date.parse(`${date}T00:00:00+08:00`) + 24 * HOUR;
}
const endOfToday = endOfBeijingToday(now);
// Due later today (Beijing date), whatever the time of day the test runs: halfway to midnight, at
// least a few minutes ahead unless the test starts in the day's last minutes.
const laterToday = new Date(now + Math.max((endOfToday - now) / 2, 1));

beforeAll(async () => {
  h = await startHarness();
  for (const name of ['caseworker', 'caseworker2', 'district.supervisor', 'supervisor', 'manager', 'partner']) {
    s[name] = await signIn(h.app, name);
    userIds[name] = (await h.db.user.findUniqueOrThrow({ where: { username: name } })).id;
  }
  const fx = ledgerFixture(h.db, h.keys);
  for (const code of ['510104017000', '510104018000', '510104000000', '510104017001', '510104017002', '510104018001']) {
    const u = await fx.unit(code);
    units[code] = { id: u.id, path: u.path, level: u.level };
  }
  // Three cases: two started in 锦官驿街道's communities (one an emergency), one in 东湖街道's (an emergency).
  const cases = {
    a: await fx.caseFor('甲急难', '510104017001', '2026-09-01T02:00:00Z'),
    b: await fx.caseFor('乙一般', '510104017002', '2026-09-01T02:00:00Z'),
    c: await fx.caseFor('丙东湖', '510104018001', '2026-09-01T02:00:00Z'),
  };
  for (const kase of Object.values(cases)) people.push(kase);
  await h.db.case.update({ where: { id: cases.a.caseId }, data: { emergency: true } });
  await h.db.case.update({ where: { id: cases.c.caseId }, data: { emergency: true } });
  const community = { a: '510104017001', b: '510104017002', c: '510104018001' } as const;
  const add = async (
    kase: keyof typeof cases,
    unit: string,
    dueAt: Date,
    more: Partial<Pick<Fixture, 'kind' | 'assignee' | 'warnAt' | 'warnedAt' | 'status'>> = {},
  ) => {
    const f: Fixture = {
      id: '',
      kind: more.kind ?? 'SCREEN',
      unit,
      community: community[kase],
      emergency: kase !== 'b',
      assignee: more.assignee ?? null,
      dueAt,
      warnAt: more.warnAt ?? null,
      warnedAt: more.warnedAt ?? null,
      status: more.status ?? 'OPEN',
    };
    f.id = await fx.task(
      cases[kase].caseId,
      units[unit]!.id,
      dueAt.toISOString(),
      f.status === 'DONE' ? new Date(now - HOUR).toISOString() : null,
      f.kind,
    );
    await h.db.task.update({
      where: { id: f.id },
      data: {
        assigneeId: f.assignee ? userIds[f.assignee]! : null,
        warnAt: f.warnAt,
        warnedAt: f.warnedAt,
      },
    });
    tasks.push(f);
  };
  const T = '510104017000';
  await add('a', T, laterToday, { kind: 'EMERGENCY_AID' });
  await add('a', T, new Date(now - 2 * HOUR), { kind: 'ASSESS', assignee: 'caseworker' });
  await add('b', T, laterToday, { assignee: 'caseworker' });
  await add('b', T, new Date(endOfToday + HOUR), { kind: 'PLAN', warnAt: new Date(now - 60_000) });
  await add('b', T, new Date(endOfToday + 72 * HOUR), {
    kind: 'PLAN',
    warnAt: new Date(now - HOUR),
    warnedAt: new Date(now - HOUR),
  });
  await add('b', T, new Date(endOfToday + 96 * HOUR), { kind: 'FOLLOW_UP', assignee: 'supervisor' });
  await add('b', '510104017002', new Date(now - 30 * HOUR));
  await add('a', '510104017001', new Date(endOfToday + 5 * HOUR), { kind: 'REGISTER' });
  await add('a', '510104000000', laterToday, { kind: 'ACCEPT_ESCALATION' });
  await add('c', '510104018000', laterToday, { assignee: 'caseworker2' });
  await add('c', '510104018000', new Date(now - 5 * HOUR), { kind: 'ASSESS' });
  await add('b', T, laterToday, { status: 'DONE', assignee: 'caseworker' });
});
afterAll(async () => h?.stop());

type Filter = Record<string, unknown>;

/** What a filter should select for a user, worked out from the fixture. */
function expected(who: string, filter: Filter): string[] {
  const home = {
    caseworker: '510104017000',
    caseworker2: '510104018000',
    'district.supervisor': '510104000000',
    supervisor: '510104017000',
    manager: null,
    partner: null,
  }[who];
  return tasks
    .filter((t) => {
      if (who === 'partner') return false;
      const mine = filter.scope === 'mine';
      if (mine ? t.assignee !== who : home && !units[t.unit]!.path.startsWith(units[home]!.path)) return false;
      if (t.status !== (filter.status ?? 'OPEN')) return false;
      const due = t.dueAt.getTime();
      if (filter.overdue && !(due < now)) return false;
      if (filter.dueToday && !(due >= now && due < endOfToday)) return false;
      if (filter.warned && !(due >= now && ((t.warnAt && t.warnAt.getTime() <= now) || t.warnedAt))) return false;
      if (filter.emergency && !t.emergency) return false;
      if (filter.communityId && units[t.community]!.id !== filter.communityId) return false;
      if (filter.unassigned && t.assignee) return false;
      if (filter.assigneeId && (t.assignee ? userIds[t.assignee] : null) !== filter.assigneeId) return false;
      if (filter.tier && units[t.unit]!.level !== filter.tier) return false;
      if (filter.kind && t.kind !== filter.kind) return false;
      return true;
    })
    .map((t) => t.id)
    .sort();
}

async function list(who: string, filter: Filter, sort: [string, string] = ['dueAt', 'ASC']) {
  const res = await s[who]!.request('GET', `/api/tasks${q({ filter, sort, range: [0, 99] })}`);
  expect(res.status, JSON.stringify(filter)).toBe(200);
  const rows: { id: string; dueAt: string }[] = await json(res);
  return { rows, total: Number(res.headers.get('content-range')?.split('/')[1]) };
}

describe('the inbox’s filters, inside the user’s jurisdiction', () => {
  const cases: [string, string, Filter][] = [
    ['due today (Beijing date), not yet overdue', 'caseworker', { scope: 'unit', dueToday: true }],
    ['overdue', 'caseworker', { scope: 'unit', overdue: true }],
    ['emergency', 'caseworker', { scope: 'unit', emergency: true }],
    ['emergency, district-wide', 'district.supervisor', { scope: 'unit', emergency: true }],
    ['by the community the case started in', 'caseworker', { scope: 'unit', communityId: '510104017002' }],
    ['unassigned', 'caseworker', { scope: 'unit', unassigned: true }],
    ['by assignee', 'district.supervisor', { scope: 'unit', assigneeId: 'caseworker' }],
    ['by tier of the task’s unit', 'district.supervisor', { scope: 'unit', tier: 'COMMUNITY' }],
    ['by tier, district', 'manager', { scope: 'unit', tier: 'DISTRICT' }],
    ['warned, not yet due', 'caseworker', { scope: 'unit', warned: true }],
    ['by kind', 'district.supervisor', { kind: 'ASSESS' }],
    ['mine, due today', 'caseworker', { scope: 'mine', dueToday: true }],
    ['mine, overdue', 'caseworker', { scope: 'mine', overdue: true }],
    ['emergency and due today', 'district.supervisor', { scope: 'unit', emergency: true, dueToday: true }],
    ['unassigned and overdue, another township', 'caseworker2', { scope: 'unit', unassigned: true, overdue: true }],
    ['done tasks', 'caseworker', { scope: 'unit', status: 'DONE' }],
    ['a partner sees no case’s task', 'partner', { scope: 'unit', dueToday: true }],
  ];
  it.each(cases)('%s (%s)', async (_name, who, raw) => {
    // The fixture names communities by code and users by name; the API takes ids.
    const filter = {
      ...raw,
      ...(raw.communityId ? { communityId: units[raw.communityId as string]!.id } : {}),
      ...(raw.assigneeId ? { assigneeId: userIds[raw.assigneeId as string] } : {}),
    };
    const want = expected(who, filter);
    const { rows, total } = await list(who, filter);
    expect(rows.map((r) => r.id).sort()).toEqual(want);
    expect(total).toBe(want.length);
    // Sorted by due time, both ways.
    expect(rows.map((r) => r.dueAt)).toEqual(rows.map((r) => r.dueAt).sort());
    const desc = await list(who, filter, ['dueAt', 'DESC']);
    expect(desc.rows.map((r) => r.dueAt)).toEqual(
      desc.rows
        .map((r) => r.dueAt)
        .sort()
        .reverse(),
    );
  });

  it('the fixture exercises every filter: each case above selects some tasks and leaves others out', () => {
    const narrowing = cases.filter(
      ([, who, raw]) => who !== 'partner' && Object.keys(raw).some((k) => k !== 'scope' && k !== 'status'),
    );
    for (const [, who, raw] of narrowing) {
      const filter = {
        ...raw,
        ...(raw.communityId ? { communityId: units[raw.communityId as string]!.id } : {}),
        ...(raw.assigneeId ? { assigneeId: userIds[raw.assigneeId as string] } : {}),
      };
      const selected = expected(who, filter).length;
      expect(selected, JSON.stringify(raw)).toBeGreaterThan(0);
      expect(selected, JSON.stringify(raw)).toBeLessThan(
        expected(who, { scope: raw.scope, status: raw.status }).length,
      );
    }
  });

  it.each([
    [{ dueToday: 'yes' }, 'filter.dueToday'],
    [{ emergency: 1 }, 'filter.emergency'],
    [{ communityId: 'not-a-uuid' }, 'filter.communityId'],
    [{ assigneeId: 'x' }, 'filter.assigneeId'],
    [{ tier: 'PROVINCE' }, 'filter.tier'],
    [{ kind: 'NAP' }, 'filter.kind'],
    [{ warned: 'true' }, 'filter.warned'],
    [{ unassigned: null }, 'filter.unassigned'],
    [{ scope: 'mine', unassigned: true }, 'filter.unassigned'],
    [{ scope: 'mine', assigneeId: '00000000-0000-4000-8000-000000000000' }, 'filter.assigneeId'],
    [{ overdue: true, dueToday: true }, 'filter.dueToday'],
  ])('a bad filter %j is a 422 naming %s', async (filter, field) => {
    for (const path of ['/api/tasks', '/api/tasks/export']) {
      const res = await s.caseworker!.request('GET', `${path}${q({ filter })}`);
      expect(res.status, path).toBe(422);
      const problem = await json(res);
      expect(problem.errors.map((e: { field: string }) => e.field)).toContain(field);
    }
  });

  it('a filter that is not JSON is a 422 naming filter', async () => {
    const res = await s.caseworker!.request('GET', '/api/tasks?filter=%7Bnot-json');
    expect(res.status).toBe(422);
    expect((await json(res)).errors[0].field).toBe('filter');
  });
});

describe('the tab counts', () => {
  it('each count is the total of its tab’s list, for every kind of user', async () => {
    const tabs = {
      mine: { scope: 'mine' },
      unassigned: { scope: 'unit', unassigned: true },
      unit: { scope: 'unit' },
      dueToday: { scope: 'unit', dueToday: true },
      overdue: { scope: 'unit', overdue: true },
      emergency: { scope: 'unit', emergency: true },
    };
    for (const who of ['caseworker', 'caseworker2', 'district.supervisor', 'supervisor', 'manager', 'partner']) {
      const res = await s[who]!.request('GET', '/api/tasks/counts');
      expect(res.status).toBe(200);
      const counts = await json(res);
      for (const [tab, filter] of Object.entries(tabs)) {
        expect(counts[tab], `${who} ${tab}`).toBe(expected(who, filter).length);
        expect(counts[tab], `${who} ${tab} list`).toBe((await list(who, filter)).total);
      }
    }
  });

  it('a caseworker’s counts: two of mine, and the township’s queue', async () => {
    const counts = await json(await s.caseworker!.request('GET', '/api/tasks/counts'));
    // Worked out by hand from the fixture: the township's and its communities' open tasks.
    expect(counts).toEqual({ mine: 2, unassigned: 5, unit: 8, dueToday: 2, overdue: 2, emergency: 3 });
  });
});

describe('saved views, per user', () => {
  it('a user saves a view, sees it, and no one else does', async () => {
    const filter = { scope: 'unit', dueToday: true, emergency: true };
    const res = await s.caseworker!.request('POST', '/api/saved-views', {
      name: '今日急难',
      filter,
      sort: ['dueAt', 'DESC'],
    });
    expect(res.status).toBe(201);
    const view = await json(res);
    expect(view).toMatchObject({ name: '今日急难', filter, sort: ['dueAt', 'DESC'] });
    expect(
      (await json(await s.caseworker!.request('GET', '/api/saved-views'))).map((v: { id: string }) => v.id),
    ).toEqual([view.id]);
    expect(await json(await s.caseworker2!.request('GET', '/api/saved-views'))).toEqual([]);
    // Another user's view cannot be deleted, and is still there after the attempt.
    expect((await s.caseworker2!.request('DELETE', `/api/saved-views/${view.id}`)).status).toBe(404);
    expect(await h.db.savedTaskView.count({ where: { id: view.id } })).toBe(1);
    // The same name again is a conflict on the name; another user may use it.
    const again = await s.caseworker!.request('POST', '/api/saved-views', { name: '今日急难', filter: {} });
    expect(again.status).toBe(409);
    expect((await json(again)).errors[0].field).toBe('name');
    expect((await s.caseworker2!.request('POST', '/api/saved-views', { name: '今日急难', filter: {} })).status).toBe(
      201,
    );
    // Deleting mine removes it.
    expect((await s.caseworker!.request('DELETE', `/api/saved-views/${view.id}`)).status).toBe(200);
    expect(await json(await s.caseworker!.request('GET', '/api/saved-views'))).toEqual([]);
  });

  it.each([
    [{ name: 'x', filter: { dueToday: 'today' } }, 'filter.dueToday'],
    [{ name: 'x', filter: { tier: 'PROVINCE' } }, 'filter.tier'],
    [{ name: 'x', filter: { nonsense: true } }, 'filter'],
    [{ name: 'x', filter: { scope: 'mine', unassigned: true } }, 'filter.unassigned'],
    [{ name: '', filter: {} }, 'name'],
    [{ name: 'x', filter: {}, sort: ['personName', 'ASC'] }, 'sort.0'],
  ])('a bad view %j is a 422 naming %s, and nothing is saved', async (body, field) => {
    const before = await h.db.savedTaskView.count();
    const res = await s.supervisor!.request('POST', '/api/saved-views', body);
    expect(res.status).toBe(422);
    expect((await json(res)).errors.map((e: { field: string }) => e.field)).toContain(field);
    expect(await h.db.savedTaskView.count()).toBe(before);
  });
});

describe('the export of the filtered list', () => {
  it('is the list as CSV with a BOM and Chinese headers, names people but never their numbers, and is audited', async () => {
    const filter = { scope: 'unit', overdue: true };
    const res = await s['district.supervisor']!.request('GET', `/api/tasks/export${q({ filter })}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/csv/);
    expect(res.headers.get('content-disposition')).toMatch(
      /attachment; filename="tasks-510104000000-\d{4}-\d\d-\d\d\.csv"/,
    );
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes.slice(3));
    const lines = text.trim().split(/\r?\n/);
    expect(lines[0]).toBe('任务,事项,求助人,案件编号,所属单位,经办人,截止时间,状态,急难,标记');
    const want = expected('district.supervisor', filter);
    expect(lines.length - 1).toBe(want.length);
    expect(text).toContain('需求评估');
    expect(text).toContain('已逾期');
    for (const person of people) {
      expect(text).not.toContain(person.phone);
      expect(text).not.toContain(person.phone.slice(-4));
      expect(text).not.toContain(person.idNumber.slice(-6));
    }
    const audit = await h.db.auditEntry.findFirstOrThrow({
      where: { action: 'task.export', actorId: userIds['district.supervisor'] },
      orderBy: { at: 'desc' },
    });
    expect(audit.detail).toMatchObject({ filter, rows: want.length });
  });

  it('holds only the user’s jurisdiction', async () => {
    const res = await s.caseworker!.request('GET', `/api/tasks/export${q({ filter: { scope: 'unit' } })}`);
    const text = await res.text();
    expect(text).not.toContain('丙东湖');
    expect(text).toContain('甲急难');
    expect(text.trim().split(/\r?\n/).length - 1).toBe(expected('caseworker', { scope: 'unit' }).length);
  });

  it('a refused export writes no audit entry', async () => {
    const before = await h.db.auditEntry.count({ where: { action: 'task.export' } });
    expect((await s.caseworker!.request('GET', `/api/tasks/export${q({ filter: { tier: 'X' } })}`)).status).toBe(422);
    expect(await h.db.auditEntry.count({ where: { action: 'task.export' } })).toBe(before);
  });
});
