import { AsyncLocalStorage } from 'node:async_hooks';
import type { Db, Prisma } from '@guanai/db';
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../env.ts';

type Tx = Prisma.TransactionClient;

/** Prisma model operations that only read; every other operation (and raw SQL) counts as a write. */
const READS = new Set([
  'findUnique',
  'findUniqueOrThrow',
  'findFirst',
  'findFirstOrThrow',
  'findMany',
  'count',
  'aggregate',
  'groupBy',
]);
const RAW = new Set(['$queryRaw', '$queryRawUnsafe', '$executeRaw', '$executeRawUnsafe']);

class RolledBack extends Error {}

/**
 * The database work of one write request (rule 2: never a partial write; issue 12). In the default
 * mode the request's statements run in one transaction, opened by its first write (reads before it
 * go to the pool as they would in READ COMMITTED anyway), which the request middleware commits with
 * the audit entry and the idempotency answer, or rolls back. A nested `db.$transaction(fn)` runs in
 * it behind a savepoint. A route that calls a workflow inside a transaction of its own
 * (`callsWorkflow`) runs in `autocommit` mode instead: its statements go to the pool as before, and
 * only the answer and the audit entry are written together at the end.
 */
export class RequestScope {
  mode: 'transaction' | 'autocommit' = 'transaction';
  /** Whether the request called a workflow (whose effect is not undone by a rollback). */
  calledWorkflow = false;
  readonly #base: Db;
  readonly #options: { timeoutMs: number; maxWaitMs: number };
  #tx: Promise<Tx> | null = null;
  #decide: ((commit: boolean) => void) | null = null;
  #finished: Promise<void> | null = null;
  #savepoints = 0;
  #afterCommit: (() => unknown)[] = [];

  constructor(base: Db, options: { timeoutMs: number; maxWaitMs: number }) {
    this.#base = base;
    this.#options = options;
  }

  /** Whether the request's transaction has been opened (by a write). */
  get inTransaction(): boolean {
    return this.#tx !== null;
  }

  /** The request's transaction, opened now if it is not yet. */
  transaction(): Promise<Tx> {
    if (this.#tx) return this.#tx;
    let ready!: (tx: Tx) => void;
    let failed!: (error: unknown) => void;
    this.#tx = new Promise<Tx>((resolve, reject) => {
      ready = resolve;
      failed = reject;
    });
    const decided = new Promise<boolean>((resolve) => (this.#decide = resolve));
    const finished = storage.exit(() =>
      this.#base.$transaction(
        async (tx) => {
          ready(tx);
          if (!(await decided)) throw new RolledBack();
        },
        { timeout: this.#options.timeoutMs, maxWait: this.#options.maxWaitMs },
      ),
    );
    this.#finished = finished.then(
      () => undefined,
      (error: unknown) => {
        failed(error); // a transaction that could not start fails the statements waiting for it
        if (!(error instanceof RolledBack)) throw error;
      },
    );
    this.#finished.catch(() => undefined); // awaited by commit() or rollback()
    return this.#tx;
  }

  /**
   * Runs a statement on the transaction once open (else on the pool, for a read). Statements on the
   * transaction run one after another: it is one connection, on which node-postgres would queue
   * concurrent queries anyway (and warns that it will stop doing so).
   */
  async run<T>(write: boolean, statement: (client: Db | Tx) => PromiseLike<T>): Promise<T> {
    if (!this.#tx && !write) return statement(this.#base);
    const tx = await this.transaction();
    const next = this.#serial.then(() => statement(tx));
    this.#serial = next.then(
      () => undefined,
      () => undefined,
    );
    return next;
  }
  #serial: Promise<void> = Promise.resolve();

  /** A nested transaction: the request's, behind a savepoint (so that a caught failure undoes only its part). */
  async nested<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    const tx = await this.transaction();
    const savepoint = `nested_${++this.#savepoints}`;
    await tx.$executeRawUnsafe(`SAVEPOINT ${savepoint}`);
    try {
      const result = await work(tx);
      await tx.$executeRawUnsafe(`RELEASE SAVEPOINT ${savepoint}`);
      return result;
    } catch (error) {
      await tx.$executeRawUnsafe(`ROLLBACK TO SAVEPOINT ${savepoint}`).catch(() => undefined);
      throw error;
    }
  }

  /** Runs `work` once the request's changes are committed, outside the request; dropped if they are rolled back. */
  afterCommit(work: () => unknown): void {
    this.#afterCommit.push(work);
  }

  /** Commits the request's transaction (if any) and then runs what waits for the commit. Throws when the commit fails. */
  async commit(): Promise<void> {
    if (this.#tx) {
      const finished = this.#finished!;
      this.#decide!(true);
      this.#reset();
      await finished;
    }
    for (const work of this.#afterCommit.splice(0)) storage.exit(work);
  }

  async rollback(): Promise<void> {
    this.#afterCommit = [];
    if (!this.#tx) return;
    const finished = this.#finished!;
    this.#decide!(false);
    this.#reset();
    await finished.catch(() => undefined);
  }

  #reset() {
    this.#tx = null;
    this.#decide = null;
    this.#finished = null;
  }
}

const storage = new AsyncLocalStorage<RequestScope>();

/** Runs a write request's handlers in this scope. */
export const runInScope = <T>(scope: RequestScope, work: () => Promise<T>): Promise<T> => storage.run(scope, work);

/**
 * Runs `work` outside the current request's transaction, on the pool: for what must be written
 * whatever the request's answer (a failed sign-in), and for work that outlives the request.
 */
export const outsideRequest = <T>(work: () => T): T => storage.exit(work);

/**
 * Runs `work` once the current request's changes are committed (at once outside a request): for
 * background work started by a request (a roster import), which must see what the request wrote and
 * must not run on its transaction.
 */
export function afterCommit(work: () => unknown): void {
  const scope = storage.getStore();
  if (scope) scope.afterCommit(work);
  else void work();
}

/**
 * Called before a workflow Update or start. A workflow's activities write through their own
 * connections, so the request must not hold an open transaction across the call: what it wrote would
 * be invisible to the workflow, and its locks and connection held while the workflow runs. A route
 * that must write before the call, or calls it inside a transaction of its own, is marked
 * `callsWorkflow`.
 */
export function beforeWorkflowCall(what: string): void {
  const scope = storage.getStore();
  if (!scope) return;
  if (scope.mode === 'transaction' && scope.inTransaction) {
    throw new Error(
      `${what} inside the request's transaction: mark the route with callsWorkflow (api/src/request/scope.ts)`,
    );
  }
  scope.calledWorkflow = true;
}

/**
 * Route middleware for a route that calls a workflow inside a transaction of its own, or after
 * writing: its statements go to the pool as they come (autocommit), and the answer and the audit
 * entry are written together after it. The workflow records the case change itself (a case event,
 * atomically with its projection).
 */
export const callsWorkflow = createMiddleware<AppEnv>(async (_c, next) => {
  const scope = storage.getStore();
  if (scope) scope.mode = 'autocommit';
  await next();
});

/** A Prisma promise that runs when awaited, on the client the scope chooses at that moment. */
function deferred<T>(scope: RequestScope, write: boolean, run: (client: Db | Tx) => PromiseLike<T>): Promise<T> {
  let started: Promise<T> | undefined;
  const start = () => (started ??= scope.run(write, run));
  return {
    then: (onFulfilled, onRejected) => start().then(onFulfilled, onRejected),
    catch: (onRejected) => start().catch(onRejected),
    finally: (onFinally) => start().finally(onFinally),
    [Symbol.toStringTag]: 'PrismaPromise',
  } as Promise<T>;
}

/**
 * `db` for route handlers: outside a write request (reads, background work) it is the client itself;
 * inside one in `transaction` mode, each statement runs on the request's transaction (opened by the
 * first write), `db.$transaction(fn)` becomes `fn(tx)` behind a savepoint and `db.$transaction([...])`
 * runs its statements in order in it.
 */
export function requestScopedDb(base: Db): Db {
  const delegate = (model: string, scope: RequestScope) =>
    new Proxy(
      {},
      {
        get: (_target, operation) => {
          if (typeof operation !== 'string') return undefined;
          return (...args: unknown[]) =>
            deferred(scope, !READS.has(operation), (client) =>
              (client as unknown as Record<string, Record<string, (...a: unknown[]) => PromiseLike<unknown>>>)[model]![
                operation
              ]!(...args),
            );
        },
      },
    );
  return new Proxy(base, {
    get(target, property) {
      const value: unknown = Reflect.get(target, property, target);
      const scope = storage.getStore();
      if (!scope || scope.mode !== 'transaction' || typeof property !== 'string') {
        return typeof value === 'function' ? value.bind(target) : value;
      }
      if (property === '$transaction') {
        return (work: ((tx: Tx) => Promise<unknown>) | PromiseLike<unknown>[]) =>
          scope.nested(async () => {
            if (!Array.isArray(work)) return work(await scope.transaction());
            const results: unknown[] = [];
            for (const statement of work) results.push(await statement);
            return results;
          });
      }
      if (RAW.has(property)) {
        return (...args: unknown[]) =>
          deferred(scope, true, (client) =>
            (client as unknown as Record<string, (...a: unknown[]) => PromiseLike<unknown>>)[property]!(...args),
          );
      }
      if (!property.startsWith('$') && value && typeof value === 'object' && 'findMany' in value) {
        return delegate(property, scope);
      }
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
