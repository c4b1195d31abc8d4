import { createHash } from 'node:crypto';
import type { Db } from '@guanai/db';
import { outsideRequest } from '../request/scope.ts';

export interface LoginLimiterOptions {
  /** Failures allowed within the window. */
  limit?: number;
  windowMs?: number;
  /** How often one API process deletes failures older than the window. */
  purgeEveryMs?: number;
}

/**
 * Failed-login limiter: at most `limit` failures per key (username and address) within `windowMs`,
 * counted in PostgreSQL (`login_failure`) so that every API replica shares the limit. Its statements
 * run outside the request's transaction: a failure is kept although the sign-in's answer is a 401.
 * Two replicas checking the same key at the same instant may each let one more attempt through, as
 * two requests in one process could before.
 */
export function createLoginLimiter(
  db: Db,
  { limit = 5, windowMs = 15 * 60_000, purgeEveryMs = 60_000 }: LoginLimiterOptions = {},
) {
  const digest = (key: string) => createHash('sha256').update(key).digest('hex');
  const seconds = windowMs / 1000;
  let lastPurge = 0;
  return {
    /** Seconds until the key may try again (0: now), and how many recent failures it has. */
    async check(key: string): Promise<{ retryAfter: number; failures: number }> {
      const [row] = await outsideRequest(
        () => db.$queryRaw<[{ failures: number; wait: number | null }]>`
          SELECT count(*)::int AS failures, ceil(extract(epoch FROM min(at) + ${seconds}::float8 * interval '1 second' - now()))::int AS wait
          FROM login_failure WHERE key = ${digest(key)} AND at > now() - ${seconds}::float8 * interval '1 second'`,
      );
      return { failures: row.failures, retryAfter: row.failures >= limit ? Math.max(row.wait ?? 1, 1) : 0 };
    },
    async fail(key: string): Promise<void> {
      await outsideRequest(() => db.$executeRaw`INSERT INTO login_failure (key) VALUES (${digest(key)})`);
      if (Date.now() - lastPurge < purgeEveryMs) return;
      lastPurge = Date.now();
      await outsideRequest(
        () => db.$executeRaw`DELETE FROM login_failure WHERE at < now() - ${seconds}::float8 * interval '1 second'`,
      );
    },
    async succeed(key: string): Promise<void> {
      await outsideRequest(() => db.$executeRaw`DELETE FROM login_failure WHERE key = ${digest(key)}`);
    },
  };
}
