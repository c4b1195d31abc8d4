import type { Db } from '@guanai/db';
import type { SessionUser } from '../../auth/session.ts';
import { AppError, notFound } from '../../errors/app-error.ts';
import type { TUpdateUser, TUser } from '../../routes/users/users.types.ts';
import { checkPartner } from './check-partner.ts';
import { checkPlacement } from './check-placement.ts';
import { toUserDto, userInclude } from './user-dto.ts';

/**
 * Changes a staff account's name, role, unit, partner or state. A changed role, unit or partner takes
 * effect at the next sign-in; deactivation at once (the user's sessions end).
 */
export async function updateUser({
  db,
  me,
  id,
  changes,
}: {
  db: Db;
  me: SessionUser;
  id: string;
  changes: TUpdateUser;
}): Promise<TUser> {
  const row = await db.user.findUnique({ where: { id } });
  if (!row) throw notFound('user');
  if (row.id === me.id && (changes.active === false || (changes.role && changes.role !== 'ADMIN'))) {
    throw new AppError('CONFLICT', {
      message: 'you cannot deactivate yourself or give up the admin role (ask another admin)',
      reason: 'SELF_LOCKOUT',
    });
  }
  const role = changes.role ?? row.role;
  if (changes.role || changes.orgUnitId) await checkPlacement(db, role, changes.orgUnitId ?? row.orgUnitId);
  if (changes.role || changes.partnerId !== undefined)
    await checkPartner(db, role, changes.partnerId === undefined ? row.partnerId : changes.partnerId);
  const updated = await db.$transaction(async (tx) => {
    const user = await tx.user.update({ where: { id: row.id }, data: changes, include: userInclude });
    // A changed role or unit takes effect at the next sign-in; deactivation at once.
    if (changes.active === false || changes.role || changes.orgUnitId || changes.partnerId !== undefined)
      await tx.session.updateMany({
        where: { userId: row.id, revokedAt: null },
        data: { revokedAt: new Date() },
      });
    return user;
  });
  return toUserDto(updated);
}
