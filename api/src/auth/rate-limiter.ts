import { createHmac } from 'node:crypto';
import type { Db } from '@guanai/db';
import { outsideRequest } from '../request/scope.ts';

/** At most `limit` hits per key within `windowMs`. */
export interface RateLimit {
  limit: number;
  windowMs: number;
}

/**
 * A sliding-window limit on one kind of request (its `bucket`), per key (a client address), counted
 * in PostgreSQL (`rate_limit_hit`) so that every API replica shares it. Keys are stored as an HMAC
 * under `secret()`, never in clear text (an address hashed without a key could be found by trying
 * every address). Its statements run outside the request's transaction: a hit is kept whatever the
 * request's answer. The sign-in has its own limiter (rate-limit.ts), whose success clears the failures.
 */
export function createRateLimiter(
  db: Db,
  bucket: string,
  { limit, windowMs }: RateLimit,
  { secret, purgeEveryMs = 60_000 }: { secret: () => Buffer; purgeEveryMs?: number },
) {
  const digest = (key: string) => createHmac('sha256', secret()).update(`${bucket}\n${key}`).digest('hex');
  const seconds = windowMs / 1000;
  let lastPurge = 0;

  /** Seconds until the oldest of the last `limit` hits leaves the window (0: fewer than `limit` hits in it). */
  const waitOn = async (client: Pick<Db, '$queryRaw'>, hashed: string): Promise<number> => {
    const [row] = await client.$queryRaw<{ wait: number }[]>`
      SELECT ceil(extract(epoch FROM at + ${seconds}::float8 * interval '1 second' - now()))::int AS wait
      FROM rate_limit_hit
      WHERE bucket = ${bucket} AND key = ${hashed} AND at > now() - ${seconds}::float8 * interval '1 second'
      ORDER BY at DESC OFFSET ${limit - 1} LIMIT 1`;
    return row ? Math.max(row.wait, 1) : 0;
  };
  const purgeNowAndThen = async () => {
    if (Date.now() - lastPurge < purgeEveryMs) return;
    lastPurge = Date.now();
    await outsideRequest(
      () =>
        db.$executeRaw`DELETE FROM rate_limit_hit WHERE bucket = ${bucket} AND at < now() - ${seconds}::float8 * interval '1 second'`,
    );
  };

  return {
    /** Seconds the key must wait before it may go on (0: it may now). */
    wait: (key: string): Promise<number> => outsideRequest(() => waitOn(db, digest(key))),
    /** Counts one hit of the key. */
    async hit(key: string): Promise<void> {
      await outsideRequest(
        () => db.$executeRaw`INSERT INTO rate_limit_hit (bucket, key) VALUES (${bucket}, ${digest(key)})`,
      );
      await purgeNowAndThen();
    },
    /**
     * Counts one hit if the key is within its limit, else says how long to wait: atomic across
     * replicas (the key's check and hit hold a transaction-level advisory lock on it).
     */
    async take(key: string): Promise<number> {
      const hashed = digest(key);
      const wait = await outsideRequest(() =>
        db.$transaction(async (tx) => {
          await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`${bucket}\n${hashed}`}, 0))`;
          const wait = await waitOn(tx, hashed);
          if (wait === 0) await tx.$executeRaw`INSERT INTO rate_limit_hit (bucket, key) VALUES (${bucket}, ${hashed})`;
          return wait;
        }),
      );
      await purgeNowAndThen();
      return wait;
    },
  };
}

export type RateLimiter = ReturnType<typeof createRateLimiter>;
