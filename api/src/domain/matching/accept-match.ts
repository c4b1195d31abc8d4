import type { Db } from '@guanai/db';
import type { SessionUser } from '../../auth/session.ts';
import { AppError } from '../../errors/app-error.ts';
import type { TMatch } from '../../routes/matches/matches.types.ts';
import { findVisibleMatch } from './find-visible-match.ts';
import { notifyMatchStep } from './notify-match-step.ts';
import { toMatchDto } from './match-dto.ts';

/** The resource's partner accepts a proposal: its hold becomes a commitment. Accepting twice is harmless. */
export async function acceptMatch({
  db,
  user,
  matchId,
}: {
  db: Db;
  user: SessionUser;
  matchId: string;
}): Promise<TMatch> {
  const row = await findVisibleMatch(db, user, matchId);
  const accepted = await db.$transaction(async (tx) => {
    const changed = await tx.match.updateMany({
      where: { id: row.id, status: 'PROPOSED' },
      data: { status: 'ACCEPTED', decidedById: user.id, decidedAt: new Date() },
    });
    if (changed.count > 0) await notifyMatchStep(tx, row.id, 'MATCH_ACCEPTED');
    return changed;
  });
  if (accepted.count === 0 && row.status !== 'ACCEPTED')
    throw new AppError('CONFLICT', {
      message: `the match is ${row.status.toLowerCase()}`,
      reason: 'NOT_PROPOSED',
    });
  return toMatchDto(await findVisibleMatch(db, user, row.id), user);
}
