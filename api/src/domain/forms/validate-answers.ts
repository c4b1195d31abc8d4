import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type { FieldError } from '../../errors/app-error.ts';
import { AppError } from '../../errors/app-error.ts';

const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv, ['date', 'date-time']);

/** Compiled schemas of published versions by id: a published version never changes. */
const compiled = new Map<string, ValidateFunction>();

function validatorOf(definition: { id: string; status: string; schema: unknown }): ValidateFunction {
  const known = compiled.get(definition.id);
  if (known) return known;
  const validate = ajv.compile(definition.schema as object);
  if (definition.status !== 'DRAFT') compiled.set(definition.id, validate);
  return validate;
}

/** An ajv error in the terms a caseworker reads: which answer, and why. */
function fieldError(error: ErrorObject, prefix: string): FieldError | null {
  const path = error.instancePath.split('/').filter(Boolean);
  const at = (name: string | undefined) => (name ? `${prefix}.${name}` : prefix);
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
      return { field: at(String(params.missingProperty)), reason: 'is required' };
    case 'additionalProperties':
      return { field: at(String(params.additionalProperty)), reason: 'is not a field of this form version' };
    case 'false schema':
      return { field: at(path[0]), reason: 'is not asked here: the condition that shows it does not hold' };
    case 'if':
      return null; // the branch's own error names the field
    case 'enum':
      return {
        field: at(path[0]),
        reason: `must be one of ${(params.allowedValues as unknown[]).map(String).join(', ')}`,
      };
    case 'type':
      return { field: at(path[0]), reason: `must be a ${String(params.type)}` };
    case 'format':
      return {
        field: at(path[0]),
        reason: params.format === 'date' ? 'must be a date YYYY-MM-DD' : 'has the wrong format',
      };
    case 'minLength':
      return { field: at(path[0]), reason: 'is required' };
    case 'minItems':
      return { field: at(path[0]), reason: 'choose at least one' };
    case 'maxLength':
      return { field: at(path[0]), reason: `at most ${String(params.limit)} characters` };
    case 'minimum':
      return { field: at(path[0]), reason: `must be at least ${String(params.limit)}` };
    case 'maximum':
      return { field: at(path[0]), reason: `must be at most ${String(params.limit)}` };
    case 'uniqueItems':
      return { field: at(path[0]), reason: 'must not repeat a choice' };
    default:
      return { field: at(path[0]), reason: error.message ?? 'is not valid' };
  }
}

/**
 * Validates a form's values against the schema its version stores, or a 422 naming each field as
 * `<prefix>.<field>` (answers.values.housing) with the reason.
 */
export function validateAnswers(
  definition: { id: string; status: string; schema: unknown; kind: string; version: number },
  values: Record<string, unknown>,
  prefix = 'answers.values',
): void {
  const validate = validatorOf(definition);
  if (validate(values)) return;
  const seen = new Set<string>();
  const errors = (validate.errors ?? [])
    .map((error) => fieldError(error, prefix))
    .filter((e): e is FieldError => e !== null && !seen.has(e.field) && Boolean(seen.add(e.field)));
  throw new AppError('VALIDATION', {
    message: `the answers do not fit ${definition.kind} form version ${definition.version}: ${errors
      .map((e) => `${e.field}: ${e.reason}`)
      .join('; ')}`,
    errors,
  });
}
