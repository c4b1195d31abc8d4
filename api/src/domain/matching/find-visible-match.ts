import type { Db, Prisma } from '@guanai/db';
import { visibleCases } from '../../auth/jurisdiction.ts';
import type { SessionUser } from '../../auth/session.ts';
import { notFound } from '../../errors/app-error.ts';
import { matchInclude } from './match-dto.ts';

/** No partner has this id: a partner account without a partner sees no match. */
const NO_PARTNER = '00000000-0000-0000-0000-000000000000';

/**
 * Partners: matches of their own resources. Staff: matches of cases they can see. Volunteers: none
 * (visibleCases gives them no case; their team's partner id is not theirs to act on).
 */
export const visibleMatches = (user: SessionUser): Prisma.MatchWhereInput =>
  user.role === 'PARTNER' ? { resource: { providerId: user.partnerId ?? NO_PARTNER } } : { case: visibleCases(user) };

/** A match the caller may see, or 404. */
export async function findVisibleMatch(db: Db, user: SessionUser, id: string) {
  const row = await db.match.findFirst({ where: { id, ...visibleMatches(user) }, include: matchInclude });
  if (!row) throw notFound('match');
  return row;
}
