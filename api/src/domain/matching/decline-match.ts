import type { Db } from '@guanai/db';
import type { SessionUser } from '../../auth/session.ts';
import { AppError } from '../../errors/app-error.ts';
import type { TMatch } from '../../routes/matches/matches.types.ts';
import { endMatch } from './end-match.ts';
import { findVisibleMatch } from './find-visible-match.ts';
import { notifyMatchStep } from './notify-match-step.ts';
import { toMatchDto } from './match-dto.ts';

/** The resource's partner declines a proposal with a reason; its places and money go back. */
export async function declineMatch({
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
  const declined = await endMatch(
    db,
    row.id,
    ['PROPOSED'],
    { status: 'DECLINED', decidedById: user.id, declineReason: reason },
    (tx) => notifyMatchStep(tx, row.id, 'MATCH_DECLINED'),
  );
  if (!declined)
    throw new AppError('CONFLICT', { message: `the match is ${row.status.toLowerCase()}`, reason: 'NOT_PROPOSED' });
  return toMatchDto(await findVisibleMatch(db, user, row.id), user);
}
