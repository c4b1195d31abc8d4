import { OpenAPIHono, createRoute, type RouteConfig } from '@hono/zod-openapi';
import { z } from 'zod';
import type { AppEnv } from '../env.ts';
import { AppError } from '../errors/app-error.ts';
import { fieldErrors } from '../validation.ts';

/**
 * A router whose routes are declared with their request and response schemas (`.openapi(route,
 * handler)`): the request is validated before the handler runs (a 422 naming each field), the
 * handler's answer is typed by the declared response, and the route is in the OpenAPI document.
 */
export const createRouter = () =>
  new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) {
        const errors = fieldErrors(result.error);
        throw new AppError('VALIDATION', { message: errors.map((e) => `${e.field}: ${e.reason}`).join('; '), errors });
      }
    },
  });

export type Router = ReturnType<typeof createRouter>;

/** application/problem+json (RFC 9457), as every error of the API is answered. */
export const ZProblem = z
  .object({
    type: z.string().meta({ description: 'urn:guanai:problem:<reason>' }),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    instance: z.string().optional(),
    errors: z
      .array(z.object({ field: z.string(), reason: z.string() }))
      .optional()
      .meta({ description: '每个出错字段及原因 Each field in error and why' }),
  })
  .loose()
  .meta({ id: 'Problem', description: '错误说明 An error, as application/problem+json' });

export type TProblem = z.infer<typeof ZProblem>;

const PROBLEM_RESPONSES = {
  '4XX': {
    description:
      '请求有误、未登录、无权限、不存在或冲突 Bad input, not signed in, not allowed, not found or a conflict',
    content: { 'application/problem+json': { schema: ZProblem } },
  },
  '5XX': {
    description: '服务暂不可用 A backing service is unavailable',
    content: { 'application/problem+json': { schema: ZProblem } },
  },
} as const;

/** A JSON response of a route. */
export const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});

/** A route declaration, with the problem responses every route may give. */
export const route = <const R extends RouteConfig>(config: R) =>
  createRoute({ ...config, responses: { ...config.responses, ...PROBLEM_RESPONSES } });
