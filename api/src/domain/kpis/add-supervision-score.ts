import type { Db } from '@guanai/db';
import { within } from '../../auth/jurisdiction.ts';
import type { SessionUser } from '../../auth/session.ts';
import { AppError } from '../../errors/app-error.ts';
import type { TSupervisionScoreBody } from '../../routes/supervision-scores/supervision-scores.types.ts';

/**
 * The administering department's supervision score (§四(八)) for a center or a purchased-service
 * contract in the manager's jurisdiction, once a month for each.
 */
export async function addSupervisionScore({
  db,
  user,
  body,
}: {
  db: Db;
  user: SessionUser;
  body: TSupervisionScoreBody;
}): Promise<{ id: string }> {
  if (body.unitId) {
    const unit = await db.orgUnit.findUnique({ where: { id: body.unitId }, select: { level: true, path: true } });
    if (!unit || !within(user, unit.path) || unit.level === 'COMMUNITY')
      throw new AppError('VALIDATION', { message: 'is not a center in your jurisdiction', field: 'unitId' });
  } else {
    const resource = await db.resource.findUnique({
      where: { id: body.resourceId! },
      select: { kind: true, coverageUnit: { select: { path: true } } },
    });
    if (!resource || resource.kind !== 'PURCHASED_SERVICE')
      throw new AppError('VALIDATION', { message: 'is not a purchased-service contract', field: 'resourceId' });
    if (!within(user, resource.coverageUnit.path))
      throw new AppError('VALIDATION', {
        message: 'is a purchased-service contract outside your jurisdiction',
        field: 'resourceId',
      });
  }
  const existing = await db.supervisionScore.findFirst({
    where: { period: body.period, unitId: body.unitId ?? null, resourceId: body.resourceId ?? null },
    select: { id: true },
  });
  if (existing)
    throw new AppError('CONFLICT', {
      message: 'already scored for this month',
      field: 'period',
      reason: 'ALREADY_SCORED',
    });
  const score = await db.supervisionScore.create({
    data: {
      period: body.period,
      unitId: body.unitId ?? null,
      resourceId: body.resourceId ?? null,
      score: body.score,
      comment: body.comment ?? null,
      createdById: user.id,
    },
  });
  return { id: score.id };
}
