import type { TCaseEligibility } from '@guanai/api/types';
import { useQuery } from '@tanstack/react-query';
import { api, ok } from '../providers/api.ts';

/** GET /api/cases/{id}/eligibility: the household's suggestions today, what screening recorded, the referrals. */
export function useCaseEligibility(caseId: string, enabled = true) {
  return useQuery<TCaseEligibility>({
    queryKey: ['cases', caseId, 'eligibility'],
    queryFn: () => ok(api.cases[':id'].eligibility.$get({ param: { id: caseId } })),
    enabled: enabled && Boolean(caseId),
    retry: false,
  });
}
