import { createHash, randomUUID } from 'node:crypto';
import type { Db, Prisma } from '@guanai/db';
import type { Context } from 'hono';
import type { AppEnv } from '../env.ts';
import { AppError } from '../errors/app-error.ts';
import { derivedUuid } from '../ids.ts';

export const IDEMPOTENCY_HEADER = 'Idempotency-Key';

export interface IdempotencyOptions {
  /** How long a key is kept (and binds its request); then it is purged. */
  ttlMs: number;
  /** How long a request in progress holds its key without renewing it (a killed API's key is free after this). */
  leaseMs: number;
  /** How often one API process purges expired keys. */
  purgeEveryMs: number;
}

export const DEFAULT_IDEMPOTENCY: IdempotencyOptions = { ttlMs: 24 * 3_600_000, leaseMs: 10_000, purgeEveryMs: 60_000 };

/** 1–200 visible ASCII characters: a uuid, or a client's own scheme such as `<task>:claim`. */
const KEY_PATTERN = /^[\x21-\x7e]{1,200}$/;

export function checkKey(header: string): string {
  if (!KEY_PATTERN.test(header))
    throw new AppError('VALIDATION', {
      message: 'must be 1–200 visible ASCII characters (e.g. a uuid)',
      field: IDEMPOTENCY_HEADER,
    });
  return header;
}

/** What binds a key to a request: method, path and query, content type and body. */
export function hashRequest({
  method,
  pathAndQuery,
  contentType,
  body,
}: {
  method: string;
  pathAndQuery: string;
  contentType: string;
  body: Uint8Array;
}): string {
  return createHash('sha256').update(`${method} ${pathAndQuery}\n${contentType}\n`).update(body).digest('hex');
}

export async function requestHash(c: Context<AppEnv>): Promise<string> {
  const url = new URL(c.req.url);
  const body = new Uint8Array(await c.req.arrayBuffer()); // Hono keeps the body for the handler
  return hashRequest({
    method: c.req.method,
    pathAndQuery: `${url.pathname}${url.search}`,
    contentType: c.req.header('Content-Type') ?? '',
    body,
  });
}

/**
 * An id derived from the caller's Idempotency-Key and request (a case, a match, a workflow Update),
 * so that a retried request names the same rows and Update; undefined without a key. Scoped to the
 * caller, so two users' keys never meet.
 */
export function keyedId(c: Context<AppEnv>, purpose: string): string | undefined {
  const bound = c.get('idempotency');
  return bound ? derivedUuid(c.get('user').id, bound.key, bound.requestHash, purpose) : undefined;
}

export interface Claim {
  userId: string;
  key: string;
  token: string;
}

export type ClaimOutcome =
  | { kind: 'claimed'; claim: Claim }
  | { kind: 'replay'; status: number; type: string | null; body: string | null }
  | { kind: 'mismatch'; route: string }
  | { kind: 'in-progress'; retryAfterSeconds: number };

/**
 * Takes the key for this request, in one statement outside the request's transaction (so that a
 * concurrent duplicate sees it in progress): a new key, an expired one, or one whose request died
 * with its lease run out (the same request only). Otherwise says what the key holds.
 */
export async function claimKey(
  db: Db,
  options: IdempotencyOptions,
  input: { userId: string; key: string; route: string; hash: string },
): Promise<ClaimOutcome> {
  const { userId, key, route, hash } = input;
  for (;;) {
    const token = randomUUID();
    const taken = await db.$queryRaw<{ lease_token: string }[]>`
      INSERT INTO idempotency_key AS k (user_id, key, route, request_hash, lease_token, locked_until)
      VALUES (${userId}::uuid, ${key}, ${route}, ${hash}, ${token}::uuid, now() + ${options.leaseMs}::float8 * interval '1 millisecond')
      ON CONFLICT (user_id, key) DO UPDATE
        SET route = EXCLUDED.route, request_hash = EXCLUDED.request_hash, lease_token = EXCLUDED.lease_token, locked_until = EXCLUDED.locked_until,
            status = NULL, response_type = NULL, response_body = NULL,
            created_at = CASE WHEN k.created_at < now() - ${options.ttlMs}::float8 * interval '1 millisecond' THEN now() ELSE k.created_at END
        WHERE k.created_at < now() - ${options.ttlMs}::float8 * interval '1 millisecond'
           OR (k.status IS NULL AND k.locked_until < now() AND k.request_hash = EXCLUDED.request_hash)
      RETURNING lease_token`;
    if (taken.length > 0) return { kind: 'claimed', claim: { userId, key, token } };
    const [held] = await db.$queryRaw<
      {
        route: string;
        request_hash: string;
        status: number | null;
        response_type: string | null;
        response_body: string | null;
        wait: number;
      }[]
    >`
      SELECT route, request_hash, status, response_type, response_body, ceil(greatest(extract(epoch FROM locked_until - now()), 1))::int AS wait
      FROM idempotency_key WHERE user_id = ${userId}::uuid AND key = ${key}`;
    if (!held) continue; // released meanwhile: take it
    if (held.request_hash !== hash) return { kind: 'mismatch', route: held.route };
    if (held.status !== null)
      return { kind: 'replay', status: held.status, type: held.response_type, body: held.response_body };
    return { kind: 'in-progress', retryAfterSeconds: held.wait };
  }
}

/** Keeps the key while its request runs longer than the lease. */
export async function renewKey(db: Db, options: IdempotencyOptions, claim: Claim): Promise<void> {
  await db.$executeRaw`
    UPDATE idempotency_key SET locked_until = now() + ${options.leaseMs}::float8 * interval '1 millisecond'
    WHERE user_id = ${claim.userId}::uuid AND key = ${claim.key} AND lease_token = ${claim.token}::uuid AND status IS NULL`;
}

/** Stores the answer, in the request's transaction (with its changes and its audit entry). */
export async function storeAnswer(
  tx: Prisma.TransactionClient,
  claim: Claim,
  answer: { status: number; type: string | null; body: string },
): Promise<void> {
  await tx.$executeRaw`
    UPDATE idempotency_key SET status = ${answer.status}, response_type = ${answer.type}, response_body = ${answer.body}, locked_until = NULL
    WHERE user_id = ${claim.userId}::uuid AND key = ${claim.key} AND lease_token = ${claim.token}::uuid`;
}

/**
 * Frees the key of a request that failed: nothing it did was kept (its transaction rolled back), so
 * the key may be sent again, with this request or a corrected one.
 */
export async function releaseKey(db: Db, claim: Claim): Promise<void> {
  await db.$executeRaw`
    DELETE FROM idempotency_key WHERE user_id = ${claim.userId}::uuid AND key = ${claim.key} AND lease_token = ${claim.token}::uuid AND status IS NULL`;
}

/** Deletes expired keys, a batch at a time; replicas purging at once skip each other's rows. */
export async function purgeExpiredKeys(
  db: Db,
  options: Pick<IdempotencyOptions, 'ttlMs'>,
  batch = 1000,
): Promise<number> {
  return db.$executeRaw`
    DELETE FROM idempotency_key WHERE ctid = ANY (ARRAY(
      SELECT ctid FROM idempotency_key WHERE created_at < now() - ${options.ttlMs}::float8 * interval '1 millisecond'
      LIMIT ${batch} FOR UPDATE SKIP LOCKED))`;
}
