import type { Db, IdentityKeys } from '@guanai/db';
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
 * request answers the case its first attempt opened.
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
    if (current.case && current.case.id === ids.caseId)
      return toCaseDto(await locked.case.findUniqueOrThrow({ where: { id: ids.caseId }, include: caseInclude }));
    if (current.case || current.status !== 'SUBMITTED') throw applicationDecided(current);
    // The case workflow's first projection marks the application ACCEPTED with the case's first row
    // (workflows/src/case/activities.ts), and the Update answers after it: nothing is written here after.
    return openCase({
      db: locked,
      cases,
      keys,
      caseSettings,
      user,
      input,
      ids,
      applicationId: application.id,
    });
  });
}
