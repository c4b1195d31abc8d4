import { verify } from '@node-rs/argon2';
import type { Db } from '@guanai/db';
import type { createLoginLimiter } from '../../auth/rate-limit.ts';
import { createSession, toSessionUser, type SessionUser } from '../../auth/session.ts';
import { AppError } from '../../errors/app-error.ts';

/** A hash to verify against for unknown users, so both answers take as long. */
const DUMMY_HASH = '$argon2id$v=19$m=19456,t=2,p=1$jBnjLeqYEUIRHlIH+8ou+Q$azcWWeNzQWOh1fEMaGHvF+kQNWy9wevn/57okUtF1Wk';

/**
 * Exchanges username and password for a new session, rate-limited per username and address: a
 * wrong password, an unknown user and a deactivated one get the same 401. `onRateLimited` is told
 * the seconds to wait (the Retry-After) before the 429 is thrown.
 */
export async function signIn({
  db,
  limiter,
  username,
  password,
  address,
  onRateLimited,
}: {
  db: Db;
  limiter: ReturnType<typeof createLoginLimiter>;
  username: string;
  password: string;
  address: string;
  onRateLimited: (retryAfterSeconds: number) => void;
}): Promise<{ user: SessionUser; token: string }> {
  const key = `${username.toLowerCase()}|${address}`;
  const { retryAfter: wait, failures } = await limiter.check(key);
  if (wait > 0) {
    onRateLimited(wait);
    throw new AppError('RATE_LIMITED', {
      message: `too many failed sign-ins; try again in ${Math.ceil(wait / 60)} minutes`,
      reason: 'LOGIN_RATE_LIMITED',
    });
  }
  const user = await db.user.findUnique({ where: { username }, include: { orgUnit: true } });
  const ok = await verify(user?.passwordHash ?? DUMMY_HASH, password).catch(() => false);
  if (!user || !ok || !user.active) {
    await limiter.fail(key);
    throw new AppError('UNAUTHENTICATED', { message: 'wrong username or password', reason: 'BAD_CREDENTIALS' });
  }
  if (failures > 0) await limiter.succeed(key);
  const { token } = await createSession(db, user.id);
  return { user: toSessionUser(user), token };
}
