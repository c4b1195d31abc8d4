import { hashIdNumber, isValidIdNumber, type IdentityKeys, type Prisma } from '@guanai/db';
import { visiblePeople } from '../../auth/jurisdiction.ts';
import type { SessionUser } from '../../auth/session.ts';
import type { TPersonListFilter } from '../../routes/people/people.types.ts';

/**
 * The registry in the caller's jurisdiction, narrowed by the list filter (the list and its CSV
 * export): `q` is a name or phone, or a full identity number found by its keyed hash.
 */
export function peopleWhere(user: SessionUser, keys: IdentityKeys, filter: TPersonListFilter): Prisma.PersonWhereInput {
  const q = filter.q?.toUpperCase();
  const byDocument = q && isValidIdNumber(q) ? { idNumberHash: hashIdNumber(q, keys) } : null;
  return {
    AND: [
      visiblePeople(user),
      byDocument ?? (filter.q ? { OR: [{ name: { contains: filter.q } }, { phone: { contains: filter.q } }] } : {}),
      filter.merged ? { NOT: { mergedIntoId: null } } : { mergedIntoId: null },
    ],
    ...(filter.communityId ? { communityId: filter.communityId } : {}),
    ...(filter.householdId ? { householdId: filter.householdId } : {}),
    ...(filter.tag ? { tags: { has: filter.tag } } : {}),
    ...(filter.hukou ? { hukou: filter.hukou } : {}),
    ...(filter.id ? { id: { in: filter.id } } : {}),
  };
}
