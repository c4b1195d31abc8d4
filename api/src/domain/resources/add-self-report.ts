import type { Db } from '@guanai/db';
import type { SessionUser } from '../../auth/session.ts';
import { AppError, notFound } from '../../errors/app-error.ts';
import type { TSelfReportBody } from '../../routes/resources/evaluations.types.ts';

/** A partner's self-report on one of its own resources for a month, once (§四(八)). */
export async function addSelfReport({
  db,
  user,
  resourceId,
  body,
}: {
  db: Db;
  user: SessionUser;
  resourceId: string;
  body: TSelfReportBody;
}): Promise<{ id: string }> {
  const resource = await db.resource.findFirst({
    where: { id: resourceId, providerId: user.partnerId ?? '00000000-0000-0000-0000-000000000000' },
    select: { id: true },
  });
  if (!resource) throw notFound('resource');
  if (
    await db.selfReport.findUnique({
      where: { resourceId_period: { resourceId: resource.id, period: body.period } },
      select: { id: true },
    })
  ) {
    throw new AppError('CONFLICT', {
      message: 'this month is already reported',
      field: 'period',
      reason: 'ALREADY_REPORTED',
    });
  }
  const report = await db.selfReport.create({
    data: {
      ...body,
      spent: body.spent ?? null,
      hours: body.hours ?? null,
      resourceId: resource.id,
      createdById: user.id,
    },
  });
  return { id: report.id };
}
