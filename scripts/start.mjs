#!/usr/bin/env node
// `npm start`: sets everything up and runs the whole system on one machine.
// Dependencies → Temporal CLI → database (DATABASE_URL or embedded PGlite) → migrations → demo
// seed → admin build → Temporal dev server → worker → API serving the admin. Ctrl-C stops it all.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dataDir = process.env.GUANAI_DATA_DIR ?? join(root, '.data');
const PORT = Number(process.env.PORT ?? 8080);
const TEMPORAL_PORT = Number(process.env.TEMPORAL_PORT ?? 7233);
const TEMPORAL_UI_PORT = Number(process.env.TEMPORAL_UI_PORT ?? 8233);
const PGLITE_PORT = Number(process.env.PGLITE_PORT ?? 54329);

const started = Date.now();
const step = (message) =>
  console.log(`\x1b[36m▸\x1b[0m ${message} \x1b[2m(${((Date.now() - started) / 1000).toFixed(1)} s)\x1b[0m`);
const fail = (message) => {
  console.error(`\x1b[31m✖ ${message}\x1b[0m`);
  process.exit(1);
};

/** Runs a command to completion without blocking this process, which may be serving the embedded database. */
function run(command, args, options = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, stdio: 'inherit', ...options });
    child.on('exit', (code) => {
      if (code !== 0) fail(`${command} ${args.join(' ')} failed (exit ${code})`);
      resolve();
    });
  });
}

/** Newest modification time of the files under a folder (skipping node_modules and dist). */
function newest(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(
    stat.mtimeMs,
    ...readdirSync(path)
      .filter((n) => n !== 'node_modules' && n !== 'dist')
      .map((n) => newest(join(path, n))),
  );
}

// 1. Dependencies (plain Node until they are there)
const { ensureDependencies } = await import('./lib/ensure-deps.mjs');
try {
  ensureDependencies(root, step);
} catch (error) {
  fail(error.message);
}

// The root's tooling is a workspace package, there once the dependencies are.
const { waitForPort } = await import('@guanai/devtools/net');
const { ensureTemporalCli } = await import('@guanai/devtools/temporal-cli');
const { startPglite } = await import('@guanai/devtools/pglite-server');

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
mkdirSync(dataDir, { recursive: true });
const secretFile = join(dataDir, 'secret');
if (!process.env.GUANAI_SECRET && !existsSync(secretFile))
  writeFileSync(secretFile, randomBytes(32).toString('base64url'), { mode: 0o600 });
const secret = process.env.GUANAI_SECRET ?? readFileSync(secretFile, 'utf8').trim();

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

// 4. Prisma client, migrations, demo seed
step('Generating the Prisma client…');
await run('node', ['prisma/scripts/generate.mjs'], { env });
step('Applying migrations…');
await run('node', ['--import', 'tsx', 'prisma/src/migrate-cli.ts'], { env });
const seededMarker = join(
  dataDir,
  pglite ? 'seeded-pglite' : `seeded-${Buffer.from(databaseUrl).toString('base64url').slice(0, 40)}`,
);
if (!existsSync(seededMarker)) {
  step('Seeding Chengdu’s network and the demo users (once)…');
  await run('node', ['--import', 'tsx', 'prisma/seed/seed-cli.ts'], { env });
  writeFileSync(seededMarker, new Date().toISOString());
}

// 5. Admin build
const adminDist = join(root, 'admin', 'dist', 'index.html');
if (!existsSync(adminDist) || newest(join(root, 'admin', 'src')) > statSync(adminDist).mtimeMs) {
  step('Building the admin UI…');
  await run('npm', ['run', 'build', '-w', '@guanai/admin'], { env });
}

// 6. Services
const children = [];
function service(name, command, args, { ready }) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'], detached: false });
    children.push({ name, child });
    const prefix = `\x1b[2m[${name}]\x1b[0m `;
    let isReady = false;
    const onLine = (line) => {
      if (line.trim()) process.stdout.write(prefix + line + '\n');
      if (!isReady && ready(line)) {
        isReady = true;
        resolve(child);
      }
    };
    for (const stream of [child.stdout, child.stderr]) {
      let buffer = '';
      stream.on('data', (chunk) => {
        buffer += chunk;
        const lines = buffer.split('\n');
        buffer = lines.pop();
        lines.forEach(onLine);
      });
    }
    child.on('exit', (code, signal) => {
      if (stopping) return;
      if (!isReady) reject(new Error(`${name} exited before it was ready (code ${code}, signal ${signal})`));
      else if (!stopping) {
        console.error(`\x1b[31m${name} exited (code ${code}, signal ${signal}); stopping everything\x1b[0m`);
        void shutdown(1);
      }
    });
  });
}

let stopping = false;
async function shutdown(code = 0) {
  if (stopping) return;
  stopping = true;
  console.log('\nStopping…');
  for (const { name, child } of children.reverse()) {
    if (child.exitCode !== null || child.signalCode !== null) continue;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
    console.log(`  stopped ${name}`);
  }
  if (pglite) {
    await pglite.stop();
    console.log('  stopped the embedded database');
  }
  process.exit(code);
}
process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));

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
\x1b[32m✔ Guanai 关爱援助 is running\x1b[0m (ready in ${((Date.now() - started) / 1000).toFixed(1)} s)

  Admin and API   http://127.0.0.1:${PORT}/
  Health          http://127.0.0.1:${PORT}/healthz
  Temporal UI     ${temporalCli ? `http://127.0.0.1:${TEMPORAL_UI_PORT}/` : `(external Temporal at ${env.TEMPORAL_ADDRESS})`}
  Database        ${pglite ? `embedded PGlite at postgresql://postgres@127.0.0.1:${PGLITE_PORT}/postgres` : 'DATABASE_URL'}

  Demo logins (password ${DEMO_PASSWORD}):
${demoUsers.map((u) => `    ${u.username.padEnd(22)} ${u.role.padEnd(15)} ${u.displayName}`).join('\n')}

  Press Ctrl-C to stop.
`);
