import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendAudit, verifyAuditChain } from './audit.ts';
import { createTestDatabase, type TestDatabase } from './testing.ts';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database?.drop());

/** Tampering as the database owner would: switch the append-only trigger off first. */
async function tamper(sql: string) {
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  await client.query('ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update');
  await client.query(sql);
  await client.query('ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update');
  await client.end();
}

describe('the hash-chained audit log', () => {
  it('chains entries written concurrently and verifies them', async () => {
    // Chained by the database (audit_append), verified by the application: Chinese text hashes the same in both.
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        appendAudit(database.db, {
          actorId: null,
          action: 'case.view',
          target: `case:${i}`,
          reason: i % 2 ? '核实低保资格：查看身份证号' : null,
          detail: { i, 备注: '困难群众', unset: undefined },
        }),
      ),
    );
    expect(await verifyAuditChain(database.db)).toEqual({ ok: true, entries: 20 });
  });

  it('refuses updates and deletes from the application', async () => {
    await expect(database.db.$executeRawUnsafe(`UPDATE audit_log SET action = 'x' WHERE id = 1`)).rejects.toThrow(
      /append-only/,
    );
    await expect(database.db.$executeRawUnsafe('DELETE FROM audit_log WHERE id = 1')).rejects.toThrow(/append-only/);
  });

  let original = '';
  it('names the first changed entry', async () => {
    original = (await database.db.auditEntry.findUniqueOrThrow({ where: { id: 7n } })).target;
    await tamper(`UPDATE audit_log SET target = 'case:forged' WHERE id = 7`);
    expect(await verifyAuditChain(database.db)).toMatchObject({
      ok: false,
      brokenAt: 7n,
      entries: 6,
      reason: expect.stringMatching(/content does not match/),
    });
  });

  it('names the entry after a removed one', async () => {
    await tamper(`UPDATE audit_log SET target = '${original}' WHERE id = 7`); // put 7 back as it was
    expect((await verifyAuditChain(database.db)).ok).toBe(true);
    await tamper('DELETE FROM audit_log WHERE id = 12');
    expect(await verifyAuditChain(database.db)).toMatchObject({
      ok: false,
      brokenAt: 13n,
      reason: expect.stringMatching(/link to the previous entry/),
    });
  });
});
