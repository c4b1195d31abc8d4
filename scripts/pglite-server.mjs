// Embedded PostgreSQL for `npm start` when DATABASE_URL is not set: PGlite (Postgres in WASM)
// with its data in a folder, served over the PostgreSQL wire protocol on a local port.
import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

export async function startPglite({ dataDir, port, host = '127.0.0.1' }) {
  mkdirSync(dataDir, { recursive: true });
  const db = await PGlite.create({ dataDir });
  const server = new PGLiteSocketServer({ db, port, host, maxConnections: 32 });
  await server.start();
  return {
    url: `postgresql://postgres@${host}:${port}/postgres?sslmode=disable`,
    async stop() {
      await server.stop();
      await db.close();
    },
  };
}
