import type { Db } from '@guanai/db';
import type { ActRequest } from '@guanai/workflows';
import { FORM_KIND_OF_TASK, type FormKind } from '@guanai/workflows/forms';
import { AppError } from '../../errors/app-error.ts';
import { answersForCase } from './answers-for-case.ts';

/** The form kind a task kind records (SCREEN → SCREENING …), if any. */
export const formKindOfTask = (taskKind: string): FormKind | undefined =>
  (FORM_KIND_OF_TASK as Record<string, FormKind>)[taskKind];

/**
 * The machine event with the defined form's answers (issue 17), checked against their version; the
 * event unchanged when none were sent. A task kind without a defined form refuses answers (422).
 */
export async function withFormAnswers<E extends ActRequest>(
  db: Db,
  { kind, caseId }: { kind: string; caseId: string },
  input: unknown,
  event: E,
): Promise<E> {
  if (input === undefined) return event;
  const formKind = kind === 'CLOSURE' ? 'CLOSURE' : formKindOfTask(kind);
  if (!formKind)
    throw new AppError('VALIDATION', {
      message: `answers: a ${kind} task records no defined form`,
      errors: [{ field: 'answers', reason: `a ${kind} task records no defined form` }],
    });
  return { ...event, answers: await answersForCase(db, { kind: formKind, caseId, input }) };
}
