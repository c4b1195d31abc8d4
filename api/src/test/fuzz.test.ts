import { writeFileSync } from 'node:fs';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROUTE_POLICY } from '../auth/policy.ts';
import { json, signIn, startHarness, type Harness, type Session } from './harness.ts';

/**
 * Property-based fuzzing of every API route (fast-check): random and malformed bodies, query strings,
 * path parameters and headers, sent by a user whose role may call the route. Whatever comes in, the
 * API never answers 5xx; every error is application/problem+json (a 422 names each field and its
 * reason); and a rejected write changes no row. FUZZ_RUNS sets the runs per route.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 6);
const ROLE_USER: Record<string, string> = {
  DISCOVERER: 'discoverer',
  STATION_WORKER: 'station',
  CASEWORKER: 'caseworker',
  SUPERVISOR: 'supervisor',
  MANAGER: 'manager',
  PARTNER: 'partner',
  ADMIN: 'admin',
};
// Signing in and out is about sessions, not input: the auth tests cover them.
const SKIPPED = new Set(['POST /api/auth/login', 'POST /api/auth/logout']);

let h: Harness;
const sessions: Record<string, Session> = {};
const known: string[] = [];
let tables: string[] = [];
const stats = { routes: 0, requests: 0, rejected: 0, byStatus: {} as Record<string, number> };

beforeAll(async () => {
  h = await startHarness();
  for (const username of Object.values(ROLE_USER)) sessions[username] = await signIn(h.app, username);
  // Ids that exist (of many kinds), so that some requests get past "not found".
  const created = await json(
    await sessions.station!.request('POST', '/api/cases', {
      person: { name: '模糊测试', hukou: 'CHENGDU' },
      situation: '困难',
    }),
  );
  known.push(
    created.id,
    (await h.db.person.findFirstOrThrow()).id,
    (await h.db.resource.findFirstOrThrow()).id,
    (await h.db.orgUnit.findFirstOrThrow({ where: { level: 'COMMUNITY' } })).id,
  );
  known.push((await h.db.task.findFirstOrThrow({ where: { caseId: created.id } })).id);
  tables = (
    await h.db.$queryRaw<
      { name: string }[]
    >`SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations' ORDER BY tablename`
  ).map((t) => t.name);
});
afterAll(async () => {
  if (process.env.FUZZ_REPORT)
    writeFileSync(process.env.FUZZ_REPORT, `${JSON.stringify({ runsPerRoute: RUNS, ...stats }, null, 2)}\n`);
  await h?.stop();
});

/** A digest of every row of every table: equal before and after means nothing changed. */
async function fingerprint(): Promise<string> {
  const parts = await Promise.all(
    tables.map((t) =>
      h.db.$queryRawUnsafe<{ d: string | null }[]>(
        `SELECT md5(string_agg(md5(x::text), '' ORDER BY md5(x::text))) AS d FROM "${t}" x`,
      ),
    ),
  );
  return parts.map((p, i) => `${tables[i]}:${p[0]?.d ?? '-'}`).join('|');
}

const garbage = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.constantFrom(
    '',
    ' ',
    '../../etc/passwd',
    "' OR 1=1 --",
    '%00',
    '😀',
    'null',
    '-1',
    '9'.repeat(40),
    '2026-13-45',
    'a'.repeat(300),
  ),
);
const param = fc.oneof(
  fc.uuid(),
  fc.constantFrom(...['00000000-0000-0000-0000-000000000000']),
  garbage,
  fc.constant('KNOWN'),
);
const body = fc.oneof(
  fc.record({ kind: fc.constant('json' as const), value: fc.jsonValue({ maxDepth: 3 }) }),
  fc.record({
    kind: fc.constant('json' as const),
    value: fc.dictionary(
      fc.constantFrom(
        'name',
        'id',
        'state',
        'role',
        'form',
        'type',
        'reason',
        'amount',
        'caseId',
        'needIndex',
        'period',
        'filter',
        'person',
        'items',
      ),
      fc.jsonValue({ maxDepth: 2 }),
    ),
  }),
  fc.record({ kind: fc.constant('text' as const), value: garbage }),
  fc.record({ kind: fc.constant('none' as const), value: fc.constant(null) }),
);
const query = fc.dictionary(
  fc.constantFrom('filter', 'sort', 'range', 'reason', 'dryRun', 'period', 'unitId', 'from', 'to', 'version', 'x'),
  garbage,
  { maxKeys: 3 },
);
const headers = fc.record({
  contentType: fc.constantFrom(
    'application/json',
    'text/plain',
    'text/csv',
    'image/png',
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    'multipart/form-data',
    '',
  ),
  idempotencyKey: fc.option(garbage, { nil: undefined }),
  filename: fc.option(garbage, { nil: undefined }),
});

describe('fuzzing every route', () => {
  const keys = Object.keys(ROUTE_POLICY).filter((k) => !SKIPPED.has(k));

  it.each(keys)(
    '%s: never 5xx, errors as problem+json, rejected writes change nothing',
    async (key) => {
      const [method, pattern] = key.split(' ') as [string, string];
      const access = ROUTE_POLICY[key]!;
      const session =
        access === 'PUBLIC' ? null : sessions[access === 'SIGNED_IN' ? 'caseworker' : ROLE_USER[access[0]!]!]!;
      stats.routes += 1;
      await fc.assert(
        fc.asyncProperty(
          fc.array(param, { minLength: 2, maxLength: 2 }),
          body,
          query,
          headers,
          async (params, b, q, hd) => {
            let i = 0;
            const path =
              pattern.replace(/:[a-z]+/gi, () => {
                const p = params[i++ % params.length]!;
                return encodeURIComponent(p === 'KNOWN' ? known[i % known.length]! : p);
              }) + (Object.keys(q).length ? `?${new URLSearchParams(q).toString()}` : '');
            const requestHeaders: Record<string, string> = {
              ...(session ? { Cookie: session.cookie } : {}),
              ...(hd.contentType ? { 'Content-Type': hd.contentType } : {}),
              ...(hd.idempotencyKey !== undefined
                ? { 'Idempotency-Key': hd.idempotencyKey.replace(/[^\x20-\x7e]/g, '') }
                : {}),
              ...(hd.filename !== undefined ? { 'X-Filename': encodeURIComponent(hd.filename) } : {}),
            };
            const sendsBody = method !== 'GET' && b.kind !== 'none';
            const payload = sendsBody ? (b.kind === 'json' ? JSON.stringify(b.value) : String(b.value)) : undefined;
            const writes = method !== 'GET';
            const before = writes ? await fingerprint() : '';
            const res = await h.app.request(path, {
              method,
              headers: requestHeaders,
              ...(payload === undefined ? {} : { body: payload }),
            });
            stats.requests += 1;
            stats.byStatus[res.status] = (stats.byStatus[res.status] ?? 0) + 1;
            const text = await res.text();
            expect(res.status, `${method} ${path} → ${res.status} ${text.slice(0, 300)}`).toBeLessThan(500);
            if (res.status >= 400) {
              stats.rejected += 1;
              expect(res.headers.get('content-type'), `${method} ${path}`).toContain('application/problem+json');
              const problem = JSON.parse(text) as {
                title?: string;
                status?: number;
                detail?: string;
                errors?: { field: string; reason: string }[];
              };
              expect(problem.status).toBe(res.status);
              expect(typeof problem.title).toBe('string');
              expect(typeof problem.detail).toBe('string');
              if (res.status === 422) {
                expect(problem.errors?.length, `${method} ${path}: a 422 names its fields`).toBeGreaterThan(0);
                for (const e of problem.errors!)
                  expect(typeof e.field === 'string' && typeof e.reason === 'string' && e.reason.length > 0).toBe(true);
              }
              if (writes) expect(await fingerprint(), `${method} ${path} → ${res.status} changed rows`).toBe(before);
            }
          },
        ),
        { numRuns: RUNS },
      );
    },
    120_000,
  );
});
