import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** Where attachment bytes live: a folder on disk here, object storage behind the same interface at scale. */
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
