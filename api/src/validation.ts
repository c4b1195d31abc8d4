import { zValidator } from '@hono/zod-validator';
import type { ValidationTargets } from 'hono';
import { z } from 'zod';
import { AppError, type FieldError } from './errors/app-error.ts';

export function fieldErrors(error: {
  issues: readonly { path: readonly PropertyKey[]; message: string }[];
}): FieldError[] {
  return error.issues.map((issue) => ({ field: issue.path.map(String).join('.') || '(body)', reason: issue.message }));
}

/** zod validation whose failures are 422 problems naming each field and its reason. */
export const validate = <T extends z.ZodType, Target extends keyof ValidationTargets>(target: Target, schema: T) =>
  zValidator(target, schema, (result) => {
    if (!result.success) {
      const errors = fieldErrors(result.error);
      throw new AppError('VALIDATION', { message: errors.map((e) => `${e.field}: ${e.reason}`).join('; '), errors });
    }
  });

/** Parses a value with a schema, or a 422 naming the field. */
export function parseOr422<T extends z.ZodType>(schema: T, value: unknown, prefix = ''): z.infer<T> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const errors = fieldErrors(result.error).map((e) => ({
    ...e,
    field: !prefix ? e.field : e.field === '(body)' ? prefix : `${prefix}.${e.field}`,
  }));
  throw new AppError('VALIDATION', { message: errors.map((e) => `${e.field}: ${e.reason}`).join('; '), errors });
}

const jsonParam = <T extends z.ZodType>(inner: T) =>
  z
    .string()
    .transform((text, ctx) => {
      try {
        return JSON.parse(text) as unknown;
      } catch {
        ctx.addIssue({ code: 'custom', message: 'must be JSON' });
        return z.NEVER;
      }
    })
    .pipe(inner);

/** react-admin's simple REST list query: filter, sort and range, each JSON. */
export function listQuerySchema<F extends z.ZodType, S extends readonly [string, ...string[]]>(
  filter: F,
  sortable: S,
  defaultSort: [S[number], 'ASC' | 'DESC'],
) {
  return z.object({
    filter: jsonParam(filter).optional(),
    sort: jsonParam(z.tuple([z.enum(sortable), z.enum(['ASC', 'DESC'])]))
      .optional()
      .transform((s): [S[number], 'ASC' | 'DESC'] => (s ? [s[0], s[1]] : defaultSort)),
    range: jsonParam(
      z
        .tuple([z.number().int().min(0), z.number().int().min(0)])
        .refine(
          ([from, to]) => to >= from && to - from < 500,
          'must be [from, to] with to >= from and at most 500 rows',
        ),
    )
      .optional()
      .transform((r): [number, number] => (r ? [r[0], r[1]] : [0, 24])),
  });
}

/** Sends a list the way ra-data-simple-rest reads it. */
export function contentRange(resource: string, [from]: [number, number], count: number, total: number): string {
  return count === 0 ? `${resource} */${total}` : `${resource} ${from}-${from + count - 1}/${total}`;
}
