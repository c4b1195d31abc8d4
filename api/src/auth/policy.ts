import type { Role } from '@guanai/db';

/**
 * The access policy of every API route, in one place: who may call it. Case events are further
 * checked by the case machine (rules.ts: which role may send which event, in which state, over
 * which unit), and every case and task route answers 404 outside the caller's jurisdiction.
 * A route without an entry here is refused, and the authorization matrix test fails.
 */
export type Access = 'PUBLIC' | 'SIGNED_IN' | readonly Role[];

const WORKERS = ['STATION_WORKER', 'CASEWORKER', 'SUPERVISOR'] as const satisfies readonly Role[];

export const ROUTE_POLICY: Record<string, Access> = {
  'POST /api/auth/login': 'PUBLIC',
  'POST /api/auth/logout': 'PUBLIC',
  'GET /api/auth/me': 'SIGNED_IN',
  'POST /api/auth/password': 'SIGNED_IN',

  'GET /api/cases': 'SIGNED_IN',
  'GET /api/cases/:id': 'SIGNED_IN',
  'POST /api/cases': ['STATION_WORKER', 'DISCOVERER'],
  'GET /api/cases/:id/id-number': WORKERS,
  'POST /api/cases/:id/actions': WORKERS,
  'POST /api/cases/:id/notes': ['DISCOVERER', ...WORKERS],
  'POST /api/cases/:id/attachments': ['DISCOVERER', ...WORKERS],

  'GET /api/tasks': 'SIGNED_IN',
  'GET /api/tasks/:id': 'SIGNED_IN',
  'POST /api/tasks/:id/claim': WORKERS,
  'POST /api/tasks/:id/release': WORKERS,
  'POST /api/tasks/:id/complete': WORKERS,

  'GET /api/attachments/:id/content': 'SIGNED_IN',
  'GET /api/notifications': 'SIGNED_IN',
  'POST /api/notifications/:id/read': 'SIGNED_IN',

  'GET /api/sla/policies': 'SIGNED_IN',
  'PUT /api/sla/policies/:kind': ['ADMIN'],
  'GET /api/sla/calendar': 'SIGNED_IN',
  'POST /api/sla/calendar': ['ADMIN'],
  'PUT /api/sla/calendar': ['ADMIN'],
  'DELETE /api/sla/calendar/:date': ['ADMIN'],
  'GET /api/sla/overview': ['SUPERVISOR', 'MANAGER', 'ADMIN'],

  'GET /api/org-units': 'SIGNED_IN',
  'GET /api/org-units/:id': 'SIGNED_IN',
  'POST /api/org-units': ['ADMIN'],
  'PUT /api/org-units/:id': ['ADMIN'],
  'POST /api/org-units/import': ['ADMIN'],

  'GET /api/users': ['ADMIN'],
  'GET /api/users/:id': ['ADMIN'],
  'POST /api/users': ['ADMIN'],
  'PUT /api/users/:id': ['ADMIN'],
  'POST /api/users/:id/reset-password': ['ADMIN'],

  // The registry: workers keep it; managers read it; admins and partners do not see it.
  'GET /api/people': [...WORKERS, 'MANAGER'],
  'GET /api/people/export': [...WORKERS, 'MANAGER'],
  'GET /api/people/:id': [...WORKERS, 'MANAGER'],
  'POST /api/people': WORKERS,
  'PUT /api/people/:id': WORKERS,
  'GET /api/people/:id/id-number': WORKERS,
  'POST /api/people/duplicates': ['DISCOVERER', ...WORKERS],
  'POST /api/people/:id/merge': ['SUPERVISOR'],
  'POST /api/people/imports': WORKERS,
  'GET /api/people/imports/:id': WORKERS,
};

export const policyKey = (method: string, path: string) => `${method} ${path}`;

/** The routes a role may call (beyond the public ones), for the admin to hide what it cannot do. */
export const allowedRoutes = (role: Role): string[] =>
  Object.entries(ROUTE_POLICY)
    .filter(([, access]) => access !== 'PUBLIC' && (access === 'SIGNED_IN' || access.includes(role)))
    .map(([key]) => key);
