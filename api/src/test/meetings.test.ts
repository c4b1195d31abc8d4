import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseInMatching, json, q, signIn, startHarness, work, type Harness, type Session } from './harness.ts';

let h: Harness;
const s: Record<string, Session> = {};
let caseId: string;
let meetingId: string;

beforeAll(async () => {
  h = await startHarness();
  for (const name of ['station', 'caseworker', 'supervisor', 'district.supervisor', 'city.supervisor', 'manager'])
    s[name] = await signIn(h.app, name);
  // A case the township cannot solve: escalated to 锦江区, which refers it to the district's joint meeting.
  caseId = await caseInMatching(
    h,
    { station: s.station!, caseworker: s.caseworker!, supervisor: s.supervisor! },
    { person: { name: '住房困难户', hukou: 'CHENGDU' } },
    [{ category: 'HOUSING', severity: 'HIGH', description: '危房' }],
  );
  expect(
    (
      await s.caseworker!.request('POST', `/api/cases/${caseId}/actions`, {
        type: 'ESCALATE',
        reason: '街道无住房资源',
      })
    ).status,
  ).toBe(200);
  await work(h, s['district.supervisor']!, caseId, 'ACCEPT_ESCALATION', { accepted: true, target: 'matching' });
  const referred = await s['district.supervisor']!.request('POST', `/api/cases/${caseId}/actions`, {
    type: 'REFER_JOINT_MEETING',
    reason: '需住建、民政多部门协调',
  });
  expect(await json(referred)).toMatchObject({ state: 'jointMeeting' });
});
afterAll(async () => h?.stop());

describe('§四(九) 联席会议', () => {
  it('member departments are data; a district schedules a meeting of them, and a referred case is on its next meeting’s agenda only', async () => {
    const departments = await json(await s.caseworker!.request('GET', '/api/departments'));
    expect(departments.map((d: { name: string }) => d.name)).toEqual(
      expect.arrayContaining([
        '教育局',
        '司法局',
        '财政局',
        '人力资源和社会保障局',
        '住房和城乡建设局',
        '卫生健康委员会',
        '总工会',
        '团委',
        '妇联',
        '残联',
        '红十字会',
        '慈善总会',
      ]),
    );
    const meeting = (scheduledAt: string) =>
      s['district.supervisor']!.request('POST', '/api/meetings', {
        title: '锦江区社会救助联席会议',
        scheduledAt,
        location: '区民政局会议室',
        departments: ['HOUSING', 'CIVIL_AFFAIRS', 'HEALTH'],
      });
    expect(
      (
        await json(
          await s['district.supervisor']!.request('POST', '/api/meetings', {
            title: 'x会议',
            scheduledAt: '2026-12-10T09:00:00+08:00',
            departments: ['NOPE'],
          }),
        )
      ).errors[0].field,
    ).toBe('departments');
    expect(
      (
        await s.supervisor!.request('POST', '/api/meetings', {
          title: '街道会议',
          scheduledAt: '2026-12-10T09:00:00+08:00',
          departments: ['HOUSING'],
        })
      ).status,
    ).toBe(422);
    const next = await json(await meeting('2026-12-10T09:00:00+08:00'));
    const later = await json(await meeting('2027-01-10T09:00:00+08:00'));
    const agenda = await json(await s['district.supervisor']!.request('GET', `/api/meetings/${next.id}`));
    expect(agenda.agenda).toEqual([
      expect.objectContaining({
        caseId,
        township: '锦官驿街道',
        needs: [expect.objectContaining({ category: 'HOUSING' })],
      }),
    ]);
    expect((await json(await s['district.supervisor']!.request('GET', `/api/meetings/${later.id}`))).agenda).toEqual(
      [],
    );
    // The township does not see the district's meetings.
    expect((await s.supervisor!.request('GET', `/api/meetings/${next.id}`)).status).toBe(404);
    expect(await json(await s.supervisor!.request('GET', '/api/meetings'))).toEqual([]);
    meetingId = next.id;
  });

  it('the resolution goes to the case: it moves on, and each assigned action is a task of the district center with its deadline', async () => {
    const resolve = (body: Record<string, unknown>) =>
      s['district.supervisor']!.request('POST', `/api/meetings/${meetingId}/resolutions`, body);
    const base = { caseId, resolution: '由住建局安排公租房，民政局纳入低保', next: 'matching' };
    const notMember = await resolve({
      ...base,
      actions: [{ department: 'EDUCATION', action: '助学', deadline: '2026-12-31' }],
    });
    expect((await json(notMember)).errors[0].field).toBe('actions.0.department');
    const notOnAgenda = await resolve({
      ...base,
      caseId: '00000000-0000-4000-8000-000000000000',
      actions: [{ department: 'HOUSING', action: '公租房', deadline: '2026-12-31' }],
    });
    expect((await json(notOnAgenda)).errors[0].field).toBe('caseId');
    const actions = [
      { department: 'HOUSING', action: '安排公租房一套', deadline: '2026-12-31' },
      { department: 'CIVIL_AFFAIRS', action: '审核纳入低保', deadline: '2026-12-20' },
    ];
    expect((await resolve({ ...base, actions })).status).toBe(201);
    expect((await resolve({ ...base, actions })).status).toBe(201); // a retry resolves once
    expect(await h.db.meetingItem.count({ where: { caseId } })).toBe(1);
    const row = await h.db.case.findUniqueOrThrow({ where: { id: caseId } });
    expect(row.state).toBe('matching');
    const district = await h.db.orgUnit.findUniqueOrThrow({ where: { code: '510104000000' } });
    const queue = await json(
      await s['district.supervisor']!.request(
        'GET',
        `/api/tasks${q({ filter: { scope: 'unit', kind: 'MEETING_ACTION' } })}`,
      ),
    );
    expect(
      queue.map((t: { title: string; dueAt: string; unitId: string }) => [t.title, t.dueAt, t.unitId]).sort(),
    ).toEqual(
      [
        ['住房和城乡建设局：安排公租房一套', '2026-12-31T15:59:59.000Z', district.id],
        ['民政局：审核纳入低保', '2026-12-20T15:59:59.000Z', district.id],
      ].sort(),
    );
    // Done by the center when the department reports back.
    const done = await work(h, s['district.supervisor']!, caseId, 'MEETING_ACTION', {
      outcome: '民政局已审核，纳入低保',
    });
    expect(done.state).toBe('matching');
    expect(await h.db.task.count({ where: { caseId, kind: 'MEETING_ACTION', status: 'DONE' } })).toBe(1);
    const meeting = await json(await s['district.supervisor']!.request('GET', `/api/meetings/${meetingId}`));
    expect(meeting).toMatchObject({ agenda: [], items: [{ caseId, next: 'matching' }] });
    const held = await json(
      await s['district.supervisor']!.request('POST', `/api/meetings/${meetingId}/held`, {
        minutes: '会议研究了1件个案',
      }),
    );
    expect(held).toMatchObject({ status: 'HELD', resolved: 1 });
  });

  it('the list follows its sort, earliest first or latest first', async () => {
    const list = async (order: 'ASC' | 'DESC') =>
      (
        await json(
          await s['district.supervisor']!.request('GET', `/api/meetings${q({ sort: ['scheduledAt', order] })}`),
        )
      ).map((m: { scheduledAt: string }) => m.scheduledAt);
    const ascending = await list('ASC');
    expect(ascending).toEqual(['2026-12-10T01:00:00.000Z', '2027-01-10T01:00:00.000Z']);
    expect(await list('DESC')).toEqual([...ascending].reverse());
    expect(
      (await json(await s['district.supervisor']!.request('GET', `/api/meetings${q({ sort: ['title', 'ASC'] })}`)))
        .errors[0].field,
    ).toMatch(/^sort/);
  });
});
