import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase, type TestDatabase } from '@guanai/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { diskFileStore, pgFileStore, type FileStore } from './file-store.ts';

let database: TestDatabase;
const dir = mkdtempSync(join(tmpdir(), 'guanai-files-'));
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.drop();
  rmSync(dir, { recursive: true, force: true });
});

const stores: [string, () => FileStore][] = [
  ['in PostgreSQL (the default)', () => pgFileStore(database.db)],
  ['in a folder (ATTACHMENTS_DIR)', () => diskFileStore(dir)],
];

describe.each(stores)('attachment bytes %s', (_, store) => {
  it('give back what was put, keep the first bytes when the same id is put again, and nothing for an unknown id', async () => {
    const files = store();
    const id = crypto.randomUUID();
    const bytes = Buffer.from('照片 photo bytes');
    await files.put(id, bytes);
    expect(await files.get(id)).toEqual(bytes);
    // A retried upload under the same id (through any replica) changes nothing.
    await files.put(id, Buffer.from('something else'));
    expect(await files.get(id)).toEqual(bytes);
    expect(await files.get(crypto.randomUUID())).toBeNull();
  });
});
