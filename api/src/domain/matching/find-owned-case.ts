import type { Db } from '@guanai/db';
import { visibleCases, within } from '../../auth/jurisdiction.ts';
import type { SessionUser } from '../../auth/session.ts';
import { AppError, notFound } from '../../errors/app-error.ts';
import { caseForMatching } from './subject-of.ts';

/** A case the caller's center owns (matching is the owning center's work), read for matching. */
export async function findOwnedCase(db: Db, user: SessionUser, id: string) {
  const row = await db.case.findFirst({ where: { id, ...visibleCases(user) }, include: caseForMatching });
  if (!row) throw notFound(`case ${id}`);
  if (!within(user, row.owningUnit.path))
    throw new AppError('FORBIDDEN', { message: 'matching is done by the center that owns the case' });
  return row;
}
