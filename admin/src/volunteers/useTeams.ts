import type { TPartner } from '@guanai/api/types';
import { useGetList, useGetOne } from 'react-admin';
import { usePartnerId } from '../matching/usePartnerId.ts';
import { useRole } from '../providers/useCan.ts';

/** 志愿服务队: the active partners of kind VOLUNTEER_TEAM (GET /api/partners lists every partner in one page). */
export function useTeams() {
  const { data = [], isPending } = useGetList<TPartner>('partners', {
    pagination: { page: 1, perPage: 500 },
    sort: { field: 'name', order: 'ASC' },
  });
  return { teams: data.filter((p) => p.kind === 'VOLUNTEER_TEAM' && p.active), isPending };
}

/**
 * Whether the signed-in PARTNER acts for a volunteer team (only a team has volunteers to register, approve or assign);
 * false for other partners and while it loads, null for staff (not a partner).
 */
export function useIsTeamPartner(): boolean | null {
  const role = useRole();
  const partnerId = usePartnerId();
  const { data: partner } = useGetOne<TPartner>('partners', { id: partnerId ?? '' }, { enabled: !!partnerId });
  if (role !== 'PARTNER') return null;
  return partner?.kind === 'VOLUNTEER_TEAM';
}
