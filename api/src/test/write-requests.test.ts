import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { verifyAuditChain } from '@guanai/db';
import { DEMO_PASSWORD } from '@guanai/db/seed';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app.ts';
import { pgFileStore } from '../files/file-store.ts';
import { hashRequest } from '../request/idempotency.ts';
import { json, signIn, startHarness, type Harness, type Session } from './harness.ts';

/**
 * Issue 12: Idempotency-Key bound to caller, route and request (defect 1); a write and its audit
 * entry commit together or not at all (defect 7); X-Filename and the shared login limit (defect 8).
 */
let h: Harness;
let station: Session;
let caseworker: Session;
let admin: Session;

beforeAll(async () => {
  h = await startHarness();
  [station, caseworker, admin] = await Promise.all([
    signIn(h.app, 'station'),
    signIn(h.app, 'caseworker'),
    signIn(h.app, 'admin'),
  ]);
});
afterAll(async () => h?.stop());

/** Another API replica on the same database and Temporal. */
const replica = () =>
  createApp({
    db: h.db,
    temporal: h.env.client,
    keys: h.keys,
    logger: pino({ level: 'silent' }),
    taskQueue: h.taskQueue,
    files: pgFileStore(h.db),
  }).app;

const keyed = (key: string) => ({ 'Idempotency-Key': key });
const application = (name: string) => ({
  person: { name, hukou: 'CHENGDU' },
  situation: '独居，生活困难',
  confirmNotDuplicate: true,
});
const openCase = async (name: string) => {
  const res = await station.request('POST', '/api/cases', application(name));
  expect(res.status).toBe(201);
  return (await json(res)).id as string;
};
const openTask = (caseId: string, kind: string) =>
  h.db.task.findFirstOrThrow({ where: { caseId, kind, status: 'OPEN' } });
const screening = { form: { referrals: ['DIBAO'], outcome: 'RESIDUAL_NEED' } };

async function expectProblem(res: Response, status: number, field?: string) {
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toContain('application/problem+json');
  const problem = await json(res);
  if (field) expect(problem.errors.map((e: { field: string }) => e.field)).toContain(field);
  return problem;
}

describe('defect 1: an Idempotency-Key is bound to its caller, route and request', () => {
  it('a key used to claim a task and sent again to complete it is a 422 naming the key; nothing happens', async () => {
    const caseId = await openCase('复用甲');
    const task = await openTask(caseId, 'SCREEN');
    const key = randomUUID();
    expect((await caseworker.request('POST', `/api/tasks/${task.id}/claim`, undefined, keyed(key))).status).toBe(200);
    const events = await h.db.caseEvent.count({ where: { caseId } });

    const reused = await caseworker.request('POST', `/api/tasks/${task.id}/complete`, screening, keyed(key));
    const problem = await expectProblem(reused, 422, 'Idempotency-Key');
    expect(problem.type).toBe('urn:guanai:problem:idempotency-key-reused');
    expect(problem.detail).toContain('POST /api/tasks/:id/claim');
    expect(await h.db.caseEvent.count({ where: { caseId } })).toBe(events);
    expect((await h.db.case.findUniqueOrThrow({ where: { id: caseId } })).state).toBe('screening');

    // With a key of its own the completion goes through.
    const done = await caseworker.request('POST', `/api/tasks/${task.id}/complete`, screening, keyed(randomUUID()));
    expect(await json(done)).toEqual({ caseId, state: 'assessment', version: expect.any(Number) });
  });

  it("keys are per caller: another user's request with the same key is their own request, processed", async () => {
    const caseId = await openCase('复用乙');
    const task = await openTask(caseId, 'SCREEN');
    const key = randomUUID();
    expect((await caseworker.request('POST', `/api/tasks/${task.id}/claim`, undefined, keyed(key))).status).toBe(200);
    const note = await station.request(
      'POST',
      `/api/cases/${caseId}/notes`,
      { text: '入户走访，情况属实', kind: 'VISIT' },
      keyed(key),
    );
    expect(note.status).toBe(201);
    expect(note.headers.get('idempotent-replayed')).toBeNull();
    const events = await h.db.caseEvent.findMany({ where: { caseId }, orderBy: { seq: 'asc' } });
    expect(events.map((e) => e.type)).toContain('ADD_NOTE');
    expect(events.filter((e) => e.type === 'ADD_NOTE').map((e) => (e.payload as { text?: string }).text)).toEqual([
      '入户走访，情况属实',
    ]);
  });

  it('POST /api/cases with a used key and another person is a 422, and registers nobody', async () => {
    const key = randomUUID();
    expect((await station.request('POST', '/api/cases', application('复用丙'), keyed(key))).status).toBe(201);
    const before = { people: await h.db.person.count(), cases: await h.db.case.count() };
    const other = await station.request('POST', '/api/cases', application('复用丁'), keyed(key));
    await expectProblem(other, 422, 'Idempotency-Key');
    expect({ people: await h.db.person.count(), cases: await h.db.case.count() }).toEqual(before);
  });

  it('the same request again gets the first answer (status and body), even after the case moved on', async () => {
    const key = randomUUID();
    const first = await station.request('POST', '/api/cases', application('重放戊'), keyed(key));
    expect(first.status).toBe(201);
    const answer = await json(first);
    expect(answer.state).toBe('screening');
    const task = await openTask(answer.id, 'SCREEN');
    expect((await caseworker.request('POST', `/api/tasks/${task.id}/claim`)).status).toBe(200);
    expect((await caseworker.request('POST', `/api/tasks/${task.id}/complete`, screening)).status).toBe(200);

    const again = await station.request('POST', '/api/cases', application('重放戊'), keyed(key));
    expect(again.status).toBe(201);
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    expect(await json(again)).toEqual(answer);
    expect(await h.db.case.count({ where: { person: { name: '重放戊' } } })).toBe(1);
  });

  it('a failed request keeps nothing under its key: the corrected request may use it', async () => {
    const key = randomUUID();
    await expectProblem(await station.request('POST', '/api/cases', { situation: '困难' }, keyed(key)), 422, 'person');
    expect((await station.request('POST', '/api/cases', application('改正己'), keyed(key))).status).toBe(201);
  });

  it('a malformed key is a 422 naming the header', async () => {
    const caseId = await openCase('坏键庚');
    for (const bad of ['has space', 'x'.repeat(201), 'clé']) {
      await expectProblem(
        await station.request('POST', `/api/cases/${caseId}/notes`, { text: '记录' }, keyed(bad)),
        422,
        'Idempotency-Key',
      );
    }
  });

  it('a duplicate sent while the first is still in progress is a 409 at once; then it gets the first answer', async () => {
    const partner = await h.db.partner.findFirstOrThrow({ orderBy: { name: 'asc' } });
    const key = randomUUID();
    const body = { contact: '联系人 并发' };
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let locked!: () => void;
    const isLocked = new Promise<void>((resolve) => (locked = resolve));
    // The test holds the partner's row, so the first request waits in the middle of its work.
    const holder = h.db.$transaction(
      async (tx) => {
        await tx.$executeRaw`SELECT 1 FROM partner WHERE id = ${partner.id}::uuid FOR UPDATE`;
        locked();
        await released;
      },
      { timeout: 60_000 },
    );
    await isLocked;
    try {
      const first = admin.request('PUT', `/api/partners/${partner.id}`, body, keyed(key));
      await expect
        .poll(
          async () =>
            (
              await h.db.$queryRaw<
                [{ n: number }]
              >`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`
            )[0].n,
          { timeout: 10_000 },
        )
        .toBeGreaterThan(0);
      const duplicate = await Promise.race([
        admin.request('PUT', `/api/partners/${partner.id}`, body, keyed(key)),
        sleep(5_000).then(() => 'still waiting' as const),
      ]);
      expect(duplicate).not.toBe('still waiting');
      const problem = await expectProblem(duplicate as Response, 409, 'Idempotency-Key');
      expect(problem.type).toBe('urn:guanai:problem:idempotency-key-in-progress');
      expect(Number((duplicate as Response).headers.get('retry-after'))).toBeGreaterThan(0);
      release();
      await holder;
      const answered = await first;
      expect(answered.status).toBe(200);
      const again = await admin.request('PUT', `/api/partners/${partner.id}`, body, keyed(key));
      expect(again.status).toBe(200);
      expect(await json(again)).toEqual(await json(answered));
    } finally {
      release();
      await holder.catch(() => undefined);
    }
  });

  it('a key left in progress by a killed API blocks retries only until its lease runs out', async () => {
    const partner = await h.db.partner.findFirstOrThrow({ orderBy: { name: 'desc' } });
    const adminId = (await h.db.user.findUniqueOrThrow({ where: { username: 'admin' } })).id;
    const key = randomUUID();
    const body = JSON.stringify({ contact: '联系人 接管' });
    const hash = hashRequest({
      method: 'PUT',
      pathAndQuery: `/api/partners/${partner.id}`,
      contentType: 'application/json',
      body: new TextEncoder().encode(body),
    });
    await h.db.$executeRaw`INSERT INTO idempotency_key (user_id, key, route, request_hash, lease_token, locked_until)
      VALUES (${adminId}::uuid, ${key}, 'PUT /api/partners/:id', ${hash}, ${randomUUID()}::uuid, now() + interval '1 minute')`;
    await expectProblem(
      await admin.request('PUT', `/api/partners/${partner.id}`, body, keyed(key)),
      409,
      'Idempotency-Key',
    );
    await h.db.$executeRaw`UPDATE idempotency_key SET locked_until = now() - interval '1 second' WHERE key = ${key}`;
    const retried = await admin.request('PUT', `/api/partners/${partner.id}`, body, keyed(key));
    expect(retried.status).toBe(200);
    expect(await json(retried)).toMatchObject({ id: partner.id, contact: '联系人 接管' });
    // A different request cannot take over an abandoned key.
    await h.db
      .$executeRaw`UPDATE idempotency_key SET status = NULL, locked_until = now() - interval '1 second' WHERE key = ${key}`;
    await expectProblem(
      await admin.request('PUT', `/api/partners/${partner.id}`, { contact: '别的' }, keyed(key)),
      422,
      'Idempotency-Key',
    );
  });

  it('keys are kept 24 hours: an expired key is free again, and expired rows are purged', async () => {
    const adminId = (await h.db.user.findUniqueOrThrow({ where: { username: 'admin' } })).id;
    const partner = await h.db.partner.findFirstOrThrow({ orderBy: { name: 'asc' } });
    const row = (key: string, hoursAgo: number) =>
      h.db
        .$executeRaw`INSERT INTO idempotency_key (user_id, key, route, request_hash, status, response_type, response_body, created_at)
        VALUES (${adminId}::uuid, ${key}, 'PUT /api/partners/:id', ${'0'.repeat(64)}, 200, 'application/json', '{"old":true}', now() - ${hoursAgo} * interval '1 hour')`;
    await row('expired-key', 25);
    await row('stale-key', 25);
    await row('recent-key', 23);
    // Expired: the key binds nothing any more (not a 422 for another request, not the old answer).
    const reused = await admin.request(
      'PUT',
      `/api/partners/${partner.id}`,
      { contact: '联系人 过期' },
      keyed('expired-key'),
    );
    expect(reused.status).toBe(200);
    expect(await json(reused)).toMatchObject({ contact: '联系人 过期' });
    // Recent: still bound.
    await expectProblem(
      await admin.request('PUT', `/api/partners/${partner.id}`, { contact: '别的' }, keyed('recent-key')),
      422,
      'Idempotency-Key',
    );
    // A replica purges expired rows on its first keyed request (and then once a minute).
    const other = replica();
    const res = await other.request(`/api/partners/${partner.id}`, {
      method: 'PUT',
      headers: { Cookie: admin.cookie, 'Content-Type': 'application/json', 'Idempotency-Key': randomUUID() },
      body: JSON.stringify({ contact: '联系人 清理' }),
    });
    expect(res.status).toBe(200);
    await expect.poll(() => h.db.idempotencyKey.count({ where: { key: 'stale-key' } })).toBe(0);
    expect(await h.db.idempotencyKey.count({ where: { key: 'recent-key' } })).toBe(1);
  });
});

describe('defect 7: a write and its audit entry commit together, or neither does', () => {
  beforeAll(async () => {
    // A fault: the audit append fails for the actions listed in refused_audit.
    await h.db.$executeRawUnsafe(`CREATE TABLE refused_audit (action TEXT PRIMARY KEY)`);
    await h.db.$executeRawUnsafe(`CREATE FUNCTION refuse_audit() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF EXISTS (SELECT 1 FROM refused_audit WHERE action = NEW.action) THEN RAISE EXCEPTION 'audit refused for %', NEW.action; END IF;
        RETURN NEW;
      END $$`);
    await h.db.$executeRawUnsafe(
      `CREATE TRIGGER refuse_audit BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION refuse_audit()`,
    );
  });
  const refuse = (action: string) => h.db.$executeRaw`INSERT INTO refused_audit (action) VALUES (${action})`;
  const allow = (action: string) => h.db.$executeRaw`DELETE FROM refused_audit WHERE action = ${action}`;

  it('when the audit entry cannot be written, the write is not kept and the answer is a clean 503', async () => {
    await refuse('POST /api/partners');
    const res = await admin.request('POST', '/api/partners', { name: '审计失败测试社', kind: 'CHARITY' });
    const problem = await expectProblem(res, 503);
    expect(problem.type).toBe('urn:guanai:problem:not-recorded');
    expect(await h.db.partner.count({ where: { name: '审计失败测试社' } })).toBe(0);
    await allow('POST /api/partners');
    expect((await admin.request('POST', '/api/partners', { name: '审计失败测试社', kind: 'CHARITY' })).status).toBe(
      201,
    );
    expect(await h.db.partner.count({ where: { name: '审计失败测试社' } })).toBe(1);
    expect(await h.db.auditEntry.count({ where: { action: 'POST /api/partners' } })).toBe(1);
  });

  it('a handler’s own transaction (registering a person) is part of the request’s: nothing is kept either', async () => {
    await refuse('POST /api/people');
    const before = await h.db.person.count();
    const key = randomUUID();
    const person = { name: '审计失败登记', hukou: 'CHENGDU', confirmNotDuplicate: true };
    await expectProblem(await station.request('POST', '/api/people', person, keyed(key)), 503);
    expect(await h.db.person.count()).toBe(before);
    // Its key was freed: the same request, once the log works, is processed (not a 409, not a replay).
    await allow('POST /api/people');
    const retried = await station.request('POST', '/api/people', person, keyed(key));
    expect(retried.status).toBe(201);
    expect(retried.headers.get('idempotent-replayed')).toBeNull();
    expect(await h.db.person.count()).toBe(before + 1);
  });

  it('a workflow action whose audit entry fails answers 503; the retry with its key records it once, with its entry', async () => {
    const caseId = await openCase('审计失败备注');
    await refuse('POST /api/cases/:id/notes');
    const key = randomUUID();
    const note = { text: '电话回访', kind: 'CALL' };
    await expectProblem(await station.request('POST', `/api/cases/${caseId}/notes`, note, keyed(key)), 503);
    await allow('POST /api/cases/:id/notes');
    expect((await station.request('POST', `/api/cases/${caseId}/notes`, note, keyed(key))).status).toBe(201);
    expect(await h.db.caseEvent.count({ where: { caseId, type: 'ADD_NOTE' } })).toBe(1);
    expect(
      await h.db.auditEntry.count({
        where: { action: 'POST /api/cases/:id/notes', target: `/api/cases/${caseId}/notes` },
      }),
    ).toBe(1);
  });

  it('the chain still verifies', async () => {
    expect(await verifyAuditChain(h.db)).toMatchObject({ ok: true });
  });
});

describe('defect 8: X-Filename and the login limit', () => {
  it('a malformed or over-long X-Filename is a 422 naming the header, wherever it is read', async () => {
    const caseId = await openCase('文件名辛');
    const upload = (name: string) =>
      h.app.request(`/api/cases/${caseId}/attachments`, {
        method: 'POST',
        headers: { Cookie: station.cookie, 'Content-Type': 'image/png', 'X-Filename': name },
        body: 'png',
      });
    await expectProblem(await upload('%E0%A4%A'), 422, 'X-Filename');
    await expectProblem(await upload('a'.repeat(5000)), 422, 'X-Filename');
    await expectProblem(await upload(encodeURIComponent('a'.repeat(201))), 422, 'X-Filename');
    const roster = (name: string) =>
      h.app.request('/api/people/imports', {
        method: 'POST',
        headers: { Cookie: station.cookie, 'Content-Type': 'text/csv', 'X-Filename': name },
        body: '姓名\n张三\n',
      });
    await expectProblem(await roster('%E0%A4%A'), 422, 'X-Filename');
    await expectProblem(await roster('b'.repeat(5000)), 422, 'X-Filename');
  });

  it('failed sign-ins are counted across API replicas', async () => {
    const other = replica();
    const login = (app: typeof h.app, password: string) =>
      app.request('/api/auth/login', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ username: 'discoverer', password }),
      });
    for (const app of [h.app, other, h.app, other, h.app])
      expect((await login(app, 'wrong-password')).status).toBe(401);
    for (const app of [h.app, other]) {
      const limited = await login(app, DEMO_PASSWORD);
      expect(limited.status).toBe(429);
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    }
    expect(await h.db.loginFailure.count()).toBe(5);
  });

  it('an attachment uploaded through one replica is read through another (its bytes are in PostgreSQL, not on a disk of one machine)', async () => {
    const other = replica();
    const created = await h.app.request('/api/cases', {
      method: 'POST',
      headers: { Cookie: station.cookie, 'Content-Type': 'application/json', ...keyed(randomUUID()) },
      body: JSON.stringify(application('两台副本')),
    });
    expect(created.status).toBe(201);
    const { id: caseId } = await json(created);
    const png = Buffer.from('89504e470d0a1a0a0000000d494844520000', 'hex');
    const upload = () =>
      h.app.request(`/api/cases/${caseId}/attachments`, {
        method: 'POST',
        headers: {
          Cookie: station.cookie,
          'Content-Type': 'image/png',
          'X-Filename': 'photo.png',
          ...keyed('two-replicas'),
        },
        body: png,
      });
    const first = await upload();
    expect(first.status).toBe(201);
    const { id } = await json(first);
    const read = await other.request(`/api/attachments/${id}/content`, { headers: { Cookie: caseworker.cookie } });
    expect(read.status).toBe(200);
    expect(Buffer.from(await read.arrayBuffer())).toEqual(png);
    // The same upload again (its key) is the first answer; the bytes are stored once.
    expect((await json(await upload())).id).toBe(id);
    expect(await h.db.attachmentContent.count({ where: { id } })).toBe(1);
  });
});
