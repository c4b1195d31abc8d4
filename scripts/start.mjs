#!/usr/bin/env node
// `npm start`: sets everything up and runs the whole system on one machine.
// Dependencies → Temporal CLI → database (DATABASE_URL or embedded PGlite) → migrations → demo
// seed → admin build → Temporal dev server → worker → API serving the admin. Ctrl-C stops it all.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createLauncher, ensureSecret } from './lib/launcher.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dataDir = process.env.GUANAI_DATA_DIR ?? join(root, '.data');
const PORT = Number(process.env.PORT ?? 8080);
const TEMPORAL_PORT = Number(process.env.TEMPORAL_PORT ?? 7233);
const TEMPORAL_UI_PORT = Number(process.env.TEMPORAL_UI_PORT ?? 8233);
const PGLITE_PORT = Number(process.env.PGLITE_PORT ?? 54329);

const { step, fail, run, elapsed, installDependencies } = createLauncher(root);

// 1. Dependencies (plain Node until they are there)
installDependencies();

// The root's tooling is a workspace package, there once the dependencies are.
const { waitForPort } = await import('@guanai/devtools/net');
const { ensureTemporalCli } = await import('@guanai/devtools/temporal-cli');
const { startPglite } = await import('@guanai/devtools/pglite-server');
const { createSupervisor } = await import('@guanai/devtools/supervisor');
const { prepareApp } = await import('./lib/prepare-app.mjs');
const { demoDecision } = await import('@guanai/devtools/demo-decision');

// 2. Temporal CLI
let temporalCli;
if (!process.env.TEMPORAL_ADDRESS) {
  try {
    temporalCli = ensureTemporalCli({ log: step });
  } catch (error) {
    fail(error.message);
  }
}

// 3. Secrets and the database
const secret = ensureSecret(dataDir);

let pglite;
let databaseUrl = process.env.DATABASE_URL;
if (databaseUrl) {
  step(`Using the database at DATABASE_URL (${databaseUrl.replace(/\/\/[^@]*@/, '//…@')})`);
} else {
  step(`Starting embedded PostgreSQL (PGlite, data in ${join(dataDir, 'pglite')}) on port ${PGLITE_PORT}…`);
  pglite = await startPglite({ dataDir: join(dataDir, 'pglite'), port: PGLITE_PORT });
  databaseUrl = pglite.url;
}
const env = {
  ...process.env,
  DATABASE_URL: databaseUrl,
  GUANAI_SECRET: secret,
  TEMPORAL_ADDRESS: process.env.TEMPORAL_ADDRESS ?? `127.0.0.1:${TEMPORAL_PORT}`,
  PORT: String(PORT),
};
if (pglite) env.DB_POOL_MAX = env.DB_POOL_MAX ?? '4';
// The living demo (演示数据): on the embedded default only; the API loads it in the background.
const demo = demoDecision({ env: process.env, embedded: Boolean(pglite) });
step(`Demo data: ${demo.reason}`);
if (demo.load) env.GUANAI_DEMO_LOAD = '1';

// 4. Prisma client, migrations, demo seed; 5. the admin build
await prepareApp({ root, dataDir, env, step, run, seededMarker: pglite ? 'seeded-pglite' : undefined });

// 6. Services
const { service, shutdown } = createSupervisor({
  cwd: root,
  env,
  onStop: async () => {
    if (!pglite) return;
    await pglite.stop();
    console.log('  stopped the embedded database');
  },
});

try {
  if (temporalCli) {
    step(`Starting the Temporal dev server (state in ${join(dataDir, 'temporal.sqlite')})…`);
    const temporalArgs = [
      'server',
      'start-dev',
      '--db-filename',
      join(dataDir, 'temporal.sqlite'),
      '--ip',
      '127.0.0.1',
      '--port',
      String(TEMPORAL_PORT),
      '--ui-port',
      String(TEMPORAL_UI_PORT),
      '--log-level',
      'error',
    ];
    await service('temporal', temporalCli, temporalArgs, { ready: (line) => line.startsWith('Server:') });
    await waitForPort(TEMPORAL_PORT);
  }
  step('Starting the worker…');
  await service('worker', process.execPath, ['--import', 'tsx', 'workflows/src/worker.ts'], {
    ready: (line) => line.includes('worker polling'),
  });
  step('Starting the API…');
  await service('api', process.execPath, ['--import', 'tsx', 'api/src/server.ts'], {
    ready: (line) => line.includes('API listening'),
  });
} catch (error) {
  console.error(`\x1b[31m✖ ${error.message}\x1b[0m`);
  await shutdown(1);
}

const { demoUsers, DEMO_PASSWORD } = await import('@guanai/db/demo-users');
console.log(`
\x1b[32m✔ Guanai 关爱援助 is running\x1b[0m (ready in ${elapsed()} s)

  Admin and API   http://127.0.0.1:${PORT}/
  Health          http://127.0.0.1:${PORT}/healthz
  Temporal UI     ${temporalCli ? `http://127.0.0.1:${TEMPORAL_UI_PORT}/` : `(external Temporal at ${env.TEMPORAL_ADDRESS})`}
  Database        ${pglite ? `embedded PGlite at postgresql://postgres@127.0.0.1:${PGLITE_PORT}/postgres` : 'DATABASE_URL'}

  Demo logins (password ${DEMO_PASSWORD}):
${demoUsers.map((u) => `    ${u.username.padEnd(22)} ${u.role.padEnd(15)} ${u.displayName}`).join('\n')}

${
  demo.load
    ? `  Demo data       loaded once, in the background, the first time (a few minutes): progress in the
                  API's log, the admin's banner and GET /api/demo/status; GUANAI_DEMO=0 skips it\n`
    : ''
}
  Press Ctrl-C to stop.
`);
