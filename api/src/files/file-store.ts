import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Db } from '@guanai/db';

/**
 * Where attachment bytes live: in PostgreSQL by default (every API replica, on any machine, reads
 * what another stored), in a folder when ATTACHMENTS_DIR names one (a volume every replica mounts),
 * or object storage behind the same interface.
 */
export interface FileStore {
  put(id: string, bytes: Uint8Array): Promise<void>;
  get(id: string): Promise<Buffer | null>;
}

export function diskFileStore(dir: string): FileStore {
  const path = (id: string) => join(dir, id.slice(0, 2), id);
  return {
    async put(id, bytes) {
      await mkdir(join(dir, id.slice(0, 2)), { recursive: true });
      await writeFile(path(id), bytes, { flag: 'wx' }).catch((error: NodeJS.ErrnoException) => {
        if (error.code !== 'EEXIST') throw error; // the same id twice is the same upload retried
      });
    },
    async get(id) {
      return readFile(path(id)).catch((error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT') return null;
        throw error;
      });
    },
  };
}

/** Attachment bytes in the database (attachment_content): written once per id, as the disk store. */
export function pgFileStore(db: Db): FileStore {
  return {
    async put(id, bytes) {
      // The same id twice is the same upload retried (possibly through another replica).
      await db.attachmentContent.createMany({ data: [{ id, bytes: new Uint8Array(bytes) }], skipDuplicates: true });
    },
    async get(id) {
      const row = await db.attachmentContent.findUnique({ where: { id } });
      return row ? Buffer.from(row.bytes) : null;
    },
  };
}
