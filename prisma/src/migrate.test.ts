import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { migrate, readMigrations } from './migrate.ts';
import { createTestDatabase, type TestDatabase } from './testing.ts';

const open: TestDatabase[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((d) => d.drop()));
});
async function emptyDatabase() {
  const database = await createTestDatabase({ migrated: false });
  open.push(database);
  return database;
}
function migrationsFolder(files: Record<string, string>) {
  const dir = mkdtempSync(join(tmpdir(), 'guanai-migrations-'));
  for (const [name, sql] of Object.entries(files)) {
    mkdirSync(join(dir, name));
    writeFileSync(join(dir, name, 'migration.sql'), sql);
  }
  return dir;
}
async function query<T extends pg.QueryResultRow>(url: string, sql: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

describe('migration runner', () => {
  it('applies migrations in folder order, each once, recorded with their checksums', async () => {
    const { url } = await emptyDatabase();
    const dir = migrationsFolder({
      '20260102000000_second': 'INSERT INTO t (v) VALUES (2);',
      '20260101000000_first': 'CREATE TABLE t (v int); INSERT INTO t (v) VALUES (1);',
    });
    expect(await migrate({ url, dir })).toEqual({
      applied: ['20260101000000_first', '20260102000000_second'],
      skipped: [],
    });
    expect(await migrate({ url, dir })).toEqual({
      applied: [],
      skipped: ['20260101000000_first', '20260102000000_second'],
    });
    expect(await query(url, 'SELECT v FROM t ORDER BY v')).toEqual([{ v: 1 }, { v: 2 }]);
    const recorded = await query<{ migration_name: string; checksum: string }>(
      url,
      'SELECT migration_name, checksum FROM _prisma_migrations ORDER BY migration_name',
    );
    expect(recorded).toEqual(readMigrations(dir).map((m) => ({ migration_name: m.name, checksum: m.checksum })));
  });

  it('refuses a migration that was changed after it was applied, naming it', async () => {
    const { url } = await emptyDatabase();
    const dir = migrationsFolder({ '20260101000000_first': 'CREATE TABLE t (v int);' });
    await migrate({ url, dir });
    writeFileSync(join(dir, '20260101000000_first', 'migration.sql'), 'CREATE TABLE t (v bigint);');
    await expect(migrate({ url, dir })).rejects.toThrow(/20260101000000_first was changed after it was applied/);
  });

  it('a failing migration leaves nothing of itself behind and is not recorded', async () => {
    const { url } = await emptyDatabase();
    const dir = migrationsFolder({
      '20260101000000_ok': 'CREATE TABLE t (v int);',
      '20260102000000_broken': 'CREATE TABLE half (v int); INSERT INTO nowhere VALUES (1);',
    });
    await expect(migrate({ url, dir })).rejects.toThrow(/20260102000000_broken failed/);
    expect(await query(url, "SELECT to_regclass('half') AS half")).toEqual([{ half: null }]);
    expect(await query(url, 'SELECT migration_name FROM _prisma_migrations')).toEqual([
      { migration_name: '20260101000000_ok' },
    ]);
  });

  it('two processes starting at once apply each migration exactly once', async () => {
    const { url } = await emptyDatabase();
    const dir = migrationsFolder({
      '20260101000000_first': 'CREATE TABLE t (v int); SELECT pg_sleep(0.3);',
      '20260102000000_second': 'INSERT INTO t (v) VALUES (2);',
    });
    const results = await Promise.all([migrate({ url, dir }), migrate({ url, dir }), migrate({ url, dir })]);
    expect(results.flatMap((r) => r.applied).sort()).toEqual(['20260101000000_first', '20260102000000_second']);
    expect(await query(url, 'SELECT count(*)::int AS n FROM t')).toEqual([{ n: 1 }]);
    expect(await query(url, 'SELECT count(*)::int AS n FROM _prisma_migrations')).toEqual([{ n: 2 }]);
  });

  it('the project migrations apply to an empty database and again as a no-op', async () => {
    const { url } = await emptyDatabase();
    const first = await migrate({ url });
    expect(first.applied.length).toBeGreaterThan(0);
    expect((await migrate({ url })).applied).toEqual([]);
  });
});
