import { appendAudit, type Db } from '@guanai/db';
import { createMiddleware } from 'hono/factory';
import { matchedRoutes } from 'hono/route';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { Logger } from 'pino';
import type { SessionUser } from '../auth/session.ts';
import type { AppEnv } from '../env.ts';
import { AppError } from '../errors/app-error.ts';
import {
  checkKey,
  claimKey,
  DEFAULT_IDEMPOTENCY,
  IDEMPOTENCY_HEADER,
  purgeExpiredKeys,
  releaseKey,
  renewKey,
  requestHash,
  storeAnswer,
  type Claim,
  type IdempotencyOptions,
} from './idempotency.ts';
import { RequestScope, runInScope } from './scope.ts';

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export interface WriteRequestOptions {
  idempotency: IdempotencyOptions;
  /** The request transaction's limits: how long it may run, and wait for a pooled connection. */
  transaction: { timeoutMs: number; maxWaitMs: number };
}

const DEFAULTS: WriteRequestOptions = {
  idempotency: DEFAULT_IDEMPOTENCY,
  transaction: { timeoutMs: 60_000, maxWaitMs: 10_000 },
};

/**
 * Every write request to the API (POST, PUT, PATCH, DELETE on an /api route), after authorisation:
 *
 * - Idempotency-Key (issue 12): the key is bound to the caller, the route and the request. The same
 *   request again gets the first answer (status and body); another request with the key is a 422; one
 *   still in progress a 409. Only answers below 400 are kept: a failed request changed nothing, so its
 *   key is freed for a retry, corrected or not.
 * - Rule 2 and rule 4: the handler's statements, the idempotency answer and the audit entry commit in
 *   one transaction (RequestScope), the audit entry last since it holds the chain's lock to the
 *   commit. If any of them fails, nothing is kept and the answer is an error.
 */
export function writeRequests({ db, logger }: { db: Db; logger: Logger }, options: WriteRequestOptions = DEFAULTS) {
  const { idempotency } = options;
  let lastPurge = 0;
  const purgeNowAndThen = () => {
    if (Date.now() - lastPurge < idempotency.purgeEveryMs) return;
    lastPurge = Date.now();
    purgeExpiredKeys(db, idempotency).catch((err: unknown) =>
      logger.warn({ err }, 'purging expired idempotency keys failed'),
    );
  };

  return createMiddleware<AppEnv>(async (c, next) => {
    if (!WRITE_METHODS.has(c.req.method)) return next();
    const endpoint = matchedRoutes(c).find((route) => route.method !== 'ALL' && route.path.startsWith('/api/'));
    if (!endpoint) return next(); // no such route: the 404 handler answers
    const route = `${c.req.method} ${endpoint.path}`;
    const caller = c.get('user') as SessionUser | undefined; // public routes (sign-in) have none: keys are per caller

    let claim: Claim | undefined;
    const header = c.req.header(IDEMPOTENCY_HEADER);
    if (header !== undefined && caller) {
      const key = checkKey(header);
      const hash = await requestHash(c);
      purgeNowAndThen();
      const outcome = await claimKey(db, idempotency, { userId: caller.id, key, route, hash });
      if (outcome.kind === 'replay') {
        c.header('Idempotent-Replayed', 'true');
        if (outcome.type) c.header('Content-Type', outcome.type);
        if (outcome.status === 204) return c.body(null, 204);
        return c.body(outcome.body ?? '', outcome.status as ContentfulStatusCode);
      }
      if (outcome.kind === 'mismatch') {
        throw new AppError('VALIDATION', {
          message: `was already used for another request (${outcome.route}); send a new key with a new request`,
          field: IDEMPOTENCY_HEADER,
          reason: 'IDEMPOTENCY_KEY_REUSED',
        });
      }
      if (outcome.kind === 'in-progress') {
        c.header('Retry-After', String(outcome.retryAfterSeconds));
        throw new AppError('CONFLICT', {
          message: 'the request with this key is still in progress; try again shortly',
          field: IDEMPOTENCY_HEADER,
          reason: 'IDEMPOTENCY_KEY_IN_PROGRESS',
        });
      }
      claim = outcome.claim;
      c.set('idempotency', { key, requestHash: hash });
    }

    const scope = new RequestScope(db, options.transaction);
    const held = claim;
    // Each renewal catches its own failure (logged): the interval awaits nothing.
    const renewal = held
      ? setInterval(
          () =>
            void renewKey(db, idempotency, held).catch((err: unknown) =>
              logger.warn({ err }, 'renewing an idempotency lease failed'),
            ),
          idempotency.leaseMs / 3,
        )
      : undefined;
    try {
      await runInScope(scope, () => next());
    } finally {
      clearInterval(renewal);
    }

    if (c.error || c.res.status >= 400) {
      await scope.rollback();
      if (claim)
        await releaseKey(db, claim).catch((err: unknown) =>
          logger.warn({ err }, 'releasing an idempotency key failed'),
        );
      return;
    }
    const user = c.get('user') as SessionUser | undefined; // sign-in sets it
    const entry = {
      actorId: user?.id ?? null,
      action: route,
      target: c.req.path,
      detail: { status: c.res.status, requestId: c.get('requestId') },
    };
    try {
      if (!scope.inTransaction && !claim) {
        await appendAudit(db, entry); // nothing else to commit: one statement
      } else {
        const tx = await scope.transaction();
        if (claim)
          await storeAnswer(tx, claim, {
            status: c.res.status,
            type: c.res.headers.get('Content-Type'),
            body: await c.res.clone().text(),
          });
        await appendAudit(tx, entry);
      }
      await scope.commit();
    } catch (error) {
      await scope.rollback();
      if (claim)
        await releaseKey(db, claim).catch((err: unknown) =>
          logger.warn({ err }, 'releasing an idempotency key failed'),
        );
      logger.error(
        { err: error, requestId: c.get('requestId'), route },
        'a write could not be committed with its audit entry',
      );
      throw new AppError('UNAVAILABLE', {
        message:
          scope.mode === 'autocommit' || scope.calledWorkflow
            ? 'the action could not be recorded in the audit log; it may have been taken: send the same request again (with its Idempotency-Key) to get its answer'
            : 'the change could not be recorded, so nothing was changed; try again',
        reason: 'NOT_RECORDED',
      });
    }
  });
}
