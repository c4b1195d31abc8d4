import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { createLoginLimiter } from '../../auth/rate-limit.ts';
import { publicUser, revokeSession, SESSION_COOKIE, SESSION_TTL_MS } from '../../auth/session.ts';
import { changePassword } from '../../domain/auth/change-password.ts';
import { signIn } from '../../domain/auth/sign-in.ts';
import type { AppDeps } from '../../env.ts';
import { createRouter } from '../../openapi/router.ts';
import { changePassword as changePasswordRoute, login, logout, me } from './auth.types.ts';
import { clientAddress } from '../../request/client-address.ts';

export function authRoutes(deps: AppDeps) {
  const limiter = createLoginLimiter(deps.db);
  return (
    createRouter()
      /** Anyone: exchanges username and password for a session cookie. Rate-limited per user and address. */
      .openapi(login, async (c) => {
        const { username, password } = c.req.valid('json');
        const { user, token } = await signIn({
          db: deps.db,
          limiter,
          username,
          password,
          // The client's address as the trusted proxies saw it: a header the client wrote itself cannot
          // make it someone else (and slip past the limit).
          address: clientAddress(c, deps.trustedProxies),
          onRateLimited: (wait) => c.header('Retry-After', String(wait)),
        });
        c.set('user', user); // the audit log records who signed in
        setCookie(c, SESSION_COOKIE, token, {
          httpOnly: true,
          sameSite: 'Strict',
          secure: deps.secureCookies ?? false,
          path: '/',
          maxAge: SESSION_TTL_MS / 1000,
        });
        return c.json(publicUser(user), 200);
      })
      /** Signed-in user: revokes the session. */
      .openapi(logout, async (c) => {
        const token = getCookie(c, SESSION_COOKIE);
        if (token) await revokeSession(deps.db, token);
        deleteCookie(c, SESSION_COOKIE, { path: '/' });
        return c.body(null, 204);
      })
      /** Signed-in user: who am I, and which routes my role may call. */
      .openapi(me, (c) => c.json(publicUser(c.get('user')), 200))
      /** Signed-in user: changes their own password (e.g. after an admin's reset); other sessions end. */
      .openapi(changePasswordRoute, async (c) => {
        await changePassword({
          db: deps.db,
          me: c.get('user'),
          input: c.req.valid('json'),
          keepToken: getCookie(c, SESSION_COOKIE),
        });
        return c.body(null, 204);
      })
  );
}
