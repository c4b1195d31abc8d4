import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, signIn, startHarness, type Harness, type Session } from './harness.ts';

/**
 * Issue 15 item 2, handover and delegation, through the real API, PostgreSQL, Temporal dev server
 * and worker: a supervisor hands tasks on one at a time or in bulk (one handover workflow), an admin's
 * deactivation or move of a user hands their claimed tasks on in the same action, and an absence
 * sends new assignments and notifications to the delegate.
 */
let h: Harness;
const s: Record<string, Session> = {};
const ids: Record<string, string> = {};
let people = 0;

/** A worker of 锦官驿街道 made for this test (the demo users keep their tasks for other tests). */
async function colleague(username: string, role = 'CASEWORKER', unitCode = '510104017000') {
  const template = await h.db.user.findUniqueOrThrow({ where: { username: 'caseworker' } });
  const unit = await h.db.orgUnit.findUniqueOrThrow({ where: { code: unitCode } });
  const user = await h.db.user.create({
    data: {
      username,
      displayName: `社工 ${username}`,
      role: role as never,
      orgUnitId: unit.id,
      passwordHash: template.passwordHash,
    },
  });
  ids[username] = user.id;
  s[username] = await signIn(h.app, username);
  return user;
}

/** A case registered by the station: it waits in screening with an open SCREEN task at the township. */
async function screeningTask(): Promise<{ caseId: string; taskId: string }> {
  people += 1;
  const res = await s.station!.request('POST', '/api/cases', {
    person: { name: `移交测试${people}`, hukou: 'CHENGDU' },
    situation: '生活困难',
  });
  expect(res.status).toBe(201);
  const caseId = (await json(res)).id as string;
  const task = await h.db.task.findFirstOrThrow({ where: { caseId, kind: 'SCREEN', status: 'OPEN' } });
  return { caseId, taskId: task.id };
}

async function claim(who: string, taskId: string) {
  const res = await s[who]!.request('POST', `/api/tasks/${encodeURIComponent(taskId)}/claim`);
  expect(res.status, await res.clone().text()).toBe(200);
}

const events = (caseId: string, type: string) =>
  h.db.caseEvent.findMany({ where: { caseId, type }, orderBy: { seq: 'asc' } });

/** What a rejected request must leave alone: every task row and the number of case events. */
const snapshot = async () => ({
  tasks: await h.db.task.findMany({ orderBy: { id: 'asc' }, select: { id: true, assigneeId: true, status: true } }),
  events: await h.db.caseEvent.count(),
  absences: await h.db.absence.count(),
});

beforeAll(async () => {
  h = await startHarness();
  for (const name of ['station', 'caseworker', 'supervisor', 'admin', 'caseworker2', 'district.supervisor'])
    s[name] = await signIn(h.app, name);
  for (const name of ['station', 'caseworker', 'caseworker2', 'supervisor'])
    ids[name] = (await h.db.user.findUniqueOrThrow({ where: { username: name } })).id;
  await colleague('cw.bai');
}, 180_000);
afterAll(async () => h?.stop());

describe('a supervisor hands tasks on', () => {
  it('bulk: tasks of several cases go to a colleague, each case records a REASSIGN with the reason; a retry is the same answer and no new event', async () => {
    const a = await screeningTask();
    const b = await screeningTask();
    await claim('caseworker', a.taskId);
    await claim('caseworker', b.taskId);
    const key = randomUUID();
    const body = { taskIds: [a.taskId, b.taskId], assigneeId: ids['cw.bai'], reason: '张伟外出培训，改派白社工' };
    const res = await s.supervisor!.request('POST', '/api/tasks/handover', body, { 'Idempotency-Key': key });
    expect(res.status, await res.clone().text()).toBe(200);
    const answer = await json(res);
    expect(answer.results).toEqual([
      { taskId: a.taskId, caseId: a.caseId, outcome: 'REASSIGNED', assigneeId: ids['cw.bai'] },
      { taskId: b.taskId, caseId: b.caseId, outcome: 'REASSIGNED', assigneeId: ids['cw.bai'] },
    ]);
    for (const { caseId, taskId } of [a, b]) {
      expect((await h.db.task.findUniqueOrThrow({ where: { id: taskId } })).assigneeId).toBe(ids['cw.bai']);
      const [event, ...more] = await events(caseId, 'REASSIGN');
      expect(more).toEqual([]);
      expect(event).toMatchObject({ actorId: ids.supervisor, payload: { taskId, note: body.reason } });
      // The new assignee is told (an ASSIGNED notification).
      expect(await h.db.notification.count({ where: { caseId, userId: ids['cw.bai'], kind: 'ASSIGNED' } })).toBe(1);
    }

    // The same request again: the stored answer.
    const again = await s.supervisor!.request('POST', '/api/tasks/handover', body, { 'Idempotency-Key': key });
    expect(again.status).toBe(200);
    expect(await json(again)).toEqual(answer);
    // The API died before it stored its answer: the retry joins the same workflow run — same answer, no new event.
    await h.db.idempotencyKey.deleteMany({ where: { key } });
    const joined = await s.supervisor!.request('POST', '/api/tasks/handover', body, { 'Idempotency-Key': key });
    expect(joined.status).toBe(200);
    expect(await json(joined)).toEqual(answer);
    for (const { caseId } of [a, b]) expect(await events(caseId, 'REASSIGN')).toHaveLength(1);
  });

  it('bulk back to the queue: a claimed task is released with the reason; one not claimed is refused by its case, the rest go on', async () => {
    const a = await screeningTask();
    const b = await screeningTask();
    await claim('caseworker', a.taskId);
    const res = await s.supervisor!.request('POST', '/api/tasks/handover', {
      taskIds: [a.taskId, b.taskId],
      assigneeId: null,
      reason: '重新分配',
    });
    expect(res.status, await res.clone().text()).toBe(200);
    const { results } = await json(res);
    expect(results[0]).toEqual({ taskId: a.taskId, caseId: a.caseId, outcome: 'RELEASED', assigneeId: null });
    expect(results[1]).toMatchObject({ taskId: b.taskId, outcome: 'REFUSED', code: 'NOT_ASSIGNEE' });
    expect((await h.db.task.findUniqueOrThrow({ where: { id: a.taskId } })).assigneeId).toBeNull();
    expect((await events(a.caseId, 'RELEASE'))[0]).toMatchObject({
      actorId: ids.supervisor,
      payload: { note: '重新分配' },
    });
    expect(await events(b.caseId, 'RELEASE')).toEqual([]);
  });

  it('one task: reassign with a reason; release of a colleague’s task with a reason; the events keep it', async () => {
    const a = await screeningTask();
    await claim('caseworker', a.taskId);
    const path = `/api/tasks/${encodeURIComponent(a.taskId)}`;
    const moved = await s.supervisor!.request('POST', `${path}/reassign`, {
      assigneeId: ids['cw.bai'],
      reason: '均衡工作量',
    });
    expect(moved.status, await moved.clone().text()).toBe(200);
    expect(await json(moved)).toMatchObject({ id: a.taskId, assigneeId: ids['cw.bai'], assigneeName: '社工 cw.bai' });
    const released = await s.supervisor!.request('POST', `${path}/release`, { reason: '退回队列重新认领' });
    expect(released.status, await released.clone().text()).toBe(200);
    expect(await json(released)).toMatchObject({ assigneeId: null });
    expect((await events(a.caseId, 'REASSIGN'))[0]!.payload).toMatchObject({ note: '均衡工作量' });
    expect((await events(a.caseId, 'RELEASE'))[0]!.payload).toMatchObject({ note: '退回队列重新认领' });
    // The assignee gives back their own task without a reason, as before.
    await claim('caseworker', a.taskId);
    expect((await s.caseworker!.request('POST', `${path}/release`)).status).toBe(200);
  });

  it('bad input is a 4xx naming the field, and nothing changes', async () => {
    const a = await screeningTask();
    await claim('caseworker', a.taskId);
    const inactive = await colleague('cw.gone');
    await h.db.user.update({ where: { id: inactive.id }, data: { active: false } });
    const path = `/api/tasks/${encodeURIComponent(a.taskId)}`;
    const before = await snapshot();
    const cases: [string, string, unknown, number, string][] = [
      [
        'assignee outside the subtree',
        '/api/tasks/handover',
        { taskIds: [a.taskId], assigneeId: ids.caseworker2, reason: 'x' },
        422,
        'assigneeId',
      ],
      [
        'assignee not active',
        '/api/tasks/handover',
        { taskIds: [a.taskId], assigneeId: inactive.id, reason: 'x' },
        422,
        'assigneeId',
      ],
      [
        'role not allowed for the kind',
        '/api/tasks/handover',
        { taskIds: [a.taskId], assigneeId: ids.station, reason: 'x' },
        422,
        'assigneeId',
      ],
      [
        'unknown assignee',
        '/api/tasks/handover',
        { taskIds: [a.taskId], assigneeId: randomUUID(), reason: 'x' },
        422,
        'assigneeId',
      ],
      ['empty reason', '/api/tasks/handover', { taskIds: [a.taskId], assigneeId: null, reason: '  ' }, 422, 'reason'],
      [
        'unknown task',
        '/api/tasks/handover',
        { taskIds: [a.taskId, `${randomUUID()}:1`], assigneeId: null, reason: 'x' },
        404,
        'taskIds.1',
      ],
      ['no task', '/api/tasks/handover', { taskIds: [], assigneeId: null, reason: 'x' }, 422, 'taskIds'],
      [
        'over 200 tasks',
        '/api/tasks/handover',
        { taskIds: Array.from({ length: 201 }, (_, i) => `t${i}`), assigneeId: null, reason: 'x' },
        422,
        'taskIds',
      ],
      [
        'a task twice',
        '/api/tasks/handover',
        { taskIds: [a.taskId, a.taskId], assigneeId: null, reason: 'x' },
        422,
        'taskIds',
      ],
      ['reassign: empty reason', `${path}/reassign`, { assigneeId: ids['cw.bai'], reason: '' }, 422, 'reason'],
      [
        'reassign: outside the subtree',
        `${path}/reassign`,
        { assigneeId: ids.caseworker2, reason: 'x' },
        422,
        'assigneeId',
      ],
      ['release of a colleague’s task without a reason', `${path}/release`, undefined, 422, 'reason'],
    ];
    for (const [what, url, body, status, field] of cases) {
      const res = await s.supervisor!.request('POST', url, body);
      expect(res.status, what).toBe(status);
      const problem = await json(res);
      expect(
        problem.errors?.map((e: { field: string }) => e.field),
        what,
      ).toContain(field);
    }
    // Another township's supervisor (here: the district's caseworker2 is not a supervisor) — and a
    // supervisor of another subtree sees no such task.
    const district = await colleague('sup.donghu', 'SUPERVISOR', '510104018000');
    const foreign = await s['sup.donghu']!.request('POST', '/api/tasks/handover', {
      taskIds: [a.taskId],
      assigneeId: null,
      reason: 'x',
    });
    expect(foreign.status).toBe(422);
    expect((await json(foreign)).errors[0].field).toBe('taskIds.0');
    expect(district.id).toBeTruthy();
    expect(await snapshot()).toEqual(before);
  });
});

describe('deactivating or moving a user hands their claimed tasks on in the same action', () => {
  it('deactivation: claimed tasks back to the queue, each case records a RELEASE, the change is audited and the sessions end; a retry doubles nothing', async () => {
    const leaver = await colleague('cw.leaver');
    const a = await screeningTask();
    const b = await screeningTask();
    await claim('cw.leaver', a.taskId);
    await claim('cw.leaver', b.taskId);
    const key = randomUUID();
    const res = await s.admin!.request('PUT', `/api/users/${leaver.id}`, { active: false }, { 'Idempotency-Key': key });
    expect(res.status, await res.clone().text()).toBe(200);
    const answer = await json(res);
    expect(answer).toMatchObject({ id: leaver.id, active: false });
    expect(
      answer.handover.results.map((r: { taskId: string; outcome: string }) => [r.taskId, r.outcome]).sort(),
    ).toEqual(
      [
        [a.taskId, 'RELEASED'],
        [b.taskId, 'RELEASED'],
      ].sort(),
    );
    expect(await h.db.task.count({ where: { assigneeId: leaver.id, status: 'OPEN' } })).toBe(0);
    for (const { caseId } of [a, b])
      expect((await events(caseId, 'RELEASE'))[0]).toMatchObject({ payload: { note: '账号停用，任务退回队列' } });
    const audit = await h.db.auditEntry.findMany({
      where: { action: 'user.change-with-handover', target: `/api/users/${leaver.id}` },
    });
    expect(audit).toHaveLength(1);
    expect(audit[0]!.detail).toMatchObject({ changes: { active: false }, before: { active: true } });
    expect((await s['cw.leaver']!.request('GET', '/api/auth/me')).status).toBe(401);

    // The API died before it stored its answer: the retry joins the finished run.
    await h.db.idempotencyKey.deleteMany({ where: { key } });
    const retried = await s.admin!.request(
      'PUT',
      `/api/users/${leaver.id}`,
      { active: false },
      { 'Idempotency-Key': key },
    );
    expect(retried.status).toBe(200);
    expect((await json(retried)).handover).toEqual(answer.handover);
    expect(
      await h.db.auditEntry.count({
        where: { action: 'user.change-with-handover', target: `/api/users/${leaver.id}` },
      }),
    ).toBe(1);
    for (const { caseId } of [a, b]) expect(await events(caseId, 'RELEASE')).toHaveLength(1);
  });

  it('a move to another unit, with a named colleague: the claimed task goes to the colleague', async () => {
    const mover = await colleague('cw.mover');
    const a = await screeningTask();
    await claim('cw.mover', a.taskId);
    const donghu = await h.db.orgUnit.findUniqueOrThrow({ where: { code: '510104018000' } });
    const res = await s.admin!.request('PUT', `/api/users/${mover.id}`, {
      orgUnitId: donghu.id,
      handoverTo: ids['cw.bai'],
    });
    expect(res.status, await res.clone().text()).toBe(200);
    const answer = await json(res);
    expect(answer).toMatchObject({
      orgUnitId: donghu.id,
      handover: { results: [{ taskId: a.taskId, outcome: 'REASSIGNED', assigneeId: ids['cw.bai'] }] },
    });
    expect((await h.db.task.findUniqueOrThrow({ where: { id: a.taskId } })).assigneeId).toBe(ids['cw.bai']);
    expect((await events(a.caseId, 'REASSIGN'))[0]).toMatchObject({ payload: { note: '调离本单位，任务移交同事' } });
    expect(
      await h.db.auditEntry.count({ where: { action: 'user.change-with-handover', target: `/api/users/${mover.id}` } }),
    ).toBe(1);
  });

  it('a colleague of another unit, or handoverTo without leaving, is a 422 naming handoverTo; nothing changes', async () => {
    const stayer = await colleague('cw.stayer');
    const a = await screeningTask();
    await claim('cw.stayer', a.taskId);
    const before = await snapshot();
    const bad = await s.admin!.request('PUT', `/api/users/${stayer.id}`, {
      active: false,
      handoverTo: ids.caseworker2,
    });
    expect(bad.status).toBe(422);
    expect((await json(bad)).errors[0].field).toBe('handoverTo');
    const pointless = await s.admin!.request('PUT', `/api/users/${stayer.id}`, {
      displayName: 'x',
      handoverTo: ids['cw.bai'],
    });
    expect(pointless.status).toBe(422);
    expect((await json(pointless)).errors[0].field).toBe('handoverTo');
    expect(await snapshot()).toEqual(before);
    expect((await h.db.user.findUniqueOrThrow({ where: { id: stayer.id } })).active).toBe(true);
  });
});

describe('colleagues (the pickers)', () => {
  it('a supervisor sees the active colleagues of the subtree; a caseworker those of the unit only', async () => {
    const names = async (who: string, filter: Record<string, unknown>) =>
      (
        await json(
          await s[who]!.request(
            'GET',
            `/api/colleagues?filter=${encodeURIComponent(JSON.stringify(filter))}&sort=${encodeURIComponent('["displayName","ASC"]')}`,
          ),
        )
      ).map((c: { displayName: string }) => c.displayName);
    const team = await names('supervisor', { scope: 'subtree' });
    expect(team).toEqual(expect.arrayContaining(['社工 张伟', '站长 王芳', '社工 cw.bai']));
    expect(team).not.toContain('社工 刘洋 (东湖街道)');
    expect(team).not.toContain('社工 cw.gone'); // deactivated
    const unit = await names('caseworker', { scope: 'subtree' });
    expect(unit).toContain('社工 cw.bai');
    expect(unit).not.toContain('站长 王芳');
  });
});

describe('absences', () => {
  it('while an absence runs, a reassignment to the absent user goes to the delegate, with 代 X 办理 in the event, and so does the notification', async () => {
    const away = await colleague('cw.away');
    const cover = await colleague('cw.cover');
    const now = Date.now();
    const created = await s['cw.away']!.request('POST', '/api/absences', {
      delegateId: cover.id,
      startsAt: new Date(now - 60_000).toISOString(),
      endsAt: new Date(now + 86_400_000).toISOString(),
      note: '年假',
    });
    expect(created.status, await created.clone().text()).toBe(201);
    const absence = await json(created);
    expect(absence).toMatchObject({ userId: away.id, delegateId: cover.id, active: true });
    const banner = await json(await s['cw.cover']!.request('GET', '/api/absences/current'));
    expect(banner.covering.map((a: { userId: string }) => a.userId)).toEqual([away.id]);
    expect((await json(await s['cw.away']!.request('GET', '/api/absences/current'))).mine).toMatchObject({
      delegateName: '社工 cw.cover',
    });

    const a = await screeningTask();
    const res = await s.supervisor!.request('POST', `/api/tasks/${encodeURIComponent(a.taskId)}/reassign`, {
      assigneeId: away.id,
      reason: '指派',
    });
    expect(res.status, await res.clone().text()).toBe(200);
    expect(await json(res)).toMatchObject({ assigneeId: cover.id });
    expect((await events(a.caseId, 'REASSIGN'))[0]!.payload).toMatchObject({ note: '指派（代 社工 cw.away 办理）' });
    expect(await h.db.notification.count({ where: { caseId: a.caseId, userId: cover.id, kind: 'ASSIGNED' } })).toBe(1);
    expect(await h.db.notification.count({ where: { caseId: a.caseId, userId: away.id } })).toBe(0);

    // Bulk too.
    const b = await screeningTask();
    const bulk = await json(
      await s.supervisor!.request('POST', '/api/tasks/handover', {
        taskIds: [b.taskId],
        assigneeId: away.id,
        reason: '批量',
      }),
    );
    expect(bulk.results[0]).toMatchObject({ outcome: 'REASSIGNED', assigneeId: cover.id });

    // Back early: from now on the work is theirs again.
    const ended = await s['cw.away']!.request('DELETE', `/api/absences/${absence.id}`);
    expect(ended.status).toBe(200);
    expect(await json(ended)).toMatchObject({ active: false });
    const c = await screeningTask();
    const direct = await s.supervisor!.request('POST', `/api/tasks/${encodeURIComponent(c.taskId)}/reassign`, {
      assigneeId: away.id,
      reason: '指派',
    });
    expect(await json(direct)).toMatchObject({ assigneeId: away.id });
  });

  it('a supervisor sets an absence for a team member and lists the team’s', async () => {
    const member = await colleague('cw.member');
    const res = await s.supervisor!.request('POST', '/api/absences', {
      userId: member.id,
      delegateId: ids['cw.bai'],
      startsAt: '2099-03-01T09:00:00+08:00',
      endsAt: '2099-03-05T18:00:00+08:00',
    });
    expect(res.status, await res.clone().text()).toBe(201);
    const team = await json(
      await s.supervisor!.request(
        'GET',
        `/api/absences?filter=${encodeURIComponent(JSON.stringify({ scope: 'team' }))}`,
      ),
    );
    expect(team.map((a: { userId: string }) => a.userId)).toContain(member.id);
  });

  it('bad absences are a 4xx naming the field, and no row is written', async () => {
    const who = await colleague('cw.abs');
    const other = await colleague('cw.abs.other', 'CASEWORKER', '510104018000');
    await s.supervisor!.request('POST', '/api/absences', {
      userId: who.id,
      delegateId: ids['cw.bai'],
      startsAt: '2099-05-01T09:00:00+08:00',
      endsAt: '2099-05-10T18:00:00+08:00',
    });
    const before = await snapshot();
    const base = {
      delegateId: ids['cw.bai'],
      startsAt: '2099-06-01T09:00:00+08:00',
      endsAt: '2099-06-03T18:00:00+08:00',
    };
    const cases: [string, Session, unknown, string][] = [
      ['delegate in another unit', s['cw.abs']!, { ...base, delegateId: other.id }, 'delegateId'],
      ['delegate is the user', s['cw.abs']!, { ...base, delegateId: who.id }, 'delegateId'],
      ['end before start', s['cw.abs']!, { ...base, endsAt: '2099-05-30T09:00:00+08:00' }, 'endsAt'],
      ['overlapping absence', s['cw.abs']!, { ...base, startsAt: '2099-05-09T09:00:00+08:00' }, 'startsAt'],
      ['not in the subtree', s['sup.donghu'] ?? s.caseworker2!, { ...base, userId: who.id }, 'userId'],
      ['a caseworker for someone else', s.caseworker!, { ...base, userId: who.id }, 'userId'],
      ['not a date', s['cw.abs']!, { ...base, startsAt: 'tomorrow' }, 'startsAt'],
    ];
    for (const [what, session, body, field] of cases) {
      const res = await session.request('POST', '/api/absences', body);
      expect(res.status, what).toBe(422);
      expect(
        (await json(res)).errors.map((e: { field: string }) => e.field),
        what,
      ).toContain(field);
    }
    expect(await snapshot()).toEqual(before);
  });
});
