import type { Db } from '@guanai/db';
import { within } from '../../auth/jurisdiction.ts';
import type { SessionUser } from '../../auth/session.ts';
import { AppError } from '../../errors/app-error.ts';

/** A resource's provider is an active partner, and the unit it covers is in the user's jurisdiction. */
export async function checkResourceRefs({
  db,
  user,
  body,
}: {
  db: Db;
  user: SessionUser;
  body: { providerId?: string | undefined; coverageUnitId?: string | undefined };
}): Promise<void> {
  if (
    body.providerId &&
    !(await db.partner.findFirst({ where: { id: body.providerId, active: true }, select: { id: true } }))
  ) {
    throw new AppError('VALIDATION', { message: 'no active partner organisation with this id', field: 'providerId' });
  }
  if (body.coverageUnitId) {
    const unit = await db.orgUnit.findUnique({ where: { id: body.coverageUnitId }, select: { path: true } });
    if (!unit) throw new AppError('VALIDATION', { message: 'no such org unit', field: 'coverageUnitId' });
    if (!within(user, unit.path))
      throw new AppError('VALIDATION', {
        message: `is outside your jurisdiction: a resource you keep covers ${user.orgUnit.name} or a unit below it`,
        field: 'coverageUnitId',
      });
  }
}
