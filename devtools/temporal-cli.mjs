// Finds the Temporal CLI (dev server): $TEMPORAL_CLI, then `temporal` on PATH, then a cached build,
// else builds it once with `go install` into the cache. Nothing is downloaded but Go modules.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, join } from 'node:path';

export const TEMPORAL_CLI_MODULE = 'github.com/temporalio/cli/cmd/temporal@v1.5.1';

export function temporalCacheDir() {
  return join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'guanai', 'bin');
}

function onPath(name) {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    const candidate = join(dir, name);
    if (dir && existsSync(candidate)) return candidate;
  }
  return null;
}

/** Returns the path of a Temporal CLI, building it when needed; throws with instructions when it cannot. */
export function ensureTemporalCli({ log = (line) => console.log(line) } = {}) {
  if (process.env.TEMPORAL_CLI) {
    if (!existsSync(process.env.TEMPORAL_CLI))
      throw new Error(`TEMPORAL_CLI=${process.env.TEMPORAL_CLI} does not exist`);
    return process.env.TEMPORAL_CLI;
  }
  const fromPath = onPath('temporal');
  if (fromPath) return fromPath;
  const cacheDir = temporalCacheDir();
  const cached = join(cacheDir, 'temporal');
  if (existsSync(cached)) return cached;
  const go = onPath('go') ?? (existsSync('/usr/local/go/bin/go') ? '/usr/local/go/bin/go' : null);
  if (!go) {
    throw new Error(
      'The Temporal CLI was not found on PATH or in ' +
        cacheDir +
        ', and Go is not installed to build it.\n' +
        `Install Go (https://go.dev/dl/ or your package manager) and run: GOBIN=${cacheDir} go install ${TEMPORAL_CLI_MODULE}\n` +
        'or put a `temporal` binary on PATH, or set TEMPORAL_CLI to its path.',
    );
  }
  mkdirSync(cacheDir, { recursive: true });
  log(`Building the Temporal CLI once (${TEMPORAL_CLI_MODULE}) into ${cacheDir}; this takes several minutes…`);
  const started = Date.now();
  const result = spawnSync(go, ['install', TEMPORAL_CLI_MODULE], {
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, GOBIN: cacheDir, CGO_ENABLED: process.env.CGO_ENABLED ?? '0' },
  });
  if (result.status !== 0 || !existsSync(cached)) {
    throw new Error(`go install ${TEMPORAL_CLI_MODULE} failed (exit ${result.status}); see the output above`);
  }
  log(`Temporal CLI built in ${Math.round((Date.now() - started) / 1000)} s: ${cached}`);
  return cached;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(ensureTemporalCli());
}
