import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findDrift } from './drift.ts';
import { createTestDatabase, type TestDatabase } from './testing.ts';

const schemaPath = fileURLToPath(new URL('../schema.prisma', import.meta.url));
let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database?.drop());

async function sql(statement: string) {
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  await client.query(statement);
  await client.end();
}

describe('drift between the migrations and schema.prisma', () => {
  it('the migrated database matches schema.prisma', async () => {
    expect(await findDrift({ url: database.url, schemaPath })).toEqual([]);
  });

  it('names a column the schema has and the database lacks, a stray index and a changed nullability', async () => {
    await sql('ALTER TABLE person DROP COLUMN phone');
    await sql('CREATE INDEX stray ON task (kind)');
    await sql('ALTER TABLE "case" ALTER COLUMN closure_reason SET NOT NULL');
    const drift = await findDrift({ url: database.url, schemaPath });
    expect(drift).toEqual(
      expect.arrayContaining([
        'column person.phone is missing in the database',
        'plain index on task(kind) is in the database but not in the schema',
        'column case.closure_reason is NOT NULL in the database, optional in the schema',
      ]),
    );
  });
});
