import type { Db } from '@guanai/db';
import type { ActRequest, Actor, Role } from '@guanai/workflows';
import type { SessionUser } from '../../auth/session.ts';
import { AppError } from '../../errors/app-error.ts';
import type { TCaseAction, TCaseState } from '../../routes/cases/case-actions.types.ts';
import type { CaseClient } from '../../temporal/case-client.ts';
import { runningAbsence } from '../absences/running-absence.ts';
import { actorOf } from '../tasks/actor-of.ts';
import { withCurrentOnStale } from '../../request/case-version.ts';
import { findVisibleCase } from './find-visible-case.ts';
import { withPersonCaseLock } from './with-person-case-lock.ts';
import { withFormAnswers } from '../forms/with-form-answers.ts';

/** The machine event for a case action; REASSIGN names a user who becomes the machine's actor. */
async function eventOf(db: Db, action: TCaseAction, actor: Actor, caseId: string): Promise<ActRequest> {
  if (action.type === 'CLOSE' || action.type === 'PROPOSE_CLOSURE') {
    // Issue 17: the closure form's answers, checked against their version (结案评估).
    const { answers, ...rest } = action;
    return withFormAnswers(db, { kind: 'CLOSURE', caseId }, answers, { ...rest, actor } as ActRequest);
  }
  if (action.type !== 'REASSIGN') return { ...action, actor } as ActRequest;
  const named = await db.user.findFirst({ where: { id: action.assigneeId, active: true } });
  if (!named) throw new AppError('VALIDATION', { message: 'no active user with this id', field: 'assigneeId' });
  // Issue 15: work for someone away goes to their delegate (代理人), and the event says so.
  const absence = await runningAbsence(db, named.id);
  const assignee = absence?.delegate ?? named;
  return {
    type: 'REASSIGN',
    taskId: action.taskId,
    assignee: { id: assignee.id, role: assignee.role as Role, unitId: assignee.orgUnitId },
    actor,
    ...(absence ? { note: `代 ${named.displayName} 办理` } : {}),
  };
}

/**
 * A case-level action (escalate, suspend, close, reopen, flag, reassign, …) by whoever the machine
 * allows. Reopening makes a closed case open again, so it holds the person's case lock and is
 * refused while the person has another open case. `key` (from the Idempotency-Key) makes a retried
 * request one Update.
 */
export async function actOnCase({
  db,
  cases,
  user,
  caseId,
  action,
  key,
  ifVersion,
}: {
  db: Db;
  cases: CaseClient;
  user: SessionUser;
  caseId: string;
  action: TCaseAction;
  key: string | undefined;
  /** The case version the action was decided on (If-Match): a case that moved since answers 412. */
  ifVersion?: number;
}): Promise<TCaseState> {
  const row = await findVisibleCase(db, user, caseId);
  const event = await eventOf(db, action, actorOf(user), row.id);
  const versioned = ifVersion === undefined ? event : { ...event, ifVersion };
  const act = () => withCurrentOnStale(db, row.id, () => cases.act(row.id, versioned, key));
  // Reopening makes a closed case open again: under the person's lock, and only while the
  // person has no other open case (the projection would meet the unique index and retry forever).
  const view =
    event.type !== 'REOPEN'
      ? await act()
      : await withPersonCaseLock(db, [row.personId], async (locked) => {
          const current = await locked.case.findUniqueOrThrow({
            where: { id: row.id },
            select: { personId: true },
          });
          if (current.personId !== row.personId)
            throw new AppError('CONFLICT', {
              message: 'the case was moved to another person record (a merge) meanwhile; try again',
              reason: 'MERGED',
            });
          const other = await locked.case.findFirst({
            where: { personId: row.personId, status: { not: 'CLOSED' }, NOT: { id: row.id } },
            select: { caseNo: true },
          });
          if (other)
            throw new AppError('CONFLICT', {
              message: `this person has another open case (${other.caseNo}); one case is open per person`,
              reason: 'DUPLICATE_CASE',
            });
          return act();
        });
  return { caseId: row.id, state: view.state, version: view.seq };
}
