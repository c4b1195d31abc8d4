import type { Db } from '@guanai/db';
import type { SessionUser } from '../../auth/session.ts';
import { AppError } from '../../errors/app-error.ts';
import type { TAttachment } from '../../routes/attachments/attachments.types.ts';
import { findVisibleCase } from './find-visible-case.ts';

/**
 * A file (a photo or PDF) for a case that is not closed, by anyone who sees it, stored by `store`
 * (the request's file, files/attachments.ts); a note then refers to it.
 */
export async function storeCaseAttachment({
  db,
  user,
  caseId,
  store,
}: {
  db: Db;
  user: SessionUser;
  caseId: string;
  store: (caseId: string) => Promise<TAttachment>;
}): Promise<TAttachment> {
  const row = await findVisibleCase(db, user, caseId);
  if (row.status === 'CLOSED')
    throw new AppError('CONFLICT', { message: 'the case is closed', reason: 'NOT_ALLOWED_IN_STATE' });
  return store(row.id);
}
