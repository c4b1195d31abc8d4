// What `npm start` and `npm run cluster` both do before starting processes: the Prisma client, the
// migrations, the demo seed (once per database) and the admin build (when its sources changed).
import { existsSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
// A workspace package: this module is imported once the dependencies are installed.
import { newestModified } from '@guanai/devtools/files';

/**
 * `run(command, args, { env })` runs a step to completion (failing the launcher when it fails);
 * `seededMarker` names the file that says this database is seeded (default: one per DATABASE_URL).
 */
export async function prepareApp({ root, dataDir, env, step, run, seededMarker }) {
  step('Generating the Prisma client…');
  await run('node', ['prisma/scripts/generate.mjs'], { env });
  step('Applying migrations…');
  await run('node', ['--import', 'tsx', 'prisma/src/migrate-cli.ts'], { env });
  const marker = join(
    dataDir,
    seededMarker ?? `seeded-${Buffer.from(env.DATABASE_URL).toString('base64url').slice(0, 40)}`,
  );
  if (!existsSync(marker)) {
    step('Seeding Chengdu’s network and the demo users (once)…');
    await run('node', ['--import', 'tsx', 'prisma/seed/seed-cli.ts'], { env });
    writeFileSync(marker, new Date().toISOString());
  }
  const adminDist = join(root, 'admin', 'dist', 'index.html');
  if (!existsSync(adminDist) || newestModified(join(root, 'admin', 'src')) > statSync(adminDist).mtimeMs) {
    step('Building the admin UI…');
    // Always a production build (React's, and the service worker's): under vitest (the browser tests)
    // NODE_ENV is `test`, which Vite would otherwise follow (import.meta.env.PROD false).
    await run('npm', ['run', 'build', '-w', '@guanai/admin'], { env: { ...env, NODE_ENV: 'production' } });
  }
}
