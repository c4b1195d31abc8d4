import { hash, verify } from '@node-rs/argon2';
import { Hono } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { z } from 'zod';
import { createLoginLimiter } from '../../auth/rate-limit.ts';
import {
  createSession,
  publicUser,
  revokeSession,
  SESSION_COOKIE,
  SESSION_TTL_MS,
  sessionId,
  toSessionUser,
} from '../../auth/session.ts';
import type { AppDeps, AppEnv } from '../../env.ts';
import { AppError } from '../../errors/app-error.ts';
import { validate } from '../../validation.ts';
import { ZPassword } from '../users/users.ts';

const ZLoginSchema = z.object({
  username: z.string().trim().min(1, 'is required').max(100),
  password: z.string().min(1, 'is required').max(200),
});

/** A hash to verify against for unknown users, so both answers take as long. */
const DUMMY_HASH = '$argon2id$v=19$m=19456,t=2,p=1$jBnjLeqYEUIRHlIH+8ou+Q$azcWWeNzQWOh1fEMaGHvF+kQNWy9wevn/57okUtF1Wk';

export function authRoutes(deps: AppDeps) {
  const limiter = createLoginLimiter(deps.db);
  return (
    new Hono<AppEnv>()
      /** Anyone: exchanges username and password for a session cookie. Rate-limited per user and address. */
      .post('/login', validate('json', ZLoginSchema), async (c) => {
        const { username, password } = c.req.valid('json');
        const key = `${username.toLowerCase()}|${c.req.header('x-forwarded-for') ?? 'local'}`;
        const { retryAfter: wait, failures } = await limiter.check(key);
        if (wait > 0) {
          c.header('Retry-After', String(wait));
          throw new AppError('RATE_LIMITED', {
            message: `too many failed sign-ins; try again in ${Math.ceil(wait / 60)} minutes`,
            reason: 'LOGIN_RATE_LIMITED',
          });
        }
        const user = await deps.db.user.findUnique({ where: { username }, include: { orgUnit: true } });
        const ok = await verify(user?.passwordHash ?? DUMMY_HASH, password).catch(() => false);
        if (!user || !ok || !user.active) {
          await limiter.fail(key);
          throw new AppError('UNAUTHENTICATED', { message: 'wrong username or password', reason: 'BAD_CREDENTIALS' });
        }
        if (failures > 0) await limiter.succeed(key);
        c.set('user', toSessionUser(user)); // the audit log records who signed in
        const { token } = await createSession(deps.db, user.id);
        setCookie(c, SESSION_COOKIE, token, {
          httpOnly: true,
          sameSite: 'Strict',
          secure: deps.secureCookies ?? false,
          path: '/',
          maxAge: SESSION_TTL_MS / 1000,
        });
        return c.json(publicUser(toSessionUser(user)));
      })
      /** Signed-in user: revokes the session. */
      .post('/logout', async (c) => {
        const token = getCookie(c, SESSION_COOKIE);
        if (token) await revokeSession(deps.db, token);
        deleteCookie(c, SESSION_COOKIE, { path: '/' });
        return c.body(null, 204);
      })
      /** Signed-in user: who am I, and which routes my role may call. */
      .get('/me', (c) => c.json(publicUser(c.get('user'))))
      /** Signed-in user: changes their own password (e.g. after an admin's reset); other sessions end. */
      .post(
        '/password',
        validate(
          'json',
          z.object({ currentPassword: z.string().min(1, 'is required').max(200), newPassword: ZPassword }).strict(),
        ),
        async (c) => {
          const me = c.get('user');
          const { currentPassword, newPassword } = c.req.valid('json');
          const user = await deps.db.user.findUniqueOrThrow({ where: { id: me.id } });
          if (!(await verify(user.passwordHash, currentPassword).catch(() => false))) {
            throw new AppError('VALIDATION', { message: 'is not your current password', field: 'currentPassword' });
          }
          if (currentPassword === newPassword)
            throw new AppError('VALIDATION', {
              message: 'must differ from the current password',
              field: 'newPassword',
            });
          const token = getCookie(c, SESSION_COOKIE);
          await deps.db.$transaction([
            deps.db.user.update({ where: { id: me.id }, data: { passwordHash: await hash(newPassword) } }),
            deps.db.session.updateMany({
              where: { userId: me.id, revokedAt: null, NOT: { id: sessionId(token ?? '') } },
              data: { revokedAt: new Date() },
            }),
          ]);
          return c.body(null, 204);
        },
      )
  );
}
