import { getCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import type { Role } from '@guanai/db';
import type { AppDeps, AppEnv } from '../env.ts';
import { AppError } from '../errors/app-error.ts';
import { loadSession, SESSION_COOKIE } from './session.ts';

/** Every /api route but login and the public ones: a valid session or 401. */
export const requireUser = (deps: AppDeps) =>
  createMiddleware<AppEnv>(async (c, next) => {
    const user = await loadSession(deps.db, getCookie(c, SESSION_COOKIE));
    if (!user) throw new AppError('UNAUTHENTICATED', { message: 'sign in first (no valid session)' });
    c.set('user', user);
    await next();
  });

export function requireRole(role: Role, allowed: readonly Role[], action: string): void {
  if (!allowed.includes(role)) throw new AppError('FORBIDDEN', { message: `role ${role} may not ${action}` });
}
