import type { OpenAPIHono, RouteConfig } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import { matchedRoutes } from 'hono/route';
import type { z } from 'zod';
import type { AppEnv } from '../env.ts';

export interface ResponseMismatch {
  route: string;
  status: number;
  problem: string;
}

type Responses = RouteConfig['responses'];

/** `/cases/{id}` → `/cases/:id`. */
const honoPath = (path: string) => path.replace(/\{([^}]+)\}/g, ':$1');

/** The declared response of a status: its own, else `4XX`/`5XX`, else `default`. */
function declared(responses: Responses, status: number) {
  return responses[String(status)] ?? responses[`${String(status)[0]}XX`] ?? responses.default;
}

/**
 * For tests: every answer of a declared route is checked against the route's declared responses
 * (status, content type, and the JSON body against its zod schema). A mismatch is recorded in
 * `mismatches` and answered as a 500, so the test that made the request fails.
 */
export function checkResponses(api: OpenAPIHono<AppEnv>, prefix: string, mismatches: ResponseMismatch[]) {
  const routes = new Map<string, Responses>();
  for (const definition of api.openAPIRegistry.definitions) {
    if (definition.type !== 'route') continue;
    const { method, path, responses } = definition.route;
    routes.set(`${method.toUpperCase()} ${prefix}${honoPath(path)}`, responses);
  }
  const middleware: MiddlewareHandler<AppEnv> = async (c, next) => {
    await next();
    const endpoint = matchedRoutes(c).find((r) => r.method !== 'ALL' && r.path.startsWith(`${prefix}/`));
    if (!endpoint) return;
    const key = `${c.req.method} ${endpoint.path}`;
    const responses = routes.get(key);
    if (!responses) return; // not a declared route: the document test names it
    const fail = (problem: string) => {
      mismatches.push({ route: key, status: c.res.status, problem });
      c.res = new Response(
        JSON.stringify({ title: 'Response does not match its declaration', status: 500, detail: `${key}: ${problem}` }),
        { status: 500, headers: { 'Content-Type': 'application/problem+json' } },
      );
    };
    const response = declared(responses, c.res.status);
    if (!response) return fail(`status ${c.res.status} is not declared`);
    const content = 'content' in response ? response.content : undefined;
    const type = (c.res.headers.get('Content-Type') ?? '').split(';')[0]!.trim();
    if (!content) {
      if (c.res.body !== null && c.res.status !== 204 && type) fail(`declares no body but answered ${type}`);
      return;
    }
    const media = content[type];
    if (!media) return fail(`answered ${type || 'no content type'}, declared ${Object.keys(content).join(', ')}`);
    if (!type.endsWith('json')) return;
    const schema = ('schema' in media ? media.schema : undefined) as z.ZodType | undefined;
    if (!schema || typeof (schema as { safeParse?: unknown }).safeParse !== 'function') return;
    const body: unknown = await c.res.clone().json();
    const result = schema.safeParse(body);
    if (!result.success) {
      const issues = result.error.issues.map((i) => `${i.path.join('.') || '(body)'}: ${i.message}`).join('; ');
      fail(`body does not match: ${issues}`);
    }
  };
  return middleware;
}
