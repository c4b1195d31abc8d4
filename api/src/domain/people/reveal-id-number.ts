import { appendAudit, decryptIdNumber, type Db, type IdentityKeys } from '@guanai/db';
import type { SessionUser } from '../../auth/session.ts';
import { notFound } from '../../errors/app-error.ts';
import type { TPersonIdNumber } from '../../routes/people/people.types.ts';
import { findVisiblePerson } from './find-visible-person.ts';

/** The full document number of a person, for a stated reason; the view goes to the audit log with who and why. */
export async function revealIdNumber({
  db,
  keys,
  user,
  id,
  reason,
}: {
  db: Db;
  keys: IdentityKeys;
  user: SessionUser;
  id: string;
  reason: string;
}): Promise<TPersonIdNumber> {
  const row = await findVisiblePerson(db, user, id);
  if (!row.idNumberEnc) throw notFound('identity number');
  await appendAudit(db, {
    actorId: user.id,
    action: 'person.id-number.view',
    target: `person:${row.id}`,
    reason,
  });
  return { idType: row.idType, idNumber: decryptIdNumber(row.idNumberEnc, keys) };
}
