import type { Db, Prisma } from '@guanai/db';
import { visiblePeople } from '../../auth/jurisdiction.ts';
import type { SessionUser } from '../../auth/session.ts';
import { AppError } from '../../errors/app-error.ts';
import { personInclude } from './person-dto.ts';

/** A person the caller may see (merged records included: their page points to the kept one). */
export async function findVisiblePerson(db: Prisma.TransactionClient | Db, user: SessionUser, id: string) {
  const row = await db.person.findFirst({ where: { id, ...visiblePeople(user) }, include: personInclude });
  if (!row) throw new AppError('NOT_FOUND', { message: `person ${id} not found` });
  return row;
}
