import { hash, verify } from '@node-rs/argon2';
import type { Db } from '@guanai/db';
import { sessionId, type SessionUser } from '../../auth/session.ts';
import { AppError } from '../../errors/app-error.ts';
import type { TChangePassword } from '../../routes/auth/auth.types.ts';

/** A signed-in user changes their own password; their other sessions (all but `keepToken`'s) end. */
export async function changePassword({
  db,
  me,
  input: { currentPassword, newPassword },
  keepToken,
}: {
  db: Db;
  me: SessionUser;
  input: TChangePassword;
  keepToken: string | undefined;
}): Promise<void> {
  const user = await db.user.findUniqueOrThrow({ where: { id: me.id } });
  if (!(await verify(user.passwordHash, currentPassword).catch(() => false))) {
    throw new AppError('VALIDATION', { message: 'is not your current password', field: 'currentPassword' });
  }
  if (currentPassword === newPassword)
    throw new AppError('VALIDATION', {
      message: 'must differ from the current password',
      field: 'newPassword',
    });
  await db.$transaction([
    db.user.update({ where: { id: me.id }, data: { passwordHash: await hash(newPassword) } }),
    db.session.updateMany({
      where: { userId: me.id, revokedAt: null, NOT: { id: sessionId(keepToken ?? '') } },
      data: { revokedAt: new Date() },
    }),
  ]);
}
