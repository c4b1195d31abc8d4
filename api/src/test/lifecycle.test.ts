import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, q, signIn, startHarness, type Harness, type Session } from './harness.ts';

let h: Harness;
const s: Record<string, Session> = {};

beforeAll(async () => {
  h = await startHarness({ caseSettings: { reopenWindowDays: 30 } });
  for (const name of ['station', 'caseworker', 'supervisor', 'caseworker2', 'admin', 'manager'])
    s[name] = await signIn(h.app, name);
});
afterAll(async () => h?.stop());

const register = async (name: string, extra: Record<string, unknown> = {}) =>
  json(
    await s.station!.request('POST', '/api/cases', { person: { name, hukou: 'CHENGDU' }, situation: '困难', ...extra }),
  );
const act = (who: Session, caseId: string, body: Record<string, unknown>) =>
  who.request('POST', `/api/cases/${caseId}/actions`, body);
const detail = async (who: Session, caseId: string) => json(await who.request('GET', `/api/cases/${caseId}`));

describe('notes and attachments', () => {
  it('the station uploads a photo of a document and records a visit; the timeline shows who, when and the file', async () => {
    const c = await register('孙大娘');
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
    const real = await h.app.request(`/api/cases/${c.id}/attachments`, {
      method: 'POST',
      headers: {
        Cookie: s.station!.cookie,
        'Content-Type': 'image/png',
        'X-Filename': encodeURIComponent('户口本.png'),
      },
      body: png,
    });
    expect(real.status).toBe(201);
    const attachment = await json(real);
    expect(attachment).toMatchObject({ filename: '户口本.png', contentType: 'image/png', size: png.length });

    const note = await s.station!.request('POST', `/api/cases/${c.id}/notes`, {
      text: '入户走访，老人独居，行动不便',
      kind: 'VISIT',
      attachmentIds: [attachment.id],
    });
    expect(note.status).toBe(201);
    const timeline = (await detail(s.caseworker!, c.id)).events;
    expect(timeline.at(-1)).toMatchObject({
      type: 'ADD_NOTE',
      actorName: '站长 王芳',
      payload: { text: '入户走访，老人独居，行动不便', kind: 'VISIT' },
      attachments: [{ id: attachment.id, filename: '户口本.png' }],
    });

    const download = await s.caseworker!.request('GET', `/api/attachments/${attachment.id}/content`);
    expect(download.status).toBe(200);
    expect(Buffer.from(await download.arrayBuffer())).toEqual(png);
    expect((await s.caseworker2!.request('GET', `/api/attachments/${attachment.id}/content`)).status).toBe(404);
  });

  it('refuses a wrong file type, a missing name, or an attachment of another case', async () => {
    const c = await register('周爷爷');
    const other = await register('吴奶奶');
    const bad = await h.app.request(`/api/cases/${c.id}/attachments`, {
      method: 'POST',
      headers: { Cookie: s.station!.cookie, 'Content-Type': 'text/html', 'X-Filename': 'x.html' },
      body: '<script>',
    });
    expect(bad.status).toBe(422);
    expect((await json(bad)).errors[0].field).toBe('Content-Type');
    const noName = await h.app.request(`/api/cases/${c.id}/attachments`, {
      method: 'POST',
      headers: { Cookie: s.station!.cookie, 'Content-Type': 'image/png' },
      body: 'x',
    });
    expect((await json(noName)).errors[0].field).toBe('X-Filename');
    const foreign = await json(
      await h.app.request(`/api/cases/${other.id}/attachments`, {
        method: 'POST',
        headers: { Cookie: s.station!.cookie, 'Content-Type': 'image/png', 'X-Filename': 'a.png' },
        body: 'x',
      }),
    );
    const before = await h.db.caseEvent.count({ where: { caseId: c.id } });
    const note = await s.station!.request('POST', `/api/cases/${c.id}/notes`, {
      text: 'x',
      attachmentIds: [foreign.id],
    });
    expect(note.status).toBe(422);
    expect(await h.db.caseEvent.count({ where: { caseId: c.id } })).toBe(before);
  });
});

describe('flags, closure proposals, suspension and reopening', () => {
  it('a flag with a reason shows on the case list and on the task lists', async () => {
    const c = await register('钱叔叔');
    expect(
      (await act(s.caseworker!, c.id, { type: 'FLAG', flag: 'SAFETY_RISK', reason: '家属有暴力倾向' })).status,
    ).toBe(200);
    const cases = await json(await s.caseworker!.request('GET', `/api/cases${q({ filter: { q: '钱叔叔' } })}`));
    expect(cases[0].flags).toEqual([expect.objectContaining({ flag: 'SAFETY_RISK', reason: '家属有暴力倾向' })]);
    const tasks = await json(
      await s.caseworker!.request('GET', `/api/tasks${q({ filter: { scope: 'unit', caseId: c.id } })}`),
    );
    expect(tasks[0].flags[0].flag).toBe('SAFETY_RISK');
    expect((await act(s.caseworker!, c.id, { type: 'FLAG', flag: 'NOT_A_FLAG', reason: 'x' })).status).toBe(422);
  });

  it('a caseworker proposes closure and the supervisor approves; the supervisor reopens it within the window', async () => {
    const c = await register('郑阿姨');
    expect((await act(s.caseworker!, c.id, { type: 'CLOSE', reason: 'moved' })).status).toBe(403);
    expect((await act(s.caseworker!, c.id, { type: 'PROPOSE_CLOSURE', reason: 'moved' })).status).toBe(200);
    const approval = await h.db.task.findFirstOrThrow({
      where: { caseId: c.id, kind: 'APPROVE_CLOSURE', status: 'OPEN' },
    });
    expect((await s.caseworker!.request('POST', `/api/tasks/${approval.id}/claim`)).status).toBe(403);
    await s.supervisor!.request('POST', `/api/tasks/${approval.id}/claim`);
    const closed = await json(
      await s.supervisor!.request('POST', `/api/tasks/${approval.id}/complete`, { form: { approved: true } }),
    );
    expect(closed.state).toBe('closed');
    expect(await detail(s.supervisor!, c.id)).toMatchObject({
      status: 'CLOSED',
      closureReason: 'moved',
      actions: ['REOPEN'],
    });
    expect((await act(s.supervisor!, c.id, { type: 'REOPEN', reason: '本人返回辖区' })).status).toBe(200);
    const reopened = await detail(s.caseworker!, c.id);
    expect(reopened).toMatchObject({ status: 'OPEN', state: 'assessment', closureReason: null });
    expect(reopened.events.map((e: { type: string }) => e.type)).toEqual(
      expect.arrayContaining(['PROPOSE_CLOSURE', 'CLOSURE_APPROVED', 'REOPEN']),
    );
  });

  it('suspend and resume by a supervisor', async () => {
    const c = await register('冯伯伯');
    expect((await act(s.caseworker!, c.id, { type: 'SUSPEND', reason: '住院' })).status).toBe(403);
    expect((await act(s.supervisor!, c.id, { type: 'SUSPEND', reason: '住院' })).status).toBe(200);
    expect(await detail(s.caseworker!, c.id)).toMatchObject({ status: 'SUSPENDED', state: 'suspended' });
    expect((await act(s.supervisor!, c.id, { type: 'RESUME' })).status).toBe(200);
    expect((await detail(s.caseworker!, c.id)).state).toBe('screening');
  });

  it('急难 an emergency registration requires temporary assistance before screening can be completed', async () => {
    const ordinary = await register('普通案件');
    const c = await register('外地务工人员', { person: { name: '外地务工人员', hukou: 'OTHER' }, emergency: true });
    const aid = await h.db.task.findFirstOrThrow({ where: { caseId: c.id, kind: 'EMERGENCY_AID' } });
    expect(aid.dueAt.getTime() - aid.createdAt.getTime()).toBe(4 * 3_600_000); // 先行救助 within hours
    const screen = await h.db.task.findFirstOrThrow({ where: { caseId: c.id, kind: 'SCREEN' } });
    const ordinaryScreen = await h.db.task.findFirstOrThrow({ where: { caseId: ordinary.id, kind: 'SCREEN' } });
    expect(screen.dueAt.getTime()).toBeLessThan(ordinaryScreen.dueAt.getTime());
    await s.caseworker!.request('POST', `/api/tasks/${screen.id}/claim`);
    const blocked = await s.caseworker!.request('POST', `/api/tasks/${screen.id}/complete`, {
      form: { referrals: ['LINSHI'], outcome: 'RESIDUAL_NEED' },
    });
    expect(blocked.status).toBe(409);
    expect((await json(blocked)).detail).toMatch(/temporary assistance/);
    await s.caseworker!.request('POST', `/api/tasks/${aid.id}/claim`);
    expect(
      (
        await s.caseworker!.request('POST', `/api/tasks/${aid.id}/complete`, {
          form: { scheme: 'XIANXING', amount: 1500 },
        })
      ).status,
    ).toBe(200);
    expect(
      (
        await s.caseworker!.request('POST', `/api/tasks/${screen.id}/complete`, {
          form: { referrals: ['LINSHI'], outcome: 'RESIDUAL_NEED' },
        })
      ).status,
    ).toBe(200);
  });

  it('a supervisor reassigns a task to a caseworker of the unit, who is notified', async () => {
    const c = await register('褚奶奶');
    const screen = await h.db.task.findFirstOrThrow({ where: { caseId: c.id, kind: 'SCREEN' } });
    const caseworker = await h.db.user.findUniqueOrThrow({ where: { username: 'caseworker' } });
    const caseworker2 = await h.db.user.findUniqueOrThrow({ where: { username: 'caseworker2' } });
    expect(
      (await act(s.supervisor!, c.id, { type: 'REASSIGN', taskId: screen.id, assigneeId: caseworker2.id })).status,
    ).toBe(422);
    expect(
      (await act(s.supervisor!, c.id, { type: 'REASSIGN', taskId: screen.id, assigneeId: caseworker.id })).status,
    ).toBe(200);
    const mine = await json(await s.caseworker!.request('GET', '/api/notifications'));
    expect(mine.find((n: { caseId: string }) => n.caseId === c.id)).toMatchObject({
      kind: 'ASSIGNED',
      personName: '褚奶奶',
    });
  });
});

describe('SLA policy as data', () => {
  it('only an admin edits it; bad values are refused; new cases take the new policy', async () => {
    const rule = { normal: 2, emergency: 2, unit: 'HOURS', warnAt: 0.5, onBreach: 'NOTIFY' };
    expect((await s.supervisor!.request('PUT', '/api/sla/policies/SCREEN', rule)).status).toBe(403);
    const bad = await s.admin!.request('PUT', '/api/sla/policies/SCREEN', { ...rule, warnAt: 1.5 });
    expect(bad.status).toBe(422);
    expect((await json(bad)).errors[0].field).toBe('warnAt');
    expect((await s.admin!.request('PUT', '/api/sla/policies/NOPE', rule)).status).toBe(422);
    expect((await s.admin!.request('PUT', '/api/sla/policies/SCREEN', rule)).status).toBe(200);
    const c = await register('陈大叔');
    const screen = await h.db.task.findFirstOrThrow({ where: { caseId: c.id, kind: 'SCREEN' } });
    expect(screen.dueAt.getTime() - screen.createdAt.getTime()).toBe(2 * 3_600_000);
  });

  it('working days follow the seeded calendar: a SCREEN task opened before National Day is due after it', async () => {
    const days = await json(await s.caseworker!.request('GET', '/api/sla/calendar'));
    expect(days).toEqual(
      expect.arrayContaining([{ id: '2026-10-10', date: '2026-10-10', kind: 'WORKDAY', name: '国庆节调休上班' }]),
    );
    expect(
      (
        await s.caseworker!.request('PUT', '/api/sla/calendar', {
          date: '2027-02-20',
          kind: 'WORKDAY',
          name: '春节调休上班',
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await s.admin!.request('PUT', '/api/sla/calendar', {
          date: '2027-02-20',
          kind: 'WORKDAY',
          name: '春节调休上班',
        })
      ).status,
    ).toBe(200);
  });

  it('the SLA overview per unit and tier counts open and overdue tasks for a supervisor; others may not see it', async () => {
    const overview = await json(await s.supervisor!.request('GET', '/api/sla/overview'));
    const township = overview.units.find((u: { name: string }) => u.name === '锦官驿街道');
    expect(township.open).toBeGreaterThan(0);
    expect(overview.tiers.find((t: { level: string }) => t.level === 'TOWNSHIP').open).toBe(township.open);
    expect((await s.caseworker!.request('GET', '/api/sla/overview')).status).toBe(403);
    expect((await s.manager!.request('GET', `/api/sla/overview${'?level=DISTRICT'}`)).status).toBe(200);
  });

  it('the SLA overview (per-unit counters) agrees with counting every task by the clock, also for warnings and breaches the timers have not recorded yet', async () => {
    const c = await register('钟奶奶');
    const screen = await h.db.task.findFirstOrThrow({ where: { caseId: c.id, kind: 'SCREEN', status: 'OPEN' } });
    const township = screen.unitId;
    /** Every open task of the township counted from the task table, by the clock. */
    const byClock = async () =>
      (
        await h.db.$queryRaw<{ open: number; warned: number; overdue: number; breached: number; total: number }[]>`
      SELECT count(*) FILTER (WHERE status = 'OPEN')::int AS open,
             count(*) FILTER (WHERE status = 'OPEN' AND breached_at IS NULL AND due_at >= now() AND (warned_at IS NOT NULL OR warn_at <= now()))::int AS warned,
             count(*) FILTER (WHERE status = 'OPEN' AND (breached_at IS NOT NULL OR due_at < now()))::int AS overdue,
             count(*) FILTER (WHERE breached_at IS NOT NULL)::int AS breached, count(*)::int AS total
      FROM task WHERE unit_id = ${township}::uuid AND status <> 'CANCELLED'`
      )[0]!;
    const shown = async () => {
      const unit = (await json(await s.supervisor!.request('GET', '/api/sla/overview'))).units.find(
        (u: { id: string }) => u.id === township,
      );
      const clock = await byClock();
      return {
        unit: { open: unit.open, warned: unit.warned, overdue: unit.overdue, breachRate: unit.breachRate },
        clock: {
          open: clock.open,
          warned: clock.warned,
          overdue: clock.overdue,
          breachRate: clock.breached / clock.total,
        },
      };
    };
    const original = { dueAt: screen.dueAt, warnAt: screen.warnAt };
    try {
      let { unit, clock } = await shown();
      expect(unit).toEqual(clock);
      const overdueBefore = unit.overdue;
      // Past its warning point, no warning recorded yet: counted as warned.
      await h.db.$executeRaw`UPDATE task SET warn_at = now() - interval '1 minute' WHERE id = ${screen.id}`;
      ({ unit, clock } = await shown());
      expect(unit).toEqual(clock);
      // Warned and then past due with no breach recorded: overdue, no longer warned.
      await h.db
        .$executeRaw`UPDATE task SET warned_at = now() - interval '1 minute', due_at = now() - interval '1 second' WHERE id = ${screen.id}`;
      ({ unit, clock } = await shown());
      expect(unit).toEqual(clock);
      expect(unit.overdue).toBe(overdueBefore + 1);
      // The breach recorded (as the SLA timer does): still overdue once, and in the breach rate.
      await h.db.$executeRaw`UPDATE task SET breached_at = now() WHERE id = ${screen.id}`;
      ({ unit, clock } = await shown());
      expect(unit).toEqual(clock);
      expect(unit.overdue).toBe(overdueBefore + 1);
    } finally {
      await h.db
        .$executeRaw`UPDATE task SET due_at = ${original.dueAt}, warn_at = ${original.warnAt}, warned_at = NULL, breached_at = NULL WHERE id = ${screen.id}`;
    }
  });
});

describe('§四(一) discovery and §四(二) referrals', () => {
  it('a discoverer’s outreach report opens a case in intake at the station, with the discoverer recorded; the station registers it', async () => {
    const discoverer = await signIn(h.app, 'discoverer');
    const res = await discoverer.request('POST', '/api/cases', {
      person: { name: '楼栋里的独居老人', hukou: 'CHENGDU' },
      situation: '楼栋长发现老人多日未出门',
      discovererKind: 'BUILDING_LEADER',
    });
    expect(res.status).toBe(201);
    const c = await json(res);
    expect(c).toMatchObject({ origin: 'OUTREACH', state: 'intake', owningUnitName: '水井坊社区' });
    const opened = (await detail(s.station!, c.id)).events[0];
    expect(opened).toMatchObject({
      type: 'CASE_OPENED',
      actorName: '网格员 李明',
      payload: { origin: 'OUTREACH', discovererKind: 'BUILDING_LEADER' },
    });
    const register = await h.db.task.findFirstOrThrow({ where: { caseId: c.id, kind: 'REGISTER' } });
    expect(register.assigneeId).toBeNull();
    await s.station!.request('POST', `/api/tasks/${register.id}/claim`);
    const done = await s.station!.request('POST', `/api/tasks/${register.id}/complete`, { form: { verified: true } });
    expect((await json(done)).state).toBe('screening');
  });

  it('each government-scheme referral keeps its own outcome; a case with aid only is monitored and re-assessed when aid is denied', async () => {
    const c = await register('刘爷爷');
    const screen = await h.db.task.findFirstOrThrow({ where: { caseId: c.id, kind: 'SCREEN' } });
    await s.caseworker!.request('POST', `/api/tasks/${screen.id}/claim`);
    await s.caseworker!.request('POST', `/api/tasks/${screen.id}/complete`, {
      form: { referrals: ['DIBAO', 'YILIAO'], outcome: 'GOV_AID_ONLY' },
    });
    const monitor = await h.db.task.findFirstOrThrow({ where: { caseId: c.id, kind: 'MONITOR' } });
    await s.caseworker!.request('POST', `/api/tasks/${monitor.id}/claim`);
    const res = await s.caseworker!.request('POST', `/api/tasks/${monitor.id}/complete`, {
      form: { granted: false, outcomes: { DIBAO: 'GRANTED', YILIAO: 'DENIED' } },
    });
    expect((await json(res)).state).toBe('assessment');
    const row = await h.db.case.findUniqueOrThrow({ where: { id: c.id } });
    expect((row.data as { referrals: unknown[] }).referrals).toEqual([
      { scheme: 'DIBAO', outcome: 'GRANTED' },
      { scheme: 'YILIAO', outcome: 'DENIED' },
    ]);
  });
});
