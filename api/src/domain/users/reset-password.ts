import { hash } from '@node-rs/argon2';
import type { Db } from '@guanai/db';
import { notFound } from '../../errors/app-error.ts';
import type { TTemporaryPassword } from '../../routes/users/users.types.ts';
import { temporaryPassword } from './temporary-password.ts';

/** A new one-time password for a user who forgot theirs; their sessions end. */
export async function resetPassword({ db, userId }: { db: Db; userId: string }): Promise<TTemporaryPassword> {
  const row = await db.user.findUnique({ where: { id: userId } });
  if (!row) throw notFound('user');
  const password = temporaryPassword();
  await db.user.update({ where: { id: row.id }, data: { passwordHash: await hash(password) } });
  await db.session.updateMany({ where: { userId: row.id, revokedAt: null }, data: { revokedAt: new Date() } });
  return { temporaryPassword: password };
}
