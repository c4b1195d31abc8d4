import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createTestDatabase, type TestDatabase } from '@guanai/db/testing';
import { freePort } from '@guanai/devtools/net';

const root = fileURLToPath(new URL('../..', import.meta.url));

export interface RunningSystem {
  baseUrl: string;
  output: () => string;
  stop(): Promise<void>;
}

/**
 * The whole system as `npm start` runs it — Temporal dev server, worker, API serving the built
 * admin — on free ports, against a fresh database on the real PostgreSQL server.
 */
export async function startSystem({ timeoutMs = 240_000 } = {}): Promise<RunningSystem> {
  const database: TestDatabase = await createTestDatabase({ migrated: false });
  const dataDir = mkdtempSync(join(tmpdir(), 'guanai-e2e-'));
  const [port, temporalPort, uiPort] = [await freePort(), await freePort(), await freePort()];
  let log = '';
  const child: ChildProcess = spawn(process.execPath, ['scripts/start.mjs'], {
    cwd: root,
    env: {
      ...process.env,
      DATABASE_URL: database.url,
      GUANAI_DATA_DIR: dataDir,
      GUANAI_SECRET: 'e2e-secret-for-guanai-identity-numbers-0123456789',
      PORT: String(port),
      TEMPORAL_PORT: String(temporalPort),
      TEMPORAL_UI_PORT: String(uiPort),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`the system did not start within ${timeoutMs / 1000} s:\n${log}`)),
      timeoutMs,
    );
    const onData = (chunk: Buffer) => {
      log += chunk.toString();
      if (log.includes('is running')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`npm start exited with ${code} before the system was running:\n${log}`));
    });
  });
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    output: () => log,
    async stop() {
      child.kill('SIGINT');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 20_000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
      await database.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
