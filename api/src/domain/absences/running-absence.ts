import type { Db } from '@guanai/db';

/**
 * The absence of a user running at `at`, with its delegate (active): whom new work for them goes to.
 * A delegate since deactivated covers no one, so the work stays with the absent user's queue rules.
 */
export async function runningAbsence(db: Db, userId: string, at = new Date()) {
  return db.absence.findFirst({
    where: { userId, startsAt: { lte: at }, endsAt: { gt: at }, delegate: { active: true } },
    include: { delegate: { include: { orgUnit: { select: { id: true, path: true, name: true } } } } },
    orderBy: { startsAt: 'desc' },
  });
}
