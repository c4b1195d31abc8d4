import { appendAudit, type Db } from '@guanai/db';
import type { SessionUser } from '../../auth/session.ts';
import type { TApplication } from '../../routes/applications/applications.types.ts';
import { toApplicationDto } from './application-dto.ts';
import { applicationDecided } from './application-decided.ts';
import { assertStationOf } from './assert-station-of.ts';
import { findVisibleApplication } from './find-visible-application.ts';
import { withApplicationLock } from './with-application-lock.ts';

/**
 * §四(一) 个人申请: the station declines an application, with the reason the applicant reads by the
 * reference number. The decline and its audit entry commit in one transaction while the application's
 * lease is held (the route runs in autocommit mode), so that an accept waiting for the lease finds it
 * declined, and a decline after an accept finds the case that names it.
 */
export async function declineApplication({
  db,
  user,
  applicationId,
  reason,
}: {
  db: Db;
  user: SessionUser;
  applicationId: string;
  reason: string;
}): Promise<TApplication> {
  const application = await findVisibleApplication(db, user, applicationId);
  assertStationOf(user, application);
  await withApplicationLock(db, application.id, (locked) =>
    locked.$transaction(async (tx) => {
      const current = await tx.application.findUniqueOrThrow({
        where: { id: application.id },
        select: { status: true, case: { select: { caseNo: true } } },
      });
      if (current.case || current.status !== 'SUBMITTED') throw applicationDecided(current);
      await tx.application.update({
        where: { id: application.id },
        data: { status: 'DECLINED', decidedAt: new Date(), decidedById: user.id, declineReason: reason },
      });
      await appendAudit(tx, {
        actorId: user.id,
        action: 'application.decline',
        target: `application:${application.id}`,
        reason,
        detail: { reference: application.reference },
      });
    }),
  );
  return toApplicationDto(await findVisibleApplication(db, user, application.id));
}
