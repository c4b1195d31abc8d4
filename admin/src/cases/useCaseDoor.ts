import type { Origin } from '@guanai/workflows/vocabulary';
import { useGetIdentity } from 'react-admin';
import { useCan } from '../providers/useCan.ts';

/**
 * §四(一) the door by which the signed-in user opens a case, as the API decides it (open-case.ts):
 * a station worker registers a self-application, a discoverer reports someone found (outreach), and
 * township, district or city staff open a referral for a community of their subtree. Undefined
 * while the identity loads, or for a role that opens no case.
 */
export function useCaseDoor(): Origin | undefined {
  const can = useCan();
  const { identity } = useGetIdentity();
  if (!identity || !can('POST /api/cases')) return undefined;
  if (identity.orgUnitLevel !== 'COMMUNITY') return 'REFERRAL';
  return identity.role === 'STATION_WORKER' ? 'SELF_APPLICATION' : 'OUTREACH';
}

/** The title of the case form and the label of its button, by door. */
export const doorTitle = (door: Origin | undefined) =>
  door === 'REFERRAL' ? 'guanai.case.referral' : door === 'OUTREACH' ? 'guanai.case.report' : 'guanai.case.register';
