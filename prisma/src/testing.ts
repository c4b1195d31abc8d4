import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { createDb, type Db } from './client.ts';
import { migrate } from './migrate.ts';

/** A PostgreSQL server for tests: TEST_DATABASE_URL, else the local server CI starts. */
export const testServerUrl = () => process.env.TEST_DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';

export interface TestDatabase {
  url: string;
  db: Db;
  drop(): Promise<void>;
}

/** A fresh, migrated database on the real PostgreSQL server, dropped afterwards. */
export async function createTestDatabase({ migrated = true } = {}): Promise<TestDatabase> {
  const admin = new URL(testServerUrl());
  const name = `guanai_test_${randomBytes(6).toString('hex')}`;
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  await client.query(`CREATE DATABASE ${name}`);
  await client.end();
  const url = new URL(admin.toString());
  url.pathname = `/${name}`;
  if (migrated) await migrate({ url: url.toString() });
  const db = createDb({ url: url.toString(), max: 5 });
  return {
    url: url.toString(),
    db,
    async drop() {
      await db.$disconnect();
      const c = new pg.Client({ connectionString: admin.toString() });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}
