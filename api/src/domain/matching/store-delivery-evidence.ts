import type { Db } from '@guanai/db';
import type { SessionUser } from '../../auth/session.ts';
import { AppError } from '../../errors/app-error.ts';
import type { TAttachment } from '../../routes/attachments/attachments.types.ts';
import { findVisibleMatch } from './find-visible-match.ts';

/**
 * The partner or the case's workers: a photo or receipt as delivery evidence, stored by `store` (the
 * request's file, files/attachments.ts) as an attachment of the match's case, once the match is accepted.
 */
export async function storeDeliveryEvidence({
  db,
  user,
  matchId,
  store,
}: {
  db: Db;
  user: SessionUser;
  matchId: string;
  store: (caseId: string) => Promise<TAttachment>;
}): Promise<TAttachment> {
  const row = await findVisibleMatch(db, user, matchId);
  if (row.status !== 'ACCEPTED')
    throw new AppError('CONFLICT', { message: 'evidence is for accepted matches', reason: 'NOT_ACCEPTED' });
  return store(row.caseId);
}
