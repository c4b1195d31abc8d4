import { useCallback } from 'react';
import { usePermissions } from 'react-admin';
import type { Permissions } from './authProvider.ts';

/**
 * Whether the signed-in user's role may call a route, by its policy key ("POST /api/people",
 * "GET /api/people/:id/id-number"). The admin hides what a user cannot do; the API still decides.
 * False while the permissions load, so nothing flashes up and then away.
 */
export function useCan(): (key: string) => boolean {
  const { permissions } = usePermissions<Permissions>();
  return useCallback((key: string) => permissions?.can?.includes(key) ?? false, [permissions]);
}

/** The signed-in user's role, once known. */
export function useRole(): string | undefined {
  return usePermissions<Permissions>().permissions?.role;
}
