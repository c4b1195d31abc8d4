import { randomBytes } from 'node:crypto';
import { createDb, identityKeys } from '@guanai/db';
import { createTestDatabase, testServerUrl, type TestDatabase } from '@guanai/db/testing';
import { Client } from '@temporalio/client';
import pg from 'pg';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app.ts';
import { pgFileStore } from '../files/file-store.ts';

/**
 * Issue 14: with several replicas and workers on one PostgreSQL server, its connection slots can run
 * out. That is the database being unavailable, not a fault of the request: a 503 the client may retry
 * (with its Idempotency-Key), never a 500. A real refusal: a role whose connection limit is 0.
 */
const role = `guanai_no_slots_${randomBytes(4).toString('hex')}`;
let database: TestDatabase;
const admin = () => new pg.Client({ connectionString: testServerUrl() });

beforeAll(async () => {
  database = await createTestDatabase();
  const c = admin();
  await c.connect();
  await c.query(`CREATE ROLE ${role} LOGIN CONNECTION LIMIT 0`);
  await c.end();
});
afterAll(async () => {
  await database?.drop();
  const c = admin();
  await c.connect();
  await c.query(`DROP ROLE IF EXISTS ${role}`);
  await c.end();
});

describe('PostgreSQL out of connection slots', () => {
  it('a sign-in is answered 503 with Retry-After and a problem, not 500', async () => {
    const url = new URL(database.url);
    url.username = role;
    const db = createDb({ url: url.toString(), max: 1 });
    const { app } = createApp({
      db,
      temporal: new Client(),
      keys: identityKeys('database-unavailable-test-secret-0123456789abcdef'),
      logger: pino({ level: 'silent' }),
      files: pgFileStore(db),
    });
    const res = await app.request('/api/auth/login', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username: 'station', password: 'Guanai@2026' }),
    });
    expect(res.status).toBe(503);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await res.json()).toMatchObject({ status: 503, title: 'Service unavailable' });
    await db.$disconnect();
  });
});
