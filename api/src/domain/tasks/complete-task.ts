import type { Db } from '@guanai/db';
import type { TaskKind } from '@guanai/workflows';
import type { SessionUser } from '../../auth/session.ts';
import type { TCaseState } from '../../routes/cases/case-actions.types.ts';
import { eventFromForm } from '../../routes/tasks/tasks.types.ts';
import type { CaseClient } from '../../temporal/case-client.ts';
import { actorOf } from './actor-of.ts';
import { findVisibleTaskRow } from './find-visible-task.ts';
import { withLedger } from './with-ledger.ts';
import { withPlanItems } from './with-plan-items.ts';
import { caseSuggestions } from '../eligibility/case-eligibility.ts';
import { withFormAnswers } from '../forms/with-form-answers.ts';

/**
 * The assignee completes a task with its form (validated for the task's kind; a MATCH or DELIVER
 * task takes the ledger), which moves the case on. `key` (from the Idempotency-Key) makes a retried
 * request one Update.
 */
export async function completeTask({
  db,
  cases,
  user,
  taskId,
  form,
  answers,
  key,
}: {
  db: Db;
  cases: CaseClient;
  user: SessionUser;
  taskId: string;
  form: unknown;
  /** Issue 17: the defined form's answers, beside the form. */
  answers?: unknown;
  key: string | undefined;
}): Promise<TCaseState> {
  const task = await findVisibleTaskRow(db, user, taskId);
  const withRows = await withLedger(db, task.kind, task.caseId, form);
  // §二 无缝衔接: a screening is judged on the suggestions computed now, not on what the client showed.
  const computed = task.kind === 'SCREEN' ? { eligibility: await caseSuggestions(db, task.caseId) } : {};
  const event = await withPlanItems(
    db,
    task.caseId,
    eventFromForm(task.kind as TaskKind, task.id, withRows, actorOf(user), computed),
  );
  const answered = await withFormAnswers(db, task, answers, event);
  const view = await cases.act(task.caseId, answered, key);
  return { caseId: task.caseId, state: view.state, version: view.seq };
}
