import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '@guanai/devtools/net';
import { startPglite } from '@guanai/devtools/pglite-server';
import { seed } from '../seed/seed.ts';
import { verifyAuditChain, appendAudit } from './audit.ts';
import { createDb, type Db } from './client.ts';
import { migrate } from './migrate.ts';

/**
 * `npm start` runs on the embedded PGlite (PostgreSQL in WASM) unless DATABASE_URL is set: every
 * migration, the seed and the SQL the app relies on (triggers, functions) must work there too.
 */
let server: Awaited<ReturnType<typeof startPglite>>;
let db: Db;
let client: pg.Client;
const dataDir = mkdtempSync(join(tmpdir(), 'guanai-pglite-'));

beforeAll(async () => {
  server = await startPglite({ dataDir, port: await freePort() });
  await migrate({ url: server.url });
  db = createDb({ url: server.url, max: 1 });
  await seed(db);
  client = new pg.Client({ connectionString: server.url });
  await client.connect();
}, 120_000);
afterAll(async () => {
  await client?.end();
  await db?.$disconnect();
  await server?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('the embedded PGlite of npm start', () => {
  it('takes every migration and the seed', async () => {
    const { rows } = await client.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM org_unit WHERE level = 'DISTRICT'`,
    );
    expect(rows[0]!.n).toBe(23);
  });

  it('chains audit entries in the database (audit_append) that the application verifies', async () => {
    for (let i = 0; i < 3; i++)
      await appendAudit(db, { actorId: null, action: 'case.view', target: `case:${i}`, reason: '核实', detail: { i } });
    expect(await verifyAuditChain(db)).toEqual({ ok: true, entries: 3 });
  });

  it('keeps the SLA counters by trigger and answers sla_pending()', async () => {
    const unit = (
      await client.query<{ id: string }>(`SELECT id FROM org_unit WHERE level = 'TOWNSHIP' ORDER BY code LIMIT 1`)
    ).rows[0]!.id;
    const user = (await client.query<{ id: string }>(`SELECT id FROM app_user WHERE username = 'caseworker'`)).rows[0]!
      .id;
    await client.query(
      `INSERT INTO person (id, name, hukou, community_id, created_at, updated_at, created_by_id)
                        SELECT '00000000-0000-4000-8000-0000000000bb', '测试', 'CHENGDU', id, now(), now(), $1 FROM org_unit WHERE level = 'COMMUNITY' LIMIT 1`,
      [user],
    );
    await client.query(
      `INSERT INTO "case" (id, case_no, person_id, origin, situation, emergency, state, status, owning_unit_id, origin_unit_id, created_by_id, last_seq, data, flags, created_at, updated_at)
                        VALUES ('00000000-0000-4000-8000-0000000000cc', 'P-1', '00000000-0000-4000-8000-0000000000bb', 'SELF_APPLICATION', '测试', false, 'screening', 'OPEN', $1, $1, $2, 1, '{}', '[]', now(), now())`,
      [unit, user],
    );
    await client.query(
      `INSERT INTO task (id, case_id, kind, status, unit_id, due_at, warn_at, created_at)
                        VALUES ('p:1', '00000000-0000-4000-8000-0000000000cc', 'SCREEN', 'OPEN', $1, now() - interval '1 hour', now() - interval '2 hours', now()),
                               ('p:2', '00000000-0000-4000-8000-0000000000cc', 'ASSESS', 'OPEN', $1, now() + interval '1 hour', now() - interval '1 hour', now())`,
      [unit],
    );
    expect((await client.query(`SELECT open, total FROM unit_sla_count WHERE unit_id = $1`, [unit])).rows).toEqual([
      { open: 2, total: 2 },
    ]);
    expect((await client.query(`SELECT overdue, warned FROM sla_pending() WHERE unit_id = $1`, [unit])).rows).toEqual([
      { overdue: 1, warned: 1 },
    ]);
  });
});
