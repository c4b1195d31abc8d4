import type { Prisma } from '@guanai/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, q, signIn, startHarness, type Harness, type Session } from './harness.ts';
import { ledgerFixture } from './ledger-fixture.ts';

/**
 * The unit queue (GET /api/tasks, scope unit) is read unit by unit and its total of open tasks
 * comes from the per-unit counters (domain/tasks/unit-queue.ts): every page, in every order and
 * with every filter, must be the one a single query over the subtree gives.
 */
let h: Harness;
const s: Record<string, Session> = {};
const paths: Record<string, string> = {};

beforeAll(async () => {
  h = await startHarness();
  for (const name of ['caseworker', 'district.supervisor']) s[name] = await signIn(h.app, name);
  const fx = ledgerFixture(h.db, h.keys);
  const units = {
    community: (await fx.unit('510104017001')).id,
    township: (await fx.unit('510104017000')).id,
    township2: (await fx.unit('510104018000')).id,
    district: (await fx.unit('510104000000')).id,
  };
  paths.caseworker = (await fx.unit('510104017000')).path;
  paths['district.supervisor'] = (await fx.unit('510104000000')).path;
  // Tasks spread over the district's units, many due at the same times (the order then falls to
  // the id), open and done, of several kinds, some overdue.
  const kinds = ['SCREEN', 'ASSESS', 'FOLLOW_UP'];
  const unitIds = Object.values(units);
  for (let c = 0; c < 4; c++) {
    const { caseId } = await fx.caseFor(`队列${c}`, c % 2 ? '510104017002' : '510104018001', '2026-09-01T02:00:00Z');
    for (let i = 0; i < 9; i++) {
      const due = i % 3 === 0 ? '2026-01-01T00:00:00Z' : `2027-0${1 + ((c + i) % 4)}-01T00:00:00Z`;
      await fx.task(caseId, unitIds[(c + i) % unitIds.length]!, due, i % 4 === 3 ? due : null, kinds[i % kinds.length]);
    }
  }
});
afterAll(async () => h?.stop());

type Filter = { status?: 'OPEN' | 'DONE'; kind?: string; overdue?: boolean };

async function expectSameAsOneQuery(
  who: string,
  filter: Filter,
  sort: [string, 'ASC' | 'DESC'],
  range: [number, number],
) {
  const res = await s[who]!.request('GET', `/api/tasks${q({ filter: { scope: 'unit', ...filter }, sort, range })}`);
  expect(res.status).toBe(200);
  const where: Prisma.TaskWhereInput = {
    unit: { path: { startsWith: paths[who]! } },
    status: filter.status ?? 'OPEN',
    ...(filter.kind ? { kind: filter.kind } : {}),
    ...(filter.overdue ? { dueAt: { lt: new Date() } } : {}),
  };
  const expected = await h.db.task.findMany({
    where,
    orderBy: [{ [sort[0]]: sort[1].toLowerCase() }, { id: 'asc' }],
    skip: range[0],
    take: range[1] - range[0] + 1,
    select: { id: true },
  });
  expect((await json(res)).map((t: { id: string }) => t.id)).toEqual(expected.map((t) => t.id));
  expect(res.headers.get('content-range')?.split('/')[1]).toBe(String(await h.db.task.count({ where })));
}

describe('the unit queue, unit by unit', () => {
  it('gives the pages of one query over the subtree, in every order, with every filter', async () => {
    for (const who of ['caseworker', 'district.supervisor'])
      for (const sort of [
        ['dueAt', 'ASC'],
        ['dueAt', 'DESC'],
        ['createdAt', 'ASC'],
        ['kind', 'DESC'],
        ['status', 'ASC'],
      ] as [string, 'ASC' | 'DESC'][])
        for (const range of [
          [0, 4],
          [5, 9],
          [0, 24],
          [20, 29],
        ] as [number, number][])
          for (const filter of [{}, { status: 'DONE' }, { kind: 'ASSESS' }, { overdue: true }] as Filter[])
            await expectSameAsOneQuery(who, filter, sort, range);
  });
});
