import { getCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import { matchedRoutes } from 'hono/route';
import { policyKey, ROUTE_POLICY } from './policy.ts';
import type { AppDeps, AppEnv } from '../env.ts';
import { AppError } from '../errors/app-error.ts';
import { loadSession, SESSION_COOKIE } from './session.ts';

/**
 * Enforces ROUTE_POLICY for the route a request matched: a session unless the route is public,
 * then the role. Routes not in the policy are refused (fail closed).
 */
export const authorize = (deps: AppDeps) =>
  createMiddleware<AppEnv>(async (c, next) => {
    const endpoint = matchedRoutes(c).find((route) => route.method !== 'ALL' && route.path.startsWith('/api/'));
    if (!endpoint) return next(); // no such route: the 404 handler answers
    const access = ROUTE_POLICY[policyKey(c.req.method === 'HEAD' ? 'GET' : c.req.method, endpoint.path)];
    if (!access) throw new AppError('FORBIDDEN', { message: 'this route has no access policy' });
    if (access === 'PUBLIC') return next();
    const user = await loadSession(deps.db, getCookie(c, SESSION_COOKIE));
    if (!user) throw new AppError('UNAUTHENTICATED', { message: 'sign in first (no valid session)' });
    c.set('user', user);
    if (access !== 'SIGNED_IN' && !access.includes(user.role)) {
      throw new AppError('FORBIDDEN', { message: `role ${user.role} may not call ${c.req.method} ${endpoint.path}` });
    }
    await next();
  });
