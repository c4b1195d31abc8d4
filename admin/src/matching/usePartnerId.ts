import { useQuery } from '@tanstack/react-query';
import { api, ok } from '../providers/api.ts';
import { useRole } from '../providers/useCan.ts';

/**
 * The partner organisation a PARTNER user acts for (`partnerId` of GET /api/auth/me): null for
 * everyone else, undefined while it loads. A partner records donations on, and responds with, its
 * own resources only.
 */
export function usePartnerId(): string | null | undefined {
  const role = useRole();
  const { data } = useQuery({
    queryKey: ['auth', 'me', 'partnerId'],
    queryFn: async () => (await ok(api.auth.me.$get())).partnerId,
    enabled: role === 'PARTNER',
    staleTime: 5 * 60_000,
  });
  if (role === undefined) return undefined;
  return role === 'PARTNER' ? data : null;
}
