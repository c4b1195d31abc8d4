// The load of the throughput benchmarks (npm run bench, npm run scale): closed-loop clients, each
// with one action in flight, advancing cases along the paths of paths.ts (every task kind, the
// matching ledger's writes and the durable follow-up timer), each action timed.
import type { Db } from '@guanai/db';
import { openCase, openTasks } from './cases.ts';
import { expectStatus, signIn, type Reply, type Session } from './http.ts';
import { BENCH_RESOURCE, MATCH_AMOUNT, pathFor, type CasePath, type User } from './paths.ts';

interface CaseRun {
  n: number;
  path: CasePath;
  id?: string;
  step: number;
  taskId?: string;
  /** The match proposed for the case's need 0 (the ledger steps). */
  matchId?: string;
  readyAt: number;
}

export interface Action {
  label: string;
  ms: number;
  end: number;
  ok: boolean;
  /** A write of the matching ledger (propose, accept, record a delivery): no Update. */
  ledger?: boolean;
}

export interface Load {
  /** A client: advances whichever case is ready, else opens a new one, until `until()` says stop. */
  client(until: () => boolean): Promise<void>;
  /** Every write so far (opening, claim, completion, case action, note, the ledger's writes). */
  actions: Action[];
  /** The inbox reads that found each task. */
  reads: Action[];
  /** The first errors (at most 20). */
  errors: string[];
  opened(): number;
  completed(): number;
}

/**
 * Signs the users in, creates and publishes the resource the cases are matched with, and returns
 * the clients' load on the system at `baseUrl` (whose database is `db`).
 */
export async function createLoad(baseUrl: string, db: Db): Promise<Load> {
  const users: User[] = ['station', 'discoverer', 'caseworker', 'supervisor', 'district.supervisor', 'partner'];
  const sessions = Object.fromEntries(
    await Promise.all(users.map(async (u) => [u, await signIn(baseUrl, u)] as const)),
  ) as Record<User, Session>;

  // The resource the cases are matched with, as an admin adds one to the catalogue and publishes
  // it: MEDICAL (the paths' need), the whole city (every community), a budget for any run.
  const admin = await signIn(baseUrl, 'admin');
  const provider = await db.partner.findUniqueOrThrow({ where: { name: BENCH_RESOURCE.provider } });
  const city = await db.orgUnit.findUniqueOrThrow({ where: { code: '510100000000' } });
  const { provider: _, ...resourceFields } = BENCH_RESOURCE;
  const resource = expectStatus(
    await admin.request('POST', '/api/resources', {
      ...resourceFields,
      categories: [...resourceFields.categories],
      providerId: provider.id,
      coverageUnitId: city.id,
    }),
    201,
    'create the benchmark resource',
  ).json() as { id: string };
  expectStatus(
    await admin.request('POST', `/api/resources/${resource.id}/status`, { status: 'PUBLISHED' }),
    200,
    'publish the benchmark resource',
  );
  const today = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10); // Beijing

  const ready: CaseRun[] = [];
  let opened = 0;
  let completedCases = 0;
  const actions: Action[] = [];
  const reads: Action[] = [];
  const errors: string[] = [];

  const record = (list: Action[], label: string, began: number, res: Reply, expected: number, ledger = false) => {
    const end = performance.now();
    const ok = res.status === expected;
    list.push({ label, ms: end - began, end, ok, ...(ledger ? { ledger } : {}) });
    if (!ok && errors.length < 20) errors.push(`${label}: ${res.status} ${res.text.slice(0, 200)}`);
    return ok;
  };

  /** One action on a case (plus the inbox reads it needs); false when the case cannot go on. */
  const advance = async (c: CaseRun): Promise<boolean> => {
    if (!c.id) {
      const began = performance.now();
      const who = sessions[c.path.open.who];
      try {
        c.id = await openCase(who, {
          emergency: c.path.open.emergency ?? false,
          ...(c.path.open.discovererKind ? { discovererKind: c.path.open.discovererKind } : {}),
        });
        actions.push({ label: 'open case', ms: performance.now() - began, end: performance.now(), ok: true });
        return true;
      } catch (error) {
        actions.push({ label: 'open case', ms: performance.now() - began, end: performance.now(), ok: false });
        if (errors.length < 20) errors.push(String(error));
        return false;
      }
    }
    const step = c.path.steps[c.step]!;
    const who = sessions[step.who];
    if (step.do === 'act') {
      const began = performance.now();
      const ok = record(
        actions,
        `action ${String(step.body.type)}`,
        began,
        await who.request('POST', `/api/cases/${c.id}/actions`, step.body),
        200,
      );
      c.step += 1;
      return ok;
    }
    if (step.do === 'note') {
      const began = performance.now();
      const ok = record(
        actions,
        'note',
        began,
        await who.request('POST', `/api/cases/${c.id}/notes`, { text: step.text, kind: 'VISIT' }),
        201,
      );
      c.step += 1;
      return ok;
    }
    if (step.do === 'propose') {
      const began = performance.now();
      const res = await who.request('POST', `/api/cases/${c.id}/matches`, {
        needIndex: 0,
        resourceId: resource.id,
        amount: MATCH_AMOUNT,
      });
      const ok = record(actions, 'ledger: propose match', began, res, 201, true);
      if (ok) c.matchId = res.json().id as string;
      c.step += 1;
      return ok;
    }
    if (step.do === 'accept' || step.do === 'record') {
      if (!c.matchId) throw new Error(`no match proposed on case ${c.id} before step ${c.step} (${step.do})`);
      const began = performance.now();
      const ok =
        step.do === 'accept'
          ? record(
              actions,
              'ledger: accept match',
              began,
              await who.request('POST', `/api/matches/${c.matchId}/accept`),
              200,
              true,
            )
          : record(
              actions,
              'ledger: record delivery',
              began,
              await who.request('POST', `/api/matches/${c.matchId}/deliveries`, {
                kind: 'MONEY',
                description: '住院费用补助',
                amount: MATCH_AMOUNT,
                deliveredOn: today(),
              }),
              201,
              true,
            );
      c.step += 1;
      return ok;
    }
    if (!c.taskId) {
      // The inbox read that finds the task, then the claim.
      const began = performance.now();
      const tasks = await openTasks(who, c.id);
      reads.push({ label: 'inbox read', ms: performance.now() - began, end: performance.now(), ok: true });
      const task = tasks.find((t) => t.kind === step.kind);
      if (!task) {
        if (step.wait) {
          c.readyAt = performance.now() + 500; // the follow-up timer has not fired yet
          return true;
        }
        if (errors.length < 20)
          errors.push(`no open ${step.kind} task on ${c.path.name.split(':')[0]} case ${c.id} at step ${c.step}`);
        return false;
      }
      const claimed = performance.now();
      const ok = record(actions, 'claim', claimed, await who.request('POST', `/api/tasks/${task.id}/claim`), 200);
      if (ok) c.taskId = task.id;
      return ok;
    }
    const began = performance.now();
    const ok = record(
      actions,
      `complete ${step.kind}`,
      began,
      await who.request('POST', `/api/tasks/${c.taskId}/complete`, { form: step.form }),
      200,
    );
    c.taskId = undefined;
    c.step += 1;
    return ok;
  };

  /** A client: advances whichever case is ready, else opens a new one. */
  const client = async (until: () => boolean) => {
    while (!until()) {
      const now = performance.now();
      const i = ready.findIndex((c) => c.readyAt <= now);
      const c = i >= 0 ? ready.splice(i, 1)[0]! : { n: opened, path: pathFor(opened++), step: 0, readyAt: 0 };
      const going = await advance(c).catch((error: unknown) => {
        if (errors.length < 20) errors.push(String(error));
        return false;
      });
      if (going && c.step < c.path.steps.length) ready.push(c);
      else if (going) completedCases += 1;
    }
  };

  return {
    client,
    actions,
    reads,
    errors,
    opened: () => opened,
    completed: () => completedCases,
  };
}
