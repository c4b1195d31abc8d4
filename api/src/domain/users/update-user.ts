import type { Db } from '@guanai/db';
import type { SessionUser } from '../../auth/session.ts';
import { AppError, notFound } from '../../errors/app-error.ts';
import type { TChangedUser, TUpdateUser } from '../../routes/users/users.types.ts';
import type { HandoverClient } from '../../temporal/handover-client.ts';
import { changeUserWithHandover } from './change-user-with-handover.ts';
import { checkPartner } from './check-partner.ts';
import { checkPlacement } from './check-placement.ts';
import { checkVolunteerRole } from './check-volunteer-role.ts';
import { toUserDto, userInclude } from './user-dto.ts';

/**
 * Changes a staff account's name, role, unit, partner or state. A changed role, unit or partner takes
 * effect at the next sign-in; deactivation at once (the user's sessions end). Deactivating or moving a
 * user hands their claimed tasks on in the same action (change-user-with-handover.ts).
 */
export async function updateUser({
  db,
  me,
  id,
  changes,
  handovers,
  key,
}: {
  db: Db;
  me: SessionUser;
  id: string;
  changes: TUpdateUser;
  handovers: HandoverClient;
  key: string | undefined;
}): Promise<TChangedUser> {
  const row = await db.user.findUnique({ where: { id } });
  if (!row) throw notFound('user');
  if (row.id === me.id && (changes.active === false || (changes.role && changes.role !== 'ADMIN'))) {
    throw new AppError('CONFLICT', {
      message: 'you cannot deactivate yourself or give up the admin role (ask another admin)',
      reason: 'SELF_LOCKOUT',
    });
  }
  checkVolunteerRole(row.role, changes.role);
  const role = changes.role ?? row.role;
  if (changes.role || changes.orgUnitId) await checkPlacement(db, role, changes.orgUnitId ?? row.orgUnitId);
  if (changes.role || changes.partnerId !== undefined)
    await checkPartner(db, role, changes.partnerId === undefined ? row.partnerId : changes.partnerId);
  // A retry of a deactivation or move whose answer was lost (the API died): the same run's result.
  const joined = key ? await handovers.existing(key) : null;
  if (joined)
    return { ...toUserDto(await db.user.findUniqueOrThrow({ where: { id }, include: userInclude })), handover: joined };
  // Issue 15: deactivating or moving a user hands their claimed tasks on, in the same action.
  const leaves =
    (changes.active === false && row.active) || (!!changes.orgUnitId && changes.orgUnitId !== row.orgUnitId);
  if (changes.handoverTo !== undefined && changes.handoverTo !== null && !leaves)
    throw new AppError('VALIDATION', {
      message: 'tasks are handed on only when the user is deactivated or moved to another unit',
      field: 'handoverTo',
    });
  if (leaves) {
    const handover = await changeUserWithHandover({ db, handovers, me, row, changes, key });
    return { ...toUserDto(await db.user.findUniqueOrThrow({ where: { id: row.id }, include: userInclude })), handover };
  }
  const { handoverTo: _none, ...plain } = changes;
  const updated = await db.$transaction(async (tx) => {
    const user = await tx.user.update({ where: { id: row.id }, data: plain, include: userInclude });
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
