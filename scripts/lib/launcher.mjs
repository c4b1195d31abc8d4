// The launchers' (npm start, npm run cluster) way of saying what they do and of running a step.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensureDependencies } from './ensure-deps.mjs';

export function createLauncher(root) {
  const started = Date.now();
  const elapsed = () => ((Date.now() - started) / 1000).toFixed(1);
  const step = (message) => console.log(`\x1b[36m▸\x1b[0m ${message} \x1b[2m(${elapsed()} s)\x1b[0m`);
  const fail = (message) => {
    console.error(`\x1b[31m✖ ${message}\x1b[0m`);
    process.exit(1);
  };
  /** Runs a command to completion without blocking this process, which may be serving the embedded database. */
  const run = (command, args, options = {}) =>
    new Promise((resolve) => {
      const child = spawn(command, args, { cwd: root, stdio: 'inherit', ...options });
      child.on('exit', (code) => {
        if (code !== 0) fail(`${command} ${args.join(' ')} failed (exit ${code})`);
        resolve();
      });
    });
  /** Installs the dependencies when they are missing; the launcher stops with the reason when it cannot. */
  const installDependencies = () => {
    try {
      ensureDependencies(root, step);
    } catch (error) {
      fail(error.message);
    }
  };
  return { step, fail, run, elapsed, installDependencies };
}

/**
 * The key that encrypts identity numbers: GUANAI_SECRET, else the one in `<dataDir>/secret`, made
 * once (every process of a launcher gets the same one, and a restart keeps it).
 */
export function ensureSecret(dataDir) {
  mkdirSync(dataDir, { recursive: true });
  if (process.env.GUANAI_SECRET) return process.env.GUANAI_SECRET;
  const secretFile = join(dataDir, 'secret');
  if (!existsSync(secretFile)) writeFileSync(secretFile, randomBytes(32).toString('base64url'), { mode: 0o600 });
  return readFileSync(secretFile, 'utf8').trim();
}
