// When sources last changed: the launchers rebuild the admin when its sources are newer than its
// build, and the admin benchmark decides the same way whether to copy the build or make a fresh one.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Newest modification time of a file, or of the files under a folder (skipping node_modules and dist). */
export function newestModified(path) {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(
    stat.mtimeMs,
    ...readdirSync(path)
      .filter((n) => n !== 'node_modules' && n !== 'dist')
      .map((n) => newestModified(join(path, n))),
  );
}
