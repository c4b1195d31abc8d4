// The Temporal server and its SQL schema tool (v1.29.1, the version the CLI v1.5.1 embeds), for
// `npm run cluster`: found in the cache, else built once with `go install` from the Go module proxy
// (about 10 minutes on 2 cores). Nothing is downloaded but Go modules.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, join } from 'node:path';
import { temporalCacheDir } from './temporal-cli.mjs';

export const TEMPORAL_SERVER_VERSION = 'v1.29.1';
const MODULES = {
  server: `go.temporal.io/server/cmd/server@${TEMPORAL_SERVER_VERSION}`,
  sql: `go.temporal.io/server/cmd/tools/sql@${TEMPORAL_SERVER_VERSION}`,
};

function goBinary() {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (dir && existsSync(join(dir, 'go'))) return join(dir, 'go');
  }
  return existsSync('/usr/local/go/bin/go') ? '/usr/local/go/bin/go' : null;
}

/** Where the binaries of this server version live (the CLI's cache, one folder per version). */
export const temporalServerDir = () => join(temporalCacheDir(), `temporal-server-${TEMPORAL_SERVER_VERSION}`);

/**
 * The server's schema files (schema/postgresql/v12/…), from the Go module cache the build filled.
 */
export function temporalSchemaDir() {
  const gomodcache =
    process.env.GOMODCACHE ||
    spawnSync(goBinary() ?? 'go', ['env', 'GOMODCACHE'], { encoding: 'utf8' }).stdout?.trim() ||
    join(homedir(), 'go', 'pkg', 'mod');
  const dir = join(gomodcache, 'go.temporal.io', `server@${TEMPORAL_SERVER_VERSION}`, 'schema', 'postgresql', 'v12');
  if (!existsSync(dir)) throw new Error(`Temporal's schema files are not in ${dir}; build the server first`);
  return dir;
}

/** Returns `{ server, sql }`, the paths of the two binaries, building what is missing. */
export function ensureTemporalServer({ log = (line) => console.log(line) } = {}) {
  const dir = temporalServerDir();
  const paths = { server: join(dir, 'server'), sql: join(dir, 'sql') };
  const missing = Object.keys(MODULES).filter((name) => !existsSync(paths[name]));
  if (missing.length === 0) return paths;
  const go = goBinary();
  if (!go) throw new Error(`Go is needed to build the Temporal server once into ${dir} (it is not installed)`);
  mkdirSync(dir, { recursive: true });
  for (const name of missing) {
    log(`Building Temporal's ${name} once (${MODULES[name]}) into ${dir}; this takes several minutes…`);
    const started = Date.now();
    const result = spawnSync(go, ['install', MODULES[name]], {
      stdio: ['ignore', 'inherit', 'inherit'],
      env: { ...process.env, GOBIN: dir, CGO_ENABLED: process.env.CGO_ENABLED ?? '0' },
    });
    if (result.status !== 0 || !existsSync(paths[name]))
      throw new Error(`go install ${MODULES[name]} failed (exit ${result.status}); see the output above`);
    log(`Built in ${Math.round((Date.now() - started) / 1000)} s: ${paths[name]}`);
  }
  return paths;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(ensureTemporalServer());
}
