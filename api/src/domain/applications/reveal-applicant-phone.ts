import { appendAudit, decryptIdNumber, type Db, type IdentityKeys } from '@guanai/db';
import type { SessionUser } from '../../auth/session.ts';
import { findVisibleApplication } from './find-visible-application.ts';

/**
 * The applicant's full phone number, to call them and verify who they are, for a stated reason:
 * every such view is written to the audit log with who and why.
 */
export async function revealApplicantPhone({
  db,
  keys,
  user,
  applicationId,
  reason,
}: {
  db: Db;
  keys: IdentityKeys;
  user: SessionUser;
  applicationId: string;
  reason: string;
}): Promise<{ phone: string }> {
  const application = await findVisibleApplication(db, user, applicationId);
  const { phoneEnc } = await db.application.findUniqueOrThrow({
    where: { id: application.id },
    select: { phoneEnc: true },
  });
  await appendAudit(db, {
    actorId: user.id,
    action: 'application.phone.view',
    target: `application:${application.id}`,
    reason,
    detail: { reference: application.reference },
  });
  // The phone is encrypted as identity numbers are (AES-256-GCM under the same key).
  return { phone: decryptIdNumber(phoneEnc, keys) };
}
