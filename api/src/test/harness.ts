import { randomUUID } from 'node:crypto';
import { Worker } from '@temporalio/worker';
import { pino } from 'pino';
import { identityKeys } from '@guanai/db';
import { DEMO_PASSWORD, seed } from '@guanai/db/seed';
import { createTestDatabase } from '@guanai/db/testing';
import { bundleWorkflows, createWorker } from '@guanai/workflows/worker';
import { startTemporal } from '@guanai/workflows/test-env';
import { createApp } from '../app.ts';
import { pgFileStore } from '../files/file-store.ts';
import type { ResponseMismatch } from '../openapi/response-check.ts';

export const TEST_SECRET = 'test-secret-for-guanai-identity-numbers-0123456789';

/** The API against real PostgreSQL, a real Temporal dev server and a real worker. */
export async function startHarness({
  caseSettings,
  trustedProxies,
}: { caseSettings?: { followUpDelayHours?: number; reopenWindowDays?: number }; trustedProxies?: number } = {}) {
  const [env, database, bundle] = await Promise.all([startTemporal(), createTestDatabase(), bundleWorkflows()]);
  await seed(database.db);
  const taskQueue = `api-${randomUUID()}`;
  const worker: Worker = await createWorker({
    connection: env.nativeConnection,
    db: database.db,
    taskQueue,
    workflowBundle: bundle,
  });
  const running = worker.run();
  const keys = identityKeys(TEST_SECRET);
  const files = pgFileStore(database.db);
  // Every answer of a declared route is checked against its declaration; a mismatch is a 500 here,
  // and stop() names every one, so no suite passes while a response drifts from the document.
  const responseMismatches: ResponseMismatch[] = [];
  const { app } = createApp({
    db: database.db,
    temporal: env.client,
    keys,
    logger: pino({ level: 'silent' }),
    taskQueue,
    files,
    responseMismatches,
    ...(caseSettings ? { caseSettings } : {}),
    ...(trustedProxies ? { trustedProxies } : {}),
  });
  return {
    app,
    taskQueue,
    db: database.db,
    keys,
    env,
    database,
    responseMismatches,
    async stop() {
      worker.shutdown();
      await running;
      await env.teardown();
      await database.drop();
      if (responseMismatches.length)
        throw new Error(
          `responses that do not match their declared schema:\n${responseMismatches
            .map((m) => `  ${m.route} → ${m.status}: ${m.problem}`)
            .join('\n')}`,
        );
    },
  };
}

export type Harness = Awaited<ReturnType<typeof startHarness>>;

export interface Session {
  cookie: string;
  request(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<Response>;
}

/** Signs in a seeded demo user and returns a client that sends the session cookie. */
export async function signIn(app: Harness['app'], username: string, password = DEMO_PASSWORD): Promise<Session> {
  const res = await app.request('/api/auth/login', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (res.status !== 200) throw new Error(`sign-in of ${username} failed: ${res.status} ${await res.text()}`);
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0]!;
  return {
    cookie,
    request: async (method, path, body, headers = {}) =>
      app.request(path, {
        method,
        headers: { Cookie: cookie, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }), ...headers },
        ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
      }),
  };
}

export const q = (params: Record<string, unknown>) =>
  '?' +
  new URLSearchParams(Object.entries(params).map(([k, v]): [string, string] => [k, JSON.stringify(v)])).toString();

/** A response body as JSON, typed loosely for assertions. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const json = (res: Response): Promise<any> => res.json();

/** An 18-character resident identity number with its GB 11643 check digit. */
export function residentId(first17: string): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = weights.reduce((acc, w, i) => acc + w * Number(first17[i]), 0);
  return first17 + '10X98765432'[sum % 11];
}

const openTask = (h: Harness, caseId: string, kind: string) =>
  h.db.task.findFirstOrThrow({ where: { caseId, kind, status: 'OPEN' } });

/** Claims the open task of a kind and completes it with its form; fails the test if either is refused. */
export async function work(h: Harness, who: Session, caseId: string, kind: string, form: Record<string, unknown>) {
  const task = await openTask(h, caseId, kind);
  const claim = await who.request('POST', `/api/tasks/${task.id}/claim`);
  if (claim.status !== 200) throw new Error(`claim ${kind}: ${claim.status} ${await claim.text()}`);
  const done = await who.request('POST', `/api/tasks/${task.id}/complete`, { form });
  if (done.status !== 200) throw new Error(`complete ${kind}: ${done.status} ${await done.text()}`);
  return json(done);
}

/**
 * A case registered at 水井坊社区 by the station and worked up to matching at 锦官驿街道: screened
 * with a residual need, assessed with these needs, planned and approved.
 */
export async function caseInMatching(
  h: Harness,
  s: { station: Session; caseworker: Session; supervisor: Session },
  opening: { person?: Record<string, unknown>; personId?: string; situation?: string },
  needs: { category: string; severity: string; description?: string }[] = [{ category: 'MEDICAL', severity: 'HIGH' }],
): Promise<string> {
  const res = await s.station.request('POST', '/api/cases', {
    situation: '重病，医疗费用缺口大',
    ...opening,
    ...(opening.person ? { confirmNotDuplicate: true } : {}),
  });
  if (res.status !== 201) throw new Error(`open case: ${res.status} ${await res.text()}`);
  const created = await json(res);
  await work(h, s.caseworker, created.id, 'SCREEN', { referrals: ['YILIAO'], outcome: 'RESIDUAL_NEED' });
  await work(h, s.caseworker, created.id, 'ASSESS', { needs });
  await work(h, s.caseworker, created.id, 'PLAN', { summary: '申请救助与社会援助' });
  const approved = await work(h, s.supervisor, created.id, 'APPROVE_PLAN', { approved: true });
  if (approved.state !== 'matching') throw new Error(`expected matching, got ${approved.state}`);
  return created.id as string;
}
