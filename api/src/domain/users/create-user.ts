import { hash } from '@node-rs/argon2';
import type { Db } from '@guanai/db';
import { AppError } from '../../errors/app-error.ts';
import type { TCreatedUser, TCreateUser } from '../../routes/users/users.types.ts';
import { checkPartner } from './check-partner.ts';
import { checkPlacement } from './check-placement.ts';
import { checkVolunteerRole } from './check-volunteer-role.ts';
import { temporaryPassword } from './temporary-password.ts';
import { toUserDto, userInclude } from './user-dto.ts';

/** A new staff account; without a password, a one-time one is made and answered once. */
export async function createUser({ db, input }: { db: Db; input: TCreateUser }): Promise<TCreatedUser> {
  checkVolunteerRole(null, input.role);
  await checkPlacement(db, input.role, input.orgUnitId);
  await checkPartner(db, input.role, input.partnerId);
  if (await db.user.findUnique({ where: { username: input.username }, select: { id: true } })) {
    throw new AppError('CONFLICT', { message: 'is taken', field: 'username', reason: 'USERNAME_TAKEN' });
  }
  const password = input.password ?? temporaryPassword();
  const row = await db.user.create({
    data: {
      username: input.username,
      displayName: input.displayName,
      role: input.role,
      orgUnitId: input.orgUnitId,
      partnerId: input.partnerId ?? null,
      passwordHash: await hash(password),
    },
    include: userInclude,
  });
  return { ...toUserDto(row), ...(input.password ? {} : { temporaryPassword: password }) };
}
