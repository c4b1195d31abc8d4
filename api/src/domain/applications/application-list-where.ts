import type { ApplicationStatus, Prisma } from '@guanai/db';
import { subtree } from '../../auth/jurisdiction.ts';
import type { SessionUser } from '../../auth/session.ts';
import type { TApplicationListFilter } from '../../routes/applications/applications.types.ts';

/**
 * The applications of a status as their answers read it (application-dto.ts): one that a case names
 * is ACCEPTED, whatever its row says.
 */
export function applicationStatusWhere(status: ApplicationStatus): Prisma.ApplicationWhereInput {
  if (status === 'SUBMITTED') return { status: 'SUBMITTED', case: { is: null } };
  if (status === 'ACCEPTED') return { OR: [{ status: 'ACCEPTED' }, { case: { isNot: null } }] };
  return { status: 'DECLINED' };
}

/** The applications of the communities in the user's subtree, filtered as the list asks. */
export function applicationListWhere(user: SessionUser, filter: TApplicationListFilter): Prisma.ApplicationWhereInput {
  return {
    community: subtree(user),
    ...(filter.communityId ? { communityId: filter.communityId } : {}),
    ...(filter.status ? applicationStatusWhere(filter.status) : {}),
  };
}
