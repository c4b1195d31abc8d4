import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn, startHarness, type Harness } from './harness.ts';
import { json } from './harness.ts';

let h: Harness;
beforeAll(async () => {
  // Behind one proxy (as scripts/cluster.mjs runs the API): its X-Forwarded-For names each test's client.
  h = await startHarness({ trustedProxies: 1 });
});
afterAll(async () => h?.stop());

const login = (username: string, password: string) =>
  h.app.request('/api/auth/login', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': username },
    body: JSON.stringify({ username, password }),
  });

describe('sessions', () => {
  it('signs in with an HttpOnly SameSite cookie and answers /me', async () => {
    const res = await login('caseworker', 'Guanai@2026');
    expect(res.status).toBe(200);
    const setCookie = res.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/guanai_session=/);
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Strict/i);
    expect(await json(res)).toMatchObject({
      username: 'caseworker',
      role: 'CASEWORKER',
      orgUnit: { name: '锦官驿街道', level: 'TOWNSHIP' },
    });
    const session = await signIn(h.app, 'caseworker');
    expect((await session.request('GET', '/api/auth/me')).status).toBe(200);
  });

  it('stores only argon2id hashes and session-token digests', async () => {
    const user = await h.db.user.findUniqueOrThrow({ where: { username: 'caseworker' } });
    expect(user.passwordHash).toMatch(/^\$argon2id\$/);
    const session = await signIn(h.app, 'caseworker');
    const token = session.cookie.split('=')[1]!;
    expect(await h.db.session.count({ where: { id: token } })).toBe(0);
  });

  it('refuses a wrong password or an unknown user with the same 401 problem', async () => {
    for (const res of [await login('caseworker', 'wrong'), await login('nobody', 'wrong')]) {
      expect(res.status).toBe(401);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      expect((await json(res)).type).toBe('urn:guanai:problem:bad-credentials');
    }
  });

  it('logout revokes the session on the server', async () => {
    const session = await signIn(h.app, 'supervisor');
    expect((await session.request('POST', '/api/auth/logout')).status).toBe(204);
    expect((await session.request('GET', '/api/auth/me')).status).toBe(401);
    expect((await session.request('GET', '/api/tasks')).status).toBe(401);
  });

  it('a session ends when it expires; another session of the same user goes on', async () => {
    const [ending, other] = [await signIn(h.app, 'station'), await signIn(h.app, 'station')];
    const digest = createHash('sha256').update(ending.cookie.split('=')[1]!).digest('hex');
    expect((await ending.request('GET', '/api/auth/me')).status).toBe(200);
    await h.db.session.update({ where: { id: digest }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await ending.request('GET', '/api/auth/me')).status).toBe(401);
    expect(await json(await other.request('GET', '/api/auth/me'))).toMatchObject({
      username: 'station',
      orgUnit: { level: 'COMMUNITY' },
    });
  });

  it('a deactivated user loses their session at once', async () => {
    const session = await signIn(h.app, 'manager');
    await h.db.user.update({ where: { username: 'manager' }, data: { active: false } });
    expect((await session.request('GET', '/api/auth/me')).status).toBe(401);
    expect((await login('manager', 'Guanai@2026')).status).toBe(401);
  });

  it('rate-limits failed sign-ins with a clear 429 and Retry-After', async () => {
    for (let i = 0; i < 5; i++) expect((await login('partner', 'bad')).status).toBe(401);
    const limited = await login('partner', 'Guanai@2026');
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await json(limited)).detail).toMatch(/too many failed sign-ins/);
    // What the client writes into X-Forwarded-For itself does not make it another address.
    const spoofed = await h.app.request('/api/auth/login', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': '198.51.100.9, partner' },
      body: JSON.stringify({ username: 'partner', password: 'Guanai@2026' }),
    });
    expect(spoofed.status).toBe(429);
  });
});
