import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Server } from 'node:http';
import { seed } from '@guanai/db/seed';
import { createTestDatabase } from '@guanai/db/testing';
import { startRoundRobinProxy } from '@guanai/devtools/round-robin-proxy';
import {
  faultPointsHit,
  freePort,
  startApi,
  startTemporalCluster,
  startTemporalDevServer,
  startWithRetry,
  startWorker,
  type Service,
  type SystemEnv,
  type TemporalBackend,
} from './processes.ts';

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
  /**
   * Restarts of Temporal, evenly over the run: the dev server stopped and started on the same file,
   * or on a cluster its matching and its history service in turn, killed with SIGKILL.
   */
  temporalRestarts: number;
  /** Rounds of two clients claiming the same task at once. */
  claimRaces: number;
  /**
   * Chances that the API kills itself between a workflow Update and its answer, and that the worker
   * kills itself inside the effects activity (before, between and after releasing holds, withdrawing
   * projects, recording a meeting's resolution).
   */
  faultPoints?: {
    apiAfterUpdate: number;
    workerEffect: number;
    /** Each point is hit at least this often (processes started to die there at once until it is). */ atLeast: number;
  };
  /**
   * Where it runs: the Temporal dev server with one worker and one API (as `npm start`), or a
   * Temporal cluster in PostgreSQL with several workers and API replicas behind the round-robin
   * proxy (as `npm run cluster`); a kill then hits one of them, picked at random.
   */
  topology: { kind: 'dev'; temporalCli: string } | { kind: 'cluster'; workers: number; apis: number };
  log?: (line: string) => void;
}

export interface ChaosReport {
  options: Omit<ChaosOptions, 'log'>;
  injected: {
    workerKills: number;
    apiKills: number;
    temporalRestarts: number;
    apiKilledAfterUpdate: number;
    workerKilledInEffects: number;
  };
  requests: { sent: number; retried: number; answered: number; byReplica: number[] };
  checks: Record<string, { checked: number; failed: number; failures: string[] }>;
  claimRaces: { rounds: number; singleWinner: number };
  durationSeconds: number;
  ok: boolean;
}

/** The run reads answers loosely; a missing field fails its checks. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type LooseJson = any;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const between = ([a, b]: [number, number]) => a + Math.floor(Math.random() * (b - a + 1));
/**
 * HTTP requests one case's lifecycle sends when nothing fails, on average over the three paths: to
 * follow-up (registration, 6 tasks claimed and completed, match, acceptance, delivery: 16), closed
 * while holding a place and with a published project (13), escalated to the district's joint meeting (16).
 */
const REQUESTS_PER_CASE = 15;

/**
 * The three paths a case takes in the run, by its number: to follow-up; closed by the supervisor
 * while a match holds a place and a need is published (issue 12: the effects of a closure); escalated
 * to the district and resolved by its joint meeting (issue 12: the meeting's record).
 */
export type ChaosPath = 'followUp' | 'closed' | 'meeting';
export const pathOf = (i: number): ChaosPath => (['followUp', 'closed', 'meeting'] as const)[i % 3]!;

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
  const { topology } = options;
  const [temporalPort, uiPort, apiPort] = [await freePort(), await freePort(), await freePort()];
  const faults = options.faultPoints ?? { apiAfterUpdate: 0.05, workerEffect: 0.25, atLeast: 2 };
  const temporal: TemporalBackend = await (
    topology.kind === 'dev'
      ? startTemporalDevServer(topology.temporalCli, {
          dbFile: join(dataDir, 'temporal.sqlite'),
          port: temporalPort,
          uiPort,
        })
      : startTemporalCluster(database.url)
  ).catch(async (error: unknown) => {
    await database.drop().catch(() => undefined);
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  });
  const env: SystemEnv = {
    temporalAddress: temporal.address,
    databaseUrl: database.url,
    secret: 'chaos-secret-for-guanai-identity-numbers-0123456789',
  };
  const injected = {
    workerKills: 0,
    apiKills: 0,
    temporalRestarts: 0,
    apiKilledAfterUpdate: 0,
    workerKilledInEffects: 0,
  };
  // Until a fault point has been hit `atLeast` times, each new process dies the first time it gets there.
  const workerEnv = () => ({
    ...env,
    faultPoints: `worker.effect:${injected.workerKilledInEffects < faults.atLeast ? 1 : faults.workerEffect}`,
  });
  const apiEnv = () => ({
    ...env,
    faultPoints: `api.after-update:${injected.apiKilledAfterUpdate < faults.atLeast ? 1 : faults.apiAfterUpdate}`,
  });
  const replicas = topology.kind === 'dev' ? 1 : topology.apis;
  const requests = { sent: 0, retried: 0, answered: 0, byReplica: Array<number>(replicas).fill(0) };
  const base = `http://127.0.0.1:${apiPort}`;
  // One API answers on apiPort itself; several answer behind the proxy there, each on a port of its own.
  const apiPorts = replicas === 1 ? [apiPort] : await Promise.all(Array.from({ length: replicas }, () => freePort()));

  const workers: Service[] = [];
  const apis: Service[] = [];
  let proxy: Server | undefined;
  const output = (services: Service[]) => services.map((s) => s.output().slice(-1500)).join('\n---\n');
  const pick = (n: number) => Math.floor(Math.random() * n);
  let stopping = false;
  // Whatever happens below, the processes and the database go (a failed run leaves nothing running).
  try {
    for (let i = 0; i < (topology.kind === 'dev' ? 1 : topology.workers); i++)
      workers.push(await startWorker(workerEnv()));
    for (const port of apiPorts) apis.push(await startApi(apiEnv(), port));
    if (replicas > 1)
      proxy = await startRoundRobinProxy({
        port: apiPort,
        upstreams: apiPorts.map((port) => ({ port })),
        onAnswer: (k: number) => (requests.byReplica[k]! += 1),
      });
    /** An HTTP call retried (same method, body and Idempotency-Key) until the API answers below 500 (and not "in progress"). */
    async function call(
      cookie: string,
      method: string,
      path: string,
      body?: unknown,
      key?: string,
    ): Promise<{ status: number; json: LooseJson }> {
      let last = '';
      const firstTry = Date.now();
      for (let attempt = 0; ; attempt++) {
        requests.sent += 1;
        if (attempt > 0) requests.retried += 1;
        try {
          const res = await fetch(`${base}${path}`, {
            method,
            headers: {
              Cookie: cookie,
              ...(key ? { 'Idempotency-Key': key } : {}),
              ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
            },
            ...(body === undefined ? {} : { body: JSON.stringify(body) }),
            signal: AbortSignal.timeout(90_000),
          });
          const text = await res.text();
          // A 409 "in progress" is the first attempt's key still held (by an API killed mid-request, until its lease runs out).
          const inProgress = res.status === 409 && text.includes('idempotency-key-in-progress');
          if (res.status < 500 && !inProgress) {
            requests.answered += 1;
            if (replicas === 1) requests.byReplica[0]! += 1;
            return { status: res.status, json: text ? JSON.parse(text) : null };
          }
          last = `${res.status} ${text.slice(0, 300)}`;
        } catch (error) {
          // connection refused or reset: the API is down or was killed mid-request
          last = String((error as Error)?.message ?? error);
        }
        // Patience by time, not attempts: on a loaded machine a restarted worker takes a while to bundle.
        if (Date.now() - firstTry > 300_000)
          throw new Error(
            `${method} ${path} kept failing (last: ${last}); API logs: ${output(apis)}; worker logs: ${output(workers)}`,
          );
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
          const res = await fetch(`${base}/api/auth/login`, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify({ username, password: 'Guanai@2026' }),
          });
          if (res.status === 200) return (res.headers.get('set-cookie') ?? '').split(';')[0]!;
        } catch {
          // API restarting
        }
        await sleep(250);
      }
    };

    const [station, caseworker, supervisor, partner, admin, districtSupervisor] = (await Promise.all(
      ['station', 'caseworker', 'supervisor', 'partner', 'admin', 'district.supervisor'].map(signIn),
    )) as [string, string, string, string, string, string];
    const charity = (await database.db.partner.findUniqueOrThrow({ where: { name: '成都市慈善总会' } })).id;
    const city = (await database.db.orgUnit.findUniqueOrThrow({ where: { code: '510100000000' } })).id;
    const resource = await ok(
      admin,
      'POST',
      '/api/resources',
      {
        kind: 'VOLUNTEER_SERVICE',
        name: '混沌测试照护服务',
        providerId: charity,
        coverageUnitId: city,
        categories: ['CARE'],
        capacity: options.cases + 5,
      },
      'chaos-resource',
    );
    await ok(admin, 'POST', `/api/resources/${resource.id}/status`, { status: 'PUBLISHED' });
    // §四(九) the district's joint meeting, to which the 'meeting' path refers its cases.
    const district = (await database.db.orgUnit.findUniqueOrThrow({ where: { code: '510104000000' } })).id;
    const meeting = await ok(
      districtSupervisor,
      'POST',
      '/api/meetings',
      {
        unitId: district,
        title: '混沌测试联席会议',
        scheduledAt: new Date(Date.now() + 86_400_000).toISOString(),
        departments: ['HOUSING', 'CIVIL_AFFAIRS'],
      },
      'chaos-meeting',
    );

    /** Claims and completes the open task of a kind, each step with its own key (so a retry repeats it). */
    async function work(cookie: string, caseId: string, kind: string, form: Record<string, unknown>) {
      const task = await database.db.task.findFirstOrThrow({ where: { caseId, kind } });
      await ok(cookie, 'POST', `/api/tasks/${encodeURIComponent(task.id)}/claim`, undefined, `${task.id}:claim`);
      return ok(cookie, 'POST', `/api/tasks/${encodeURIComponent(task.id)}/complete`, { form }, `${task.id}:complete`);
    }
    const today = new Date().toISOString().slice(0, 10);

    async function lifecycle(i: number) {
      const created = await ok(
        station,
        'POST',
        '/api/cases',
        {
          person: { name: `混沌测试${i}`, hukou: 'CHENGDU' },
          situation: `独居，需要照护 #${i}`,
          confirmNotDuplicate: true,
        },
        `chaos-case-${i}`,
      );
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
      const path = pathOf(i);
      if (path === 'meeting') {
        await ok(
          caseworker,
          'POST',
          `/api/cases/${caseId}/actions`,
          { type: 'ESCALATE', reason: '街道无照护资源' },
          `chaos-escalate-${i}`,
        );
        await waitTask('ACCEPT_ESCALATION');
        await work(districtSupervisor, caseId, 'ACCEPT_ESCALATION', { accepted: true });
        await ok(
          districtSupervisor,
          'POST',
          `/api/cases/${caseId}/actions`,
          { type: 'REFER_JOINT_MEETING', reason: '需多部门协调' },
          `chaos-refer-${i}`,
        );
        const resolution = {
          caseId,
          resolution: '民政局牵头安排照护服务',
          next: 'matching',
          actions: [{ department: 'CIVIL_AFFAIRS', action: '安排照护服务', deadline: '2027-12-31' }],
        };
        await ok(
          districtSupervisor,
          'POST',
          `/api/meetings/${meeting.id}/resolutions`,
          resolution,
          `chaos-resolve-${i}`,
        );
        log(`case ${i}: resolved by the joint meeting`);
        return caseId;
      }
      const match = await ok(
        caseworker,
        'POST',
        `/api/cases/${caseId}/matches`,
        { needIndex: 0, resourceId: resource.id },
        `chaos-match-${i}`,
      );
      await ok(partner, 'POST', `/api/matches/${match.id}/accept`);
      if (path === 'closed') {
        await ok(
          caseworker,
          'POST',
          '/api/projects',
          {
            caseId,
            needIndex: 0,
            title: '独居老人照护需求',
            description: '需要每周上门照护服务',
            service: '每周上门照护两次',
          },
          `chaos-project-${i}`,
        );
        await ok(
          supervisor,
          'POST',
          `/api/cases/${caseId}/actions`,
          { type: 'CLOSE', reason: 'declined' },
          `chaos-close-${i}`,
        );
        log(`case ${i}: closed`);
        return caseId;
      }
      await work(caseworker, caseId, 'MATCH', {});
      await ok(
        partner,
        'POST',
        `/api/matches/${match.id}/deliveries`,
        { kind: 'SERVICE', description: '上门照护', hours: 2, deliveredOn: today },
        `chaos-delivery-${i}`,
      );
      const delivered = await work(caseworker, caseId, 'DELIVER', {});
      log(`case ${i}: ${delivered.state}`);
      return caseId;
    }

    // The faults, while the cases move.
    const injecting = (async () => {
      // Paced by answered requests: retries while a process is down must not bring the next kill sooner
      // (on a slow machine that fed on itself: kill, retries, kill again as soon as it was back).
      const sent = () => requests.answered;
      let nextWorkerKill = sent() + between(options.workerKillEvery);
      let nextApiKill = sent() + between(options.apiKillEvery);
      const expected = options.cases * REQUESTS_PER_CASE;
      const restartAt = Array.from(
        { length: options.temporalRestarts },
        (_, k) => sent() + Math.floor((expected * (k + 1)) / (options.temporalRestarts + 1)),
      );
      while (!stopping) {
        await sleep(20);
        if (stopping) break;
        if (sent() >= nextWorkerKill) {
          const k = pick(workers.length);
          injected.workerKilledInEffects += faultPointsHit(workers[k]!);
          await workers[k]!.kill9();
          injected.workerKills += 1;
          log(`fault: worker ${k + 1} of ${workers.length} killed (${injected.workerKills})`);
          await sleep(Math.random() * 1500);
          workers[k] = await startWithRetry(() => startWorker(workerEnv()));
          nextWorkerKill = sent() + between(options.workerKillEvery);
        }
        if (sent() >= nextApiKill) {
          const k = pick(apis.length);
          injected.apiKilledAfterUpdate += faultPointsHit(apis[k]!);
          await apis[k]!.kill9();
          injected.apiKills += 1;
          log(`fault: API replica ${k + 1} of ${apis.length} killed (${injected.apiKills})`);
          apis[k] = await startWithRetry(() => startApi(apiEnv(), apiPorts[k]!));
          nextApiKill = sent() + between(options.apiKillEvery);
        }
        if (restartAt.length && sent() >= restartAt[0]!) {
          restartAt.shift();
          const what = await temporal.restart(injected.temporalRestarts);
          injected.temporalRestarts += 1;
          log(`fault: ${what} (${injected.temporalRestarts})`);
        }
        // A process that killed itself at a fault point, or gave up while Temporal was away, is started again.
        for (const [k, worker] of workers.entries())
          if (!worker.alive()) {
            injected.workerKilledInEffects += faultPointsHit(worker);
            workers[k] = await startWithRetry(() => startWorker(workerEnv()));
          }
        for (const [k, api] of apis.entries())
          if (!api.alive()) {
            injected.apiKilledAfterUpdate += faultPointsHit(api);
            apis[k] = await startWithRetry(() => startApi(apiEnv(), apiPorts[k]!));
          }
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
      await injecting;
    }
    // The checks and the claim races run on processes without fault points.
    for (const api of apis) injected.apiKilledAfterUpdate += faultPointsHit(api);
    for (const worker of workers) injected.workerKilledInEffects += faultPointsHit(worker);
    await Promise.all([...apis, ...workers].map((s) => s.stop()));
    for (const k of workers.keys()) workers[k] = await startWithRetry(() => startWorker(env));
    for (const k of apis.keys()) apis[k] = await startWithRetry(() => startApi(env, apiPorts[k]!));

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
    check(
      'every case reached the end of its lifecycle run',
      failures.length === 0 && caseIds.length === options.cases,
      failures.join('; '),
    );
    const expectedKinds = ['REGISTER', 'SCREEN', 'ASSESS', 'PLAN', 'APPROVE_PLAN', 'MATCH', 'DELIVER'];
    const publicProjects = new Set(
      ((await ok(station, 'GET', '/api/public/projects?range=[0,499]')) as { id: string }[]).map((p) => p.id),
    );
    let followingUp = 0;
    for (const caseId of caseIds) {
      const row = await database.db.case.findUniqueOrThrow({
        where: { id: caseId },
        include: {
          tasks: true,
          events: { orderBy: { seq: 'asc' } },
          matches: { include: { deliveries: true } },
          projects: true,
        },
      });
      const view = await ok(caseworker, 'GET', `/api/cases/${caseId}`);
      check(
        'case events numbered 1..n without a gap or a repeat',
        row.events.every((e, k) => e.seq === k + 1),
        `${row.caseNo}: ${row.events.map((e) => e.seq).join(',')}`,
      );
      const path = pathOf(Number(row.situation.match(/#(\d+)$/)?.[1] ?? -1));
      if (path === 'followUp') {
        followingUp += 1;
        check('case is in follow-up (read model)', row.state === 'followUp.waiting', `${row.caseNo}: ${row.state}`);
        check(
          'case is in follow-up (workflow, through the API)',
          view.state === 'followUp.waiting',
          `${row.caseNo}: ${view.state}`,
        );
        const kinds = row.tasks.map((t) => t.kind).sort();
        check(
          'one task of each kind, all done, none twice',
          JSON.stringify(kinds) === JSON.stringify([...expectedKinds].sort()) &&
            row.tasks.every((t) => t.status === 'DONE'),
          `${row.caseNo}: ${kinds.join(',')}`,
        );
        check(
          'exactly one match, accepted',
          row.matches.length === 1 && row.matches[0]!.status === 'ACCEPTED',
          `${row.caseNo}: ${row.matches.map((m) => m.status).join(',')}`,
        );
        check(
          'exactly one delivery on the match',
          row.matches.length === 1 && row.matches[0]!.deliveries.length === 1,
          `${row.caseNo}: ${row.matches.map((m) => m.deliveries.length).join(',')}`,
        );
      } else if (path === 'closed') {
        check(
          'closed case: closed (read model and workflow)',
          row.state === 'closed' && view.state === 'closed',
          `${row.caseNo}: ${row.state} / ${view.state}`,
        );
        check(
          'closed case: its match ended, holding nothing (no hold leaks)',
          row.matches.length === 1 && row.matches[0]!.status === 'CANCELLED',
          `${row.caseNo}: ${row.matches.map((m) => m.status).join(',')}`,
        );
        check(
          'closed case: its project withdrawn, not on the public platform',
          row.projects.length === 1 && row.projects.every((p) => p.status === 'WITHDRAWN' && !publicProjects.has(p.id)),
          `${row.caseNo}: ${row.projects.map((p) => p.status).join(',')}`,
        );
      } else {
        const items = await database.db.meetingItem.findMany({ where: { caseId } });
        check(
          'meeting case: the resolution recorded once (none lost)',
          items.length === 1 && items[0]!.meetingId === meeting.id,
          `${row.caseNo}: ${items.length} items`,
        );
        const actionTasks = row.tasks.filter((t) => t.kind === 'MEETING_ACTION');
        check(
          'meeting case: in matching at the district, with one task per assigned action',
          row.state === 'matching' &&
            view.state === 'matching' &&
            row.owningUnitId === district &&
            actionTasks.length === 1,
          `${row.caseNo}: ${row.state}, ${actionTasks.length} action tasks`,
        );
      }
    }
    const people = await database.db.person.groupBy({
      by: ['name'],
      where: { name: { startsWith: '混沌测试' } },
      _count: true,
    });
    check(
      'one person per registration (retries registered no one twice)',
      people.length === options.cases && people.every((p) => p._count === 1),
      JSON.stringify(people.filter((p) => p._count !== 1)),
    );
    const held = await database.db.resource.findUniqueOrThrow({ where: { id: resource.id } });
    const live = await database.db.match.count({
      where: { resourceId: resource.id, status: { in: ['PROPOSED', 'ACCEPTED'] } },
    });
    check(
      'places reserved = live matches (nothing reserved twice, nothing left held by a closed case)',
      held.reservedPlaces === live && live === followingUp,
      `reserved ${held.reservedPlaces}, live ${live}, cases in follow-up ${followingUp}`,
    );

    // Two clients claim the same task at once: exactly one wins, every round.
    const claimRaces = { rounds: 0, singleWinner: 0 };
    if (options.claimRaces > 0) {
      const created = await ok(
        station,
        'POST',
        '/api/cases',
        { person: { name: '抢单测试', hukou: 'CHENGDU' }, situation: '困难', confirmNotDuplicate: true },
        'chaos-race-case',
      );
      let task = null;
      while (!(task = await database.db.task.findFirst({ where: { caseId: created.id, kind: 'SCREEN' } })))
        await sleep(50);
      const path = `/api/tasks/${encodeURIComponent(task.id)}`;
      for (let round = 0; round < options.claimRaces; round++) {
        const [a, b] = await Promise.all(
          [caseworker, supervisor].map((cookie, k) =>
            call(cookie, 'POST', `${path}/claim`, undefined, `race-${round}-${k}`),
          ),
        );
        claimRaces.rounds += 1;
        const winners = [a, b].filter((r) => r!.status === 200).length;
        const losersSay409 = [a, b].filter((r) => r!.status === 409).length;
        if (winners === 1 && losersSay409 === 1) claimRaces.singleWinner += 1;
        const winner = a!.status === 200 ? caseworker : supervisor;
        await ok(winner, 'POST', `${path}/release`, undefined, `race-${round}-release`);
      }
      const events = await database.db.caseEvent.count({
        where: { caseId: created.id, type: { in: ['CLAIM', 'RELEASE'] } },
      });
      check(
        'claim races: one winner per round',
        claimRaces.singleWinner === claimRaces.rounds,
        `${claimRaces.singleWinner} of ${claimRaces.rounds}`,
      );
      check(
        'claim races: one claim and one release recorded per round',
        events === 2 * claimRaces.rounds,
        `${events} events for ${claimRaces.rounds} rounds`,
      );
    }

    const { log: _log, ...rest } = options;
    return {
      options: rest,
      injected,
      requests,
      checks,
      claimRaces,
      durationSeconds: Math.round((Date.now() - started) / 1000),
      ok: Object.values(checks).every((c) => c.failed === 0),
    };
  } finally {
    proxy?.close();
    await Promise.allSettled([...apis, ...workers].map((s) => s.stop()));
    await temporal.stop().catch(() => undefined);
    await database.drop().catch(() => undefined);
    rmSync(dataDir, { recursive: true, force: true });
  }
}
