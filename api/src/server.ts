import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { Client, Connection } from '@temporalio/client';
import { pino } from 'pino';
import { createDb, databaseUrl, identityKeys } from '@guanai/db';
import { createApp } from './app.ts';
import { diskFileStore, pgFileStore } from './files/file-store.ts';
import { resumeImports } from './domain/people/resume-person-imports.ts';
import { IMPORT_LEASE_MS } from './domain/people/run-person-import.ts';
import { ensureDisclosureSchedule } from './temporal/disclosure-schedule.ts';
import { runDemoLoader } from './demo/run-demo-worker.ts';
import { DEFAULT_DEMO_CASES } from './demo/start-demo-loader.ts';

const logger = pino({ level: process.env.LOG_LEVEL ?? 'info' });
const port = Number(process.env.PORT ?? 8080);
const address = process.env.TEMPORAL_ADDRESS ?? '127.0.0.1:7233';
const connection = await Connection.connect({ address });
const temporal = new Client({ connection, namespace: process.env.TEMPORAL_NAMESPACE ?? 'default' });
const db = createDb({ url: databaseUrl(), max: Number(process.env.DB_POOL_MAX ?? 10) });
const adminDist = process.env.ADMIN_DIST ?? fileURLToPath(new URL('../../admin/dist', import.meta.url));

const files = process.env.ATTACHMENTS_DIR ? diskFileStore(process.env.ATTACHMENTS_DIR) : pgFileStore(db);
const optionalNumber = (name: string) => (process.env[name] ? Number(process.env[name]) : undefined);
const caseSettings = {
  ...(optionalNumber('FOLLOW_UP_DELAY_HOURS') !== undefined
    ? { followUpDelayHours: optionalNumber('FOLLOW_UP_DELAY_HOURS') }
    : {}),
  ...(optionalNumber('REOPEN_WINDOW_DAYS') !== undefined
    ? { reopenWindowDays: optionalNumber('REOPEN_WINDOW_DAYS') }
    : {}),
};
const disclosureThreshold = Number(process.env.DISCLOSURE_MIN_RECIPIENTS ?? 3);
const deps = {
  db,
  temporal,
  keys: identityKeys(),
  logger,
  adminDist,
  files,
  caseSettings,
  disclosureThreshold,
  secureCookies: process.env.COOKIE_SECURE === 'true',
  // Proxies in front that append the client's address to X-Forwarded-For (the per-address limits).
  trustedProxies: optionalNumber('TRUSTED_PROXIES') ?? 0,
};
const { app } = createApp(deps);
// §四(七): the monthly disclosure schedule (created once; already there on later starts).
void ensureDisclosureSchedule(temporal, { threshold: disclosureThreshold }).catch((err: unknown) =>
  logger.error({ err }, 'creating the disclosure schedule failed'),
);
// Roster imports that were running when an API process stopped carry on: now, and once a lease
// period, so that a replica takes over the imports of one that died (see resumeImports).
const resume = () => void resumeImports(deps).catch((err: unknown) => logger.error({ err }, 'resuming imports failed'));
resume();
setInterval(resume, IMPORT_LEASE_MS).unref();
// The living demo (演示数据): the launcher asks for it on the embedded default (scripts/lib/demo-decision.mjs).
// Loaded in the background through the case workflows while the API serves; one replica's start wins.
if (process.env.GUANAI_DEMO_LOAD === '1') {
  void runDemoLoader({
    db,
    keys: deps.keys,
    temporal,
    address,
    namespace: process.env.TEMPORAL_NAMESPACE ?? 'default',
    total: Number(process.env.GUANAI_DEMO_CASES ?? DEFAULT_DEMO_CASES),
    caseSettings,
    disclosureThreshold,
    logger,
  }).catch((err: unknown) => logger.error({ err }, 'loading the demo data failed'));
}
const server = serve({ fetch: app.fetch, port, hostname: process.env.HOST ?? '127.0.0.1' }, (info) => {
  logger.info(`API listening on http://${info.address}:${info.port}`);
});

const shutdown = async () => {
  server.close();
  await Promise.allSettled([db.$disconnect(), connection.close()]);
  process.exit(0);
};
// shutdown() ends the process (its one await is allSettled, which never rejects): nothing waits for it.
process.on('SIGINT', () => void shutdown());
process.on('SIGTERM', () => void shutdown());
