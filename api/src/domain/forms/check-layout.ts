import { deriveSchema, layoutProblems, type FormLayout } from '@guanai/workflows/forms';
import { AppError } from '../../errors/app-error.ts';

/** The layout's JSON Schema, or a 422 naming layout.<path> for each problem (repeated names, bad conditions …). */
export function schemaOfLayout(layout: FormLayout): Record<string, unknown> {
  const problems = layoutProblems(layout);
  if (problems.length)
    throw new AppError('VALIDATION', {
      message: problems.map((p) => `layout.${p.path}: ${p.reason}`).join('; '),
      errors: problems.map((p) => ({ field: `layout.${p.path}`, reason: p.reason })),
    });
  return deriveSchema(layout);
}
