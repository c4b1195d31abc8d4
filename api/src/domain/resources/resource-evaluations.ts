import type { Db } from '@guanai/db';
import { within } from '../../auth/jurisdiction.ts';
import type { SessionUser } from '../../auth/session.ts';
import { notFound } from '../../errors/app-error.ts';
import type { TResourceEvaluations } from '../../routes/resources/evaluations.types.ts';

/** What a resource's organisation reports and what the department found, for those over its coverage. */
export async function resourceEvaluations({
  db,
  user,
  resourceId,
}: {
  db: Db;
  user: SessionUser;
  resourceId: string;
}): Promise<TResourceEvaluations> {
  const resource = await db.resource.findUnique({
    where: { id: resourceId },
    select: { id: true, coverageUnit: { select: { path: true } } },
  });
  if (!resource || !within(user, resource.coverageUnit.path)) throw notFound('resource');
  const id = resource.id;
  const [reports, scores] = await Promise.all([
    db.selfReport.findMany({ where: { resourceId: id }, orderBy: { period: 'desc' } }),
    db.supervisionScore.findMany({ where: { resourceId: id }, orderBy: { period: 'desc' } }),
  ]);
  return {
    selfReports: reports.map((r) => ({
      id: r.id,
      period: r.period,
      served: r.served,
      hours: r.hours,
      spent: r.spent === null ? null : Number(r.spent),
      narrative: r.narrative,
      score: r.score,
    })),
    supervision: scores.map((s) => ({ id: s.id, period: s.period, score: s.score, comment: s.comment })),
  };
}
