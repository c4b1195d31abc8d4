import type { Db, FormKind } from '@guanai/db';
import type { FormAnswers } from '@guanai/workflows/forms';
import { AppError } from '../../errors/app-error.ts';
import { parseOr422 } from '../../validation.ts';
import { ZAnswersInputSchema } from '../../routes/forms/forms.types.ts';
import { districtOfCase } from './current-form.ts';
import { validateAnswers } from './validate-answers.ts';

/**
 * The answers a task or closure sends beside its form, checked before anything reaches the case: the
 * version is published, of the form kind the step records, and the city's or the case's district's;
 * the values fit that version's schema. Each failure is a 422 naming answers.<field>. What the machine
 * event carries: the answers with their definition, kind, version and scope.
 */
export async function answersForCase(
  db: Db,
  { kind, caseId, input }: { kind: FormKind; caseId: string; input: unknown },
): Promise<FormAnswers> {
  const answers = parseOr422(ZAnswersInputSchema, input, 'answers');
  const definition = await db.formDefinition.findUnique({ where: { id: answers.definitionId } });
  const refuse = (reason: string) =>
    new AppError('VALIDATION', {
      message: `answers.definitionId: ${reason}`,
      errors: [{ field: 'answers.definitionId', reason }],
    });
  if (!definition) throw refuse('no such form definition');
  if (definition.kind !== kind) throw refuse(`is a ${definition.kind} form; this step records a ${kind} form`);
  if (definition.status !== 'PUBLISHED')
    throw refuse(`version ${definition.version} is ${definition.status.toLowerCase()}: answer the current version`);
  if (definition.districtId) {
    const caseRow = await db.case.findUniqueOrThrow({ where: { id: caseId }, select: { originUnitId: true } });
    if ((await districtOfCase(db, caseRow)) !== definition.districtId) throw refuse('is another district’s form');
  }
  validateAnswers(definition, answers.values);
  return {
    definitionId: definition.id,
    kind: definition.kind,
    version: definition.version,
    districtId: definition.districtId,
    values: answers.values,
  };
}
