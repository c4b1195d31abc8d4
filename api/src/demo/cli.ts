// `npm run db:demo`: loads the demo data (演示数据) into the database at DATABASE_URL, on request only.
// Needs the system running (Temporal and the case worker: `npm start` or `npm run cluster`); this
// process serves the loader's activities and prints its progress until it has finished.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Client, Connection } from '@temporalio/client';
import { createDb, databaseUrl, identityKeys } from '@guanai/db';
import { runDemoLoader } from './run-demo-worker.ts';
import { DEFAULT_DEMO_CASES } from './start-demo-loader.ts';

// The identity numbers' key: the environment's, else the one `npm start` keeps in its data folder.
const dataDir = process.env.GUANAI_DATA_DIR ?? fileURLToPath(new URL('../../../.data', import.meta.url));
const secretFile = join(dataDir, 'secret');
const secret =
  process.env.GUANAI_SECRET ?? (existsSync(secretFile) ? readFileSync(secretFile, 'utf8').trim() : undefined);
const address = process.env.TEMPORAL_ADDRESS ?? '127.0.0.1:7233';
const connection = await Connection.connect({ address });
const temporal = new Client({ connection, namespace: process.env.TEMPORAL_NAMESPACE ?? 'default' });
const db = createDb({ url: databaseUrl(), max: 4 });
const started = Date.now();
try {
  const summary = await runDemoLoader({
    db,
    keys: identityKeys(secret),
    temporal,
    address,
    namespace: process.env.TEMPORAL_NAMESPACE ?? 'default',
    total: Number(process.env.GUANAI_DEMO_CASES ?? DEFAULT_DEMO_CASES),
    disclosureThreshold: Number(process.env.DISCLOSURE_MIN_RECIPIENTS ?? 3),
    progressEveryMs: 5_000,
    logger: { info: (message: string) => console.log(message), error: (message: string) => console.error(message) },
  });
  if (summary)
    console.log(`✔ ${summary.total} demo cases in ${((Date.now() - started) / 1000).toFixed(0)} s:`, summary.states);
} finally {
  await db.$disconnect();
  await connection.close();
}
