import { describe, expect, it } from 'vitest';
import { pino } from 'pino';
import type { AppDeps } from '../env.ts';
import { Hono } from 'hono';
import { z } from 'zod';
import { createApp } from '../app.ts';
import { checkResponses, type ResponseMismatch } from '../openapi/response-check.ts';
import { createRouter, json, route } from '../openapi/router.ts';

/**
 * The contract (issue 13): the OpenAPI document is built from the routes' own declarations, so it
 * cannot drift from what they validate; this test fails when a route is served without being
 * declared (a plain `.get()` instead of `.openapi()`), or the document names one that is not served.
 * That real answers match their declared schemas is checked in every API test (test/harness.ts).
 */
// Building the app opens no connection: its routes and its document need neither database nor Temporal.
const deps = { db: {}, temporal: {}, keys: {}, files: {}, logger: pino({ level: 'silent' }) } as unknown as AppDeps;
const { app } = createApp(deps);

/** The document itself and its reference page are the only routes it does not describe. */
const NOT_IN_DOCUMENT = new Set(['GET /api/openapi.json', 'GET /api/docs', 'GET /api/docs/:file']);

const served = [
  ...new Set(
    app.routes
      .filter((r) => r.method !== 'ALL' && r.path.startsWith('/api/'))
      .map((r) => `${r.method} ${r.path}`)
      .filter((route) => !NOT_IN_DOCUMENT.has(route)),
  ),
].sort();

interface Operation {
  summary?: string;
  description?: string;
  security?: unknown[];
  parameters?: { name: string; in: string }[];
  tags?: string[];
  requestBody?: { required?: boolean; content: Record<string, unknown> };
  responses: Record<string, { content?: Record<string, { schema?: unknown }> }>;
}
async function document() {
  const res = await app.request('/api/openapi.json');
  expect(res.status).toBe(200);
  return (await res.json()) as {
    openapi: string;
    tags: { name: string; description: string }[];
    paths: Record<string, Record<string, Operation>>;
  };
}
const operations = (doc: Awaited<ReturnType<typeof document>>) =>
  Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({
      key: `${method.toUpperCase()} /api${path.replace(/\{([^}]+)\}/g, ':$1')}`,
      op,
    })),
  );

describe('GET /api/openapi.json: the API describes itself', () => {
  it('is an OpenAPI 3.1 document of every route the API serves, and of no other', async () => {
    const doc = await document();
    expect(doc.openapi).toBe('3.1.0');
    expect(served.length).toBeGreaterThan(90);
    const documented = operations(doc)
      .map((o) => o.key)
      .sort();
    expect(served.filter((route) => !documented.includes(route))).toEqual([]); // served but not declared
    expect(documented.filter((route) => !served.includes(route))).toEqual([]); // declared but not served
  });

  it('gives every operation a bilingual summary, a tag, who may call it, a success response and its problems', async () => {
    for (const { key, op } of operations(await document())) {
      expect(op.summary, key).toMatch(/\p{Script=Han}/u);
      expect(op.summary, key).toMatch(/[A-Za-z]{3}/);
      expect(op.tags?.length, key).toBeGreaterThan(0);
      const success = Object.keys(op.responses).filter((status) => /^2\d\d$/.test(status));
      expect(success, key).not.toEqual([]);
      for (const status of success.filter((s) => s !== '204'))
        expect(Object.keys(op.responses[status]!.content ?? {}), `${key} ${status}`).not.toEqual([]);
      expect(op.responses['4XX']?.content?.['application/problem+json'], key).toBeDefined();
      // Who may call it, from the access policy the API enforces (auth/policy.ts).
      expect(op.description, key).toMatch(/可调用 Who may call/);
      expect(op.description, key).not.toMatch(/nobody/);
      if (/公开/.test(op.description!)) expect(op.security, key).toEqual([]);
      // Every write says it takes an Idempotency-Key (request/write-requests.ts).
      const headers = op.parameters?.filter((p) => p.in === 'header').map((p) => p.name) ?? [];
      if (/^(POST|PUT|PATCH|DELETE) /.test(key)) expect(headers, key).toContain('Idempotency-Key');
    }
  });

  it('describes every tag the operations use, in Chinese and English', async () => {
    const doc = await document();
    const described = new Map(doc.tags.map((t) => [t.name, t.description]));
    for (const { key, op } of operations(doc))
      for (const tag of op.tags ?? [])
        expect(described.get(tag), `${key}: tag ${tag}`).toMatch(/\p{Script=Han}.*[A-Za-z]{3}/u);
  });

  it('declares the body of every write that reads one', async () => {
    const writes = operations(await document()).filter(({ key }) => /^(POST|PUT|PATCH) /.test(key));
    const withBody = writes.filter(({ op }) => op.requestBody);
    // A write without a body says so by not declaring one; those are the actions on one record.
    const bodiless = writes.filter(({ op }) => !op.requestBody).map(({ key }) => key);
    expect(withBody.length).toBeGreaterThan(bodiless.length);
    for (const key of bodiless) expect(key).toMatch(/\/(:\w+)\/[a-z-]+$|\/logout$/);
    // An optional JSON body is not validated when it is left out: the handler would read `{}`. The
    // one exception is a release, whose body only adds an optional reason to what clients sent before.
    const optionalBodies = new Set(['POST /api/tasks/:id/release']);
    for (const { key, op } of withBody) expect(op.requestBody?.required ?? false, key).toBe(!optionalBodies.has(key));
  });
});

describe('GET /api/docs: the reference page', () => {
  it('is served from the swagger-ui-dist package, nothing from a CDN', async () => {
    const page = await app.request('/api/docs');
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('/api/docs/swagger-ui-bundle.js');
    expect(html).not.toMatch(/https?:\/\//);
    for (const file of ['swagger-ui.css', 'swagger-ui-bundle.js', 'init.js']) {
      const res = await app.request(`/api/docs/${file}`);
      expect(res.status, file).toBe(200);
      expect((await res.arrayBuffer()).byteLength, file).toBeGreaterThan(100);
    }
    expect((await app.request('/api/docs/package.json')).status).toBe(404);
  });
});

describe('the response check every API test runs (openapi/response-check.ts)', () => {
  const declared = route({
    method: 'get',
    path: '/things/{n}',
    tags: ['test'],
    summary: '测试 A test route',
    request: { params: z.object({ n: z.string() }) },
    responses: { 200: json(z.object({ count: z.number() }), 'A count') },
  });
  // One handler answering what it declares, then not: a wrong type, a missing field, an undeclared status.
  const api = createRouter().openapi(declared, (c) => {
    const n = c.req.valid('param').n;
    if (n === 'text') return c.json({ count: 'three' } as unknown as { count: number }, 200);
    if (n === 'none') return c.json({} as { count: number }, 200);
    if (n === 'created') return c.json({ count: 1 }, 201 as 200);
    return c.json({ count: 3 }, 200);
  });
  const mismatches: ResponseMismatch[] = [];
  const app = new Hono().use('/api/*', checkResponses(api, '/api', mismatches)).route('/api', api);

  it('passes a declared answer and turns every other one into a 500 it records', async () => {
    expect((await app.request('/api/things/good')).status).toBe(200);
    expect(mismatches).toEqual([]);
    for (const n of ['text', 'none', 'created']) expect((await app.request(`/api/things/${n}`)).status, n).toBe(500);
    expect(mismatches.map((m) => [m.route, m.problem.split(':')[0]])).toEqual([
      ['GET /api/things/:n', 'body does not match'],
      ['GET /api/things/:n', 'body does not match'],
      ['GET /api/things/:n', 'status 201 is not declared'],
    ]);
  });
});
