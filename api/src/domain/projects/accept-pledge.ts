import type { Db, Prisma } from '@guanai/db';
import type { SessionUser } from '../../auth/session.ts';
import { AppError } from '../../errors/app-error.ts';
import { derivedUuid } from '../../ids.ts';
import type { TPledge } from '../../routes/projects/projects.types.ts';
import { proposeMatch } from '../matching/propose-match.ts';
import { closeIfCovered } from './close-if-covered.ts';
import { findPledge } from './find-pledge.ts';
import { findOwnedProject } from './owned-project.ts';
import { toPledgeDtos } from './pledge-dto.ts';

/** The match an accepted pledge becomes: named by the pledge, so every acceptance of it names the same match. */
export const pledgeMatchId = (pledgeId: string) => derivedUuid('pledge-match', pledgeId);

/**
 * 接受认捐 §四(三)(六): the center that owns the case accepts a pledge. The pledge becomes a proposed
 * match on the project's need from the pledge's resource, through proposeMatch itself (eligibility,
 * and the places or amount held in one conditional update: 409 CAPACITY_EXHAUSTED leaves the pledge
 * pending and holds nothing), and is marked ACCEPTED with the match in the same transaction; accepted
 * pledges covering the need close the project there too. Accepting again, or at once from two places,
 * holds once and answers the same: the match id is derived from the pledge, so the loser's insert
 * fails and its hold is undone, and it answers with the winner's pledge.
 */
export async function acceptPledge({
  db,
  user,
  projectId,
  pledgeId,
}: {
  db: Db;
  user: SessionUser;
  projectId: string;
  pledgeId: string;
}): Promise<TPledge> {
  const project = await findOwnedProject({ db, user, id: projectId });
  const pledge = await findPledge(db, project.id, pledgeId);
  const matchId = pledgeMatchId(pledge.id);
  const answer = async () => {
    const [dto] = await toPledgeDtos(db, [await findPledge(db, project.id, pledge.id)]);
    return dto!;
  };
  if (pledge.status === 'ACCEPTED') return answer();
  if (pledge.status === 'DECLINED')
    throw new AppError('CONFLICT', { message: 'the pledge was declined', reason: 'NOT_PENDING' });
  if (project.status !== 'PUBLISHED')
    throw new AppError('CONFLICT', { message: 'the project is no longer published', reason: 'NOT_PUBLISHED' });
  if (!pledge.resourceId)
    throw new AppError('CONFLICT', {
      message: 'the pledge names no resource (it was made before pledges did): decline it',
      reason: 'NO_RESOURCE',
    });
  try {
    await proposeMatch({
      db,
      user,
      caseId: project.caseId,
      matchId,
      input: {
        needIndex: project.needIndex,
        resourceId: pledge.resourceId,
        ...(pledge.kind === 'PLACES' && pledge.places !== null ? { places: pledge.places } : {}),
        ...(pledge.kind === 'MONEY' && pledge.amount !== null ? { amount: Number(pledge.amount) } : {}),
        note: `认捐：${pledge.message}`.slice(0, 1000),
      },
      withinHold: (tx, id) => markAccepted(tx, { projectId: project.id, pledgeId: pledge.id, matchId: id, user }),
    });
  } catch (error) {
    // Accepted meanwhile (a concurrent request won the same match id): its answer is ours.
    const now = await db.projectResponse.findUnique({
      where: { id: pledge.id },
      select: { status: true, matchId: true },
    });
    if (now?.status === 'ACCEPTED' && now.matchId === matchId) return answer();
    throw asCapacityConflict(error);
  }
  return answer();
}

/**
 * A resource whose places or money ran out since the pledge was made is ranked out (名额已满, 资金已用完)
 * before the hold is tried: for a pledge that is the same conflict as a lost hold, 409 CAPACITY_EXHAUSTED.
 */
function asCapacityConflict(error: unknown): unknown {
  if (!(error instanceof AppError) || error.reason !== 'NOT_ELIGIBLE') return error;
  const reasons = (error.extra.reasons ?? []) as { code: string }[];
  if (reasons.length === 0 || !reasons.every((r) => r.code === 'PLACES' || r.code === 'BUDGET')) return error;
  return new AppError('CONFLICT', { message: error.message, reason: 'CAPACITY_EXHAUSTED', extra: { reasons } });
}

/** In the hold's transaction: the pledge ACCEPTED with its match, then the project closed if now covered. */
async function markAccepted(
  tx: Prisma.TransactionClient,
  { projectId, pledgeId, matchId, user }: { projectId: string; pledgeId: string; matchId: string; user: SessionUser },
): Promise<void> {
  // The project row held first: acceptances of two pledges of one project are counted one after the other.
  const [project] = await tx.$queryRaw<{ status: string }[]>`
    SELECT status::text AS status FROM project WHERE id = ${projectId}::uuid FOR UPDATE`;
  if (project?.status !== 'PUBLISHED')
    throw new AppError('CONFLICT', { message: 'the project is no longer published', reason: 'NOT_PUBLISHED' });
  const changed = await tx.projectResponse.updateMany({
    where: { id: pledgeId, status: 'PENDING' },
    data: { status: 'ACCEPTED', matchId, decidedById: user.id, decidedAt: new Date() },
  });
  if (changed.count === 0)
    throw new AppError('CONFLICT', { message: 'the pledge is no longer pending', reason: 'NOT_PENDING' });
  await closeIfCovered(tx, { projectId, userId: user.id });
}
