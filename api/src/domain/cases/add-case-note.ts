import type { Db } from '@guanai/db';
import type { SessionUser } from '../../auth/session.ts';
import { AppError } from '../../errors/app-error.ts';
import type { TCaseState, TNote } from '../../routes/cases/case-actions.types.ts';
import type { CaseClient } from '../../temporal/case-client.ts';
import { actorOf } from '../tasks/actor-of.ts';
import { findVisibleCase } from './find-visible-case.ts';

/**
 * A note (a visit, a call, a note) on a case, by anyone who may work on or knows it (its station
 * included), naming attachments of that case. `key` (from the Idempotency-Key) makes a retried
 * request one Update.
 */
export async function addCaseNote({
  db,
  cases,
  user,
  caseId,
  note: { text, kind, attachmentIds },
  key,
}: {
  db: Db;
  cases: CaseClient;
  user: SessionUser;
  caseId: string;
  note: TNote;
  key: string | undefined;
}): Promise<TCaseState> {
  const row = await findVisibleCase(db, user, caseId);
  const found = await db.attachment.count({ where: { caseId: row.id, id: { in: attachmentIds } } });
  if (found !== new Set(attachmentIds).size)
    throw new AppError('VALIDATION', {
      message: 'an attachment does not belong to this case',
      field: 'attachmentIds',
    });
  const view = await cases.act(
    row.id,
    { type: 'ADD_NOTE', text, kind, attachments: attachmentIds, actor: actorOf(user) },
    key,
  );
  return { caseId: row.id, state: view.state };
}
