import { appendAudit, decryptIdNumber, type Db, type IdentityKeys } from '@guanai/db';
import type { SessionUser } from '../../auth/session.ts';
import { notFound } from '../../errors/app-error.ts';
import { findVisibleCase } from './find-visible-case.ts';

/**
 * The full identity number of a case's person, for a stated reason: every such view is written to
 * the audit log with who and why.
 */
export async function revealIdNumber({
  db,
  keys,
  user,
  caseId,
  reason,
}: {
  db: Db;
  keys: IdentityKeys;
  user: SessionUser;
  caseId: string;
  reason: string;
}): Promise<{ idNumber: string }> {
  const row = await findVisibleCase(db, user, caseId);
  const person = await db.person.findUniqueOrThrow({
    where: { id: row.personId },
    select: { id: true, idNumberEnc: true },
  });
  if (!person.idNumberEnc) throw notFound('identity number');
  await appendAudit(db, {
    actorId: user.id,
    action: 'person.id-number.view',
    target: `person:${person.id}`,
    reason,
    detail: { caseId: row.id },
  });
  return { idNumber: decryptIdNumber(person.idNumberEnc, keys) };
}
