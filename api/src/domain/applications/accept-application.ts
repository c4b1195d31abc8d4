import { appendAudit, type Db, type IdentityKeys } from '@guanai/db';
import type { SessionUser } from '../../auth/session.ts';
import type { AppDeps } from '../../env.ts';
import type { TCase, TCreateCase } from '../../routes/cases/cases.types.ts';
import type { CaseClient } from '../../temporal/case-client.ts';
import { caseInclude, toCaseDto } from '../cases/case-dto.ts';
import { openCase } from '../cases/open-case.ts';
import { applicationDecided } from './application-decided.ts';
import { assertStationOf } from './assert-station-of.ts';
import { findVisibleApplication } from './find-visible-application.ts';
import { withApplicationLock } from './with-application-lock.ts';

/**
 * §四(一) 个人申请: the station worker verified the applicant (called them, saw their documents) and
 * opens the case: a SELF_APPLICATION at the station's community that names the application, which
 * then reads ACCEPTED. Holding the application's lease, so that a concurrent decline or a second
 * accept finds it decided. `ids` come from the request's Idempotency-Key when it has one: a retried
 * request answers the case its first attempt opened (and records the acceptance if that attempt
 * stopped before it could).
 */
export async function acceptApplication({
  db,
  cases,
  keys,
  caseSettings,
  user,
  applicationId,
  input,
  ids,
}: {
  db: Db;
  cases: CaseClient;
  keys: IdentityKeys;
  caseSettings: AppDeps['caseSettings'];
  user: SessionUser;
  applicationId: string;
  input: TCreateCase;
  ids: { caseId: string; personId: string };
}): Promise<TCase> {
  const application = await findVisibleApplication(db, user, applicationId);
  assertStationOf(user, application);
  return withApplicationLock(db, application.id, async (locked) => {
    const current = await locked.application.findUniqueOrThrow({
      where: { id: application.id },
      select: { status: true, case: { select: { id: true, caseNo: true } } },
    });
    if (current.case && current.case.id === ids.caseId) {
      await recordAcceptance(locked, user, application.id, ids.caseId);
      return toCaseDto(await locked.case.findUniqueOrThrow({ where: { id: ids.caseId }, include: caseInclude }));
    }
    if (current.case || current.status !== 'SUBMITTED') throw applicationDecided(current);
    const opened = await openCase({
      db: locked,
      cases,
      keys,
      caseSettings,
      user,
      input,
      ids,
      applicationId: application.id,
    });
    await recordAcceptance(locked, user, application.id, opened.id);
    return opened;
  });
}

/** The application reads ACCEPTED, by whom and when, with its audit entry; once. */
async function recordAcceptance(db: Db, user: SessionUser, applicationId: string, caseId: string): Promise<void> {
  await db.$transaction(async (tx) => {
    const marked = await tx.application.updateMany({
      where: { id: applicationId, status: 'SUBMITTED' },
      data: { status: 'ACCEPTED', decidedAt: new Date(), decidedById: user.id },
    });
    if (marked.count === 0) return;
    await appendAudit(tx, {
      actorId: user.id,
      action: 'application.accept',
      target: `application:${applicationId}`,
      detail: { caseId },
    });
  });
}
