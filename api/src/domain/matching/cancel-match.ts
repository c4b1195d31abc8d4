import type { Db } from '@guanai/db';
import { within } from '../../auth/jurisdiction.ts';
import type { SessionUser } from '../../auth/session.ts';
import { AppError } from '../../errors/app-error.ts';
import type { TMatch } from '../../routes/matches/matches.types.ts';
import { endMatch } from './end-match.ts';
import { findVisibleMatch } from './find-visible-match.ts';
import { toMatchDto } from './match-dto.ts';

/**
 * Caseworkers and supervisors of the center that owns the case (or above it) withdraw a match
 * nothing was delivered on; its places and money go back.
 */
export async function cancelMatch({
  db,
  user,
  matchId,
  reason,
}: {
  db: Db;
  user: SessionUser;
  matchId: string;
  reason: string;
}): Promise<TMatch> {
  const row = await findVisibleMatch(db, user, matchId);
  const owning = await db.case.findUniqueOrThrow({
    where: { id: row.caseId },
    select: { owningUnit: { select: { path: true } } },
  });
  if (!within(user, owning.owningUnit.path))
    throw new AppError('FORBIDDEN', { message: 'only the center that owns the case acts on its matches' });
  if (row.deliveries.length > 0)
    throw new AppError('CONFLICT', {
      message: 'something was delivered on this match; it cannot be withdrawn',
      reason: 'DELIVERED',
    });
  const cancelled = await endMatch(db, row.id, ['PROPOSED', 'ACCEPTED'], {
    status: 'CANCELLED',
    decidedById: user.id,
    declineReason: reason,
  });
  if (!cancelled)
    throw new AppError('CONFLICT', { message: `the match is ${row.status.toLowerCase()}`, reason: 'NOT_LIVE' });
  return toMatchDto(await findVisibleMatch(db, user, row.id), user);
}
