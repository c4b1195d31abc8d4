import type { Db } from '@guanai/db';
import { within } from '../../auth/jurisdiction.ts';
import type { SessionUser } from '../../auth/session.ts';
import { AppError } from '../../errors/app-error.ts';

/**
 * Whose absence the user may set or end: their own, or — for a supervisor — that of an active
 * member of their subtree. Anyone else is a 422 naming `userId`.
 */
export async function absenceSubject(db: Db, me: SessionUser, userId: string | undefined, field = 'userId') {
  const id = userId ?? me.id;
  const subject = await db.user.findUnique({
    where: { id },
    include: { orgUnit: { select: { path: true, name: true } } },
  });
  if (!subject) throw new AppError('VALIDATION', { message: 'no user with this id', field });
  if (subject.id === me.id) return subject;
  if (me.role !== 'SUPERVISOR' || !within(me, subject.orgUnit.path))
    throw new AppError('VALIDATION', {
      message: `${subject.displayName} is not a member of your team (your unit's subtree)`,
      field,
    });
  return subject;
}
