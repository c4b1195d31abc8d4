import type { Db } from '@guanai/db';
import type { SessionUser } from '../../auth/session.ts';
import { AppError } from '../../errors/app-error.ts';
import type { TCaseState, TNote } from '../../routes/cases/case-actions.types.ts';
import type { CaseClient } from '../../temporal/case-client.ts';
import { actorOf } from '../tasks/actor-of.ts';
import { withCurrentOnStale } from '../../request/case-version.ts';
import { findVisibleCase } from './find-visible-case.ts';

/** How far ahead of the API's clock a phone's check-in time may be (a phone's clock drifts). */
const CLOCK_SKEW_MS = 5 * 60_000;

/**
 * A note (a visit, a call, a note) on a case, by anyone who may work on or knows it (its station
 * included), naming attachments of that case. `key` (from the Idempotency-Key) makes a retried
 * request one Update. `ifVersion` (If-Match) is the version a phone recorded it on: a note lands
 * although the case moved, unless the case no longer takes it (a visit on a case closed meanwhile),
 * which answers 412 with the case as it is now.
 */
export async function addCaseNote({
  db,
  cases,
  user,
  caseId,
  note: { text, kind, attachmentIds, visitedAt, place },
  key,
  ifVersion,
}: {
  db: Db;
  cases: CaseClient;
  user: SessionUser;
  caseId: string;
  note: TNote;
  key: string | undefined;
  ifVersion?: number;
}): Promise<TCaseState> {
  const row = await findVisibleCase(db, user, caseId);
  if (visitedAt && Date.parse(visitedAt) > Date.now() + CLOCK_SKEW_MS)
    throw new AppError('VALIDATION', { message: 'is in the future', field: 'visitedAt' });
  const found = await db.attachment.count({ where: { caseId: row.id, id: { in: attachmentIds } } });
  if (found !== new Set(attachmentIds).size)
    throw new AppError('VALIDATION', {
      message: 'an attachment does not belong to this case',
      field: 'attachmentIds',
    });
  const event = {
    type: 'ADD_NOTE' as const,
    text,
    kind,
    attachments: attachmentIds,
    ...(visitedAt ? { visitedAt: new Date(visitedAt).toISOString() } : {}),
    ...(place ? { place } : {}),
    actor: actorOf(user),
    ...(ifVersion !== undefined ? { ifVersion } : {}),
  };
  const view = await withCurrentOnStale(db, row.id, () => cases.act(row.id, event, key));
  return { caseId: row.id, state: view.state, version: view.seq };
}
