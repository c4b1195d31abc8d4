import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seed } from '@guanai/db/seed';
import { createTestDatabase } from '@guanai/db/testing';
import { freePort, startApi, startTemporalServer, startWithRetry, startWorker, type Service, type SystemEnv } from './processes.ts';

export interface ChaosOptions {
  /** Cases driven from registration to follow-up. */
  cases: number;
  /**
   * The cases' HTTP requests between worker kills (kill -9, random within the range). Counted in
   * requests rather than seconds, so the faults land while the cases move however fast they move.
   */
  workerKillEvery: [number, number];
  /** The cases' HTTP requests between API kills (kill -9 mid-request). */
  apiKillEvery: [number, number];
  /** Stop and restart the Temporal dev server (same database file) this many times, evenly over the run. */
  temporalRestarts: number;
  /** Rounds of two clients claiming the same task at once. */
  claimRaces: number;
  temporalCli: string;
  log?: (line: string) => void;
}

export interface ChaosReport {
  options: Omit<ChaosOptions, 'temporalCli' | 'log'>;
  injected: { workerKills: number; apiKills: number; temporalRestarts: number };
  requests: { sent: number; retried: number };
  checks: Record<string, { checked: number; failed: number; failures: string[] }>;
  claimRaces: { rounds: number; singleWinner: number };
  durationSeconds: number;
  ok: boolean;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const between = ([a, b]: [number, number]) => a + Math.floor(Math.random() * (b - a + 1));
/** HTTP requests one case's lifecycle sends when nothing fails (registration, 6 tasks claimed and completed, match, acceptance, delivery). */
const REQUESTS_PER_CASE = 16;

/**
 * Fault injection (issue 7): cases move through their lifecycle over HTTP while the worker is killed
 * with SIGKILL at random moments, the API is killed mid-request (clients retry with the same
 * Idempotency-Key) and the Temporal dev server is stopped and started again on the same file. Then
 * every case must be where it should be, with nothing done twice; and two clients claiming the same
 * task at once must leave exactly one winner, every time.
 */
export async function runChaos(options: ChaosOptions): Promise<ChaosReport> {
  const log = options.log ?? (() => {});
  const started = Date.now();
  const database = await createTestDatabase();
  await seed(database.db);
  const dataDir = mkdtempSync(join(tmpdir(), 'guanai-chaos-'));
  const [temporalPort, uiPort, apiPort] = [await freePort(), await freePort(), await freePort()];
  const env: SystemEnv = { temporalAddress: `127.0.0.1:${temporalPort}`, databaseUrl: database.url, secret: 'chaos-secret-for-guanai-identity-numbers-0123456789' };
  const temporalFile = join(dataDir, 'temporal.sqlite');
  const injected = { workerKills: 0, apiKills: 0, temporalRestarts: 0 };
  const requests = { sent: 0, retried: 0 };
  const base = `http://127.0.0.1:${apiPort}`;

  let temporal: Service = await startTemporalServer(options.temporalCli, { dbFile: temporalFile, port: temporalPort, uiPort });
  let worker: Service = await startWorker(env);
  let api: Service = await startApi(env, apiPort);
  let stopping = false;

  /** An HTTP call retried (same method, body and Idempotency-Key) until the API answers below 500 (and not "in progress"). */
  async function call(cookie: string, method: string, path: string, body?: unknown, key?: string): Promise<{ status: number; json: any }> {
    for (let attempt = 0; ; attempt++) {
      requests.sent += 1;
      if (attempt > 0) requests.retried += 1;
      try {
        const res = await fetch(`${base}${path}`, {
          method,
          headers: { Cookie: cookie, ...(key ? { 'Idempotency-Key': key } : {}), ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
          signal: AbortSignal.timeout(90_000),
        });
        const text = await res.text();
        // A 409 "in progress" is the first attempt's key still held (by an API killed mid-request, until its lease runs out).
        const inProgress = res.status === 409 && text.includes('idempotency-key-in-progress');
        if (res.status < 500 && !inProgress) return { status: res.status, json: text ? JSON.parse(text) : null };
      } catch {
        // connection refused or reset: the API is down or was killed mid-request
      }
      if (attempt > 400) throw new Error(`${method} ${path} kept failing`);
      await sleep(250);
    }
  }
  const ok = async (cookie: string, method: string, path: string, body?: unknown, key?: string) => {
    const res = await call(cookie, method, path, body, key);
    if (res.status >= 400) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(res.json)}`);
    return res.json;
  };
  const signIn = async (username: string) => {
    for (;;) {
      try {
        const res = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username, password: 'Guanai@2026' }) });
        if (res.status === 200) return (res.headers.get('set-cookie') ?? '').split(';')[0]!;
      } catch {
        // API restarting
      }
      await sleep(250);
    }
  };

  const [station, caseworker, supervisor, partner, admin] = await Promise.all(['station', 'caseworker', 'supervisor', 'partner', 'admin'].map(signIn)) as [string, string, string, string, string];
  const charity = (await database.db.partner.findUniqueOrThrow({ where: { name: '成都市慈善总会' } })).id;
  const city = (await database.db.orgUnit.findUniqueOrThrow({ where: { code: '510100000000' } })).id;
  const resource = await ok(admin, 'POST', '/api/resources', { kind: 'VOLUNTEER_SERVICE', name: '混沌测试照护服务', providerId: charity, coverageUnitId: city, categories: ['CARE'], capacity: options.cases + 5 }, 'chaos-resource');
  await ok(admin, 'POST', `/api/resources/${resource.id}/status`, { status: 'PUBLISHED' });

  /** Claims and completes the open task of a kind, each step with its own key (so a retry repeats it). */
  async function work(cookie: string, caseId: string, kind: string, form: Record<string, unknown>) {
    const task = await database.db.task.findFirstOrThrow({ where: { caseId, kind } });
    await ok(cookie, 'POST', `/api/tasks/${encodeURIComponent(task.id)}/claim`, undefined, `${task.id}:claim`);
    return ok(cookie, 'POST', `/api/tasks/${encodeURIComponent(task.id)}/complete`, { form }, `${task.id}:complete`);
  }
  const today = new Date().toISOString().slice(0, 10);

  async function lifecycle(i: number) {
    const created = await ok(station, 'POST', '/api/cases', { person: { name: `混沌测试${i}`, hukou: 'CHENGDU' }, situation: '独居，需要照护', confirmNotDuplicate: true }, `chaos-case-${i}`);
    const caseId: string = created.id;
    // Projections are written by the worker: wait for each task to exist before working it.
    const waitTask = async (kind: string) => {
      for (let t = 0; !(await database.db.task.findFirst({ where: { caseId, kind } })); t++) {
        if (t > 2400) throw new Error(`no ${kind} task on case ${i}`);
        await sleep(50);
      }
    };
    await waitTask('SCREEN');
    await work(caseworker, caseId, 'SCREEN', { referrals: ['DIBAO'], outcome: 'RESIDUAL_NEED' });
    await work(caseworker, caseId, 'ASSESS', { needs: [{ category: 'CARE', severity: 'HIGH' }] });
    await work(caseworker, caseId, 'PLAN', { summary: '志愿者上门照护' });
    await work(supervisor, caseId, 'APPROVE_PLAN', { approved: true });
    const match = await ok(caseworker, 'POST', `/api/cases/${caseId}/matches`, { needIndex: 0, resourceId: resource.id }, `chaos-match-${i}`);
    await ok(partner, 'POST', `/api/matches/${match.id}/accept`);
    await work(caseworker, caseId, 'MATCH', {});
    await ok(partner, 'POST', `/api/matches/${match.id}/deliveries`, { kind: 'SERVICE', description: '上门照护', hours: 2, deliveredOn: today }, `chaos-delivery-${i}`);
    const delivered = await work(caseworker, caseId, 'DELIVER', {});
    log(`case ${i}: ${delivered.state}`);
    return caseId;
  }

  // The faults, while the cases move.
  const faults = (async () => {
    const sent = () => requests.sent;
    let nextWorkerKill = sent() + between(options.workerKillEvery);
    let nextApiKill = sent() + between(options.apiKillEvery);
    const expected = options.cases * REQUESTS_PER_CASE;
    const restartAt = Array.from({ length: options.temporalRestarts }, (_, k) => sent() + Math.floor((expected * (k + 1)) / (options.temporalRestarts + 1)));
    while (!stopping) {
      await sleep(20);
      if (stopping) break;
      if (sent() >= nextWorkerKill) {
        await worker.kill9();
        injected.workerKills += 1;
        log(`fault: worker killed (${injected.workerKills})`);
        await sleep(Math.random() * 1500);
        worker = await startWithRetry(() => startWorker(env));
        nextWorkerKill = sent() + between(options.workerKillEvery);
      }
      if (sent() >= nextApiKill) {
        await api.kill9();
        injected.apiKills += 1;
        log(`fault: API killed (${injected.apiKills})`);
        api = await startWithRetry(() => startApi(env, apiPort));
        nextApiKill = sent() + between(options.apiKillEvery);
      }
      if (restartAt.length && sent() >= restartAt[0]!) {
        restartAt.shift();
        await temporal.stop();
        injected.temporalRestarts += 1;
        log(`fault: Temporal dev server stopped (${injected.temporalRestarts})`);
        await sleep(2000);
        temporal = await startTemporalServer(options.temporalCli, { dbFile: temporalFile, port: temporalPort, uiPort });
        log('fault: Temporal dev server started again on the same file');
      }
      // A process that gave up while Temporal was away is started again.
      if (!worker.alive()) worker = await startWithRetry(() => startWorker(env));
      if (!api.alive()) api = await startWithRetry(() => startApi(env, apiPort));
    }
  })();

  const caseIds: string[] = [];
  const failures: string[] = [];
  try {
    // A few at a time, as caseworkers work.
    const queue = Array.from({ length: options.cases }, (_, i) => i);
    await Promise.all(
      Array.from({ length: Math.min(6, options.cases) }, async () => {
        for (let i = queue.shift(); i !== undefined; i = queue.shift()) {
          try {
            caseIds.push(await lifecycle(i));
          } catch (error) {
            failures.push(`case ${i}: ${(error as Error).message}`);
          }
        }
      }),
    );
  } finally {
    stopping = true;
    await faults;
  }

  // What must hold, case by case.
  const checks: ChaosReport['checks'] = {};
  const check = (name: string, pass: boolean, detail: string) => {
    const entry = (checks[name] ??= { checked: 0, failed: 0, failures: [] });
    entry.checked += 1;
    if (!pass) {
      entry.failed += 1;
      entry.failures.push(detail);
    }
  };
  check('every case reached the end of its lifecycle run', failures.length === 0 && caseIds.length === options.cases, failures.join('; '));
  const expectedKinds = ['REGISTER', 'SCREEN', 'ASSESS', 'PLAN', 'APPROVE_PLAN', 'MATCH', 'DELIVER'];
  for (const caseId of caseIds) {
    const row = await database.db.case.findUniqueOrThrow({ where: { id: caseId }, include: { tasks: true, events: { orderBy: { seq: 'asc' } }, matches: { include: { deliveries: true } } } });
    check('case is in follow-up (read model)', row.state === 'followUp.waiting', `${row.caseNo}: ${row.state}`);
    const view = await ok(caseworker, 'GET', `/api/cases/${caseId}`);
    check('case is in follow-up (workflow, through the API)', view.state === 'followUp.waiting', `${row.caseNo}: ${view.state}`);
    const kinds = row.tasks.map((t) => t.kind).sort();
    check('one task of each kind, all done, none twice', JSON.stringify(kinds) === JSON.stringify([...expectedKinds].sort()) && row.tasks.every((t) => t.status === 'DONE'), `${row.caseNo}: ${kinds.join(',')}`);
    check('case events numbered 1..n without a gap or a repeat', row.events.every((e, k) => e.seq === k + 1), `${row.caseNo}: ${row.events.map((e) => e.seq).join(',')}`);
    check('exactly one match, accepted', row.matches.length === 1 && row.matches[0]!.status === 'ACCEPTED', `${row.caseNo}: ${row.matches.map((m) => m.status).join(',')}`);
    check('exactly one delivery on the match', row.matches.length === 1 && row.matches[0]!.deliveries.length === 1, `${row.caseNo}: ${row.matches.map((m) => m.deliveries.length).join(',')}`);
  }
  const people = await database.db.person.groupBy({ by: ['name'], where: { name: { startsWith: '混沌测试' } }, _count: true });
  check('one person per registration (retries registered no one twice)', people.length === options.cases && people.every((p) => p._count === 1), JSON.stringify(people.filter((p) => p._count !== 1)));
  const held = await database.db.resource.findUniqueOrThrow({ where: { id: resource.id } });
  const live = await database.db.match.count({ where: { resourceId: resource.id, status: { in: ['PROPOSED', 'ACCEPTED'] } } });
  check('places reserved = live matches (nothing reserved twice)', held.reservedPlaces === live && live === caseIds.length, `reserved ${held.reservedPlaces}, live ${live}, cases ${caseIds.length}`);

  // Two clients claim the same task at once: exactly one wins, every round.
  const claimRaces = { rounds: 0, singleWinner: 0 };
  if (options.claimRaces > 0) {
    const created = await ok(station, 'POST', '/api/cases', { person: { name: '抢单测试', hukou: 'CHENGDU' }, situation: '困难', confirmNotDuplicate: true }, 'chaos-race-case');
    let task = null;
    while (!(task = await database.db.task.findFirst({ where: { caseId: created.id, kind: 'SCREEN' } }))) await sleep(50);
    const path = `/api/tasks/${encodeURIComponent(task.id)}`;
    for (let round = 0; round < options.claimRaces; round++) {
      const [a, b] = await Promise.all([caseworker, supervisor].map((cookie, k) => call(cookie, 'POST', `${path}/claim`, undefined, `race-${round}-${k}`)));
      claimRaces.rounds += 1;
      const winners = [a, b].filter((r) => r!.status === 200).length;
      const losersSay409 = [a, b].filter((r) => r!.status === 409).length;
      if (winners === 1 && losersSay409 === 1) claimRaces.singleWinner += 1;
      const winner = a!.status === 200 ? caseworker : supervisor;
      await ok(winner, 'POST', `${path}/release`, undefined, `race-${round}-release`);
    }
    const events = await database.db.caseEvent.count({ where: { caseId: created.id, type: { in: ['CLAIM', 'RELEASE'] } } });
    check('claim races: one winner per round', claimRaces.singleWinner === claimRaces.rounds, `${claimRaces.singleWinner} of ${claimRaces.rounds}`);
    check('claim races: one claim and one release recorded per round', events === 2 * claimRaces.rounds, `${events} events for ${claimRaces.rounds} rounds`);
  }

  await api.stop();
  await worker.stop();
  await temporal.stop();
  await database.drop();
  rmSync(dataDir, { recursive: true, force: true });
  const { log: _log, temporalCli: _cli, ...rest } = options;
  return {
    options: rest,
    injected,
    requests,
    checks,
    claimRaces,
    durationSeconds: Math.round((Date.now() - started) / 1000),
    ok: Object.values(checks).every((c) => c.failed === 0),
  };
}
