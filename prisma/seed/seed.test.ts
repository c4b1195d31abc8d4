import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../src/testing.ts';
import { demoUsers, readDivisions, seed } from './seed.ts';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database?.drop());

describe('seed', () => {
  it('§二 三级中心、四级网络: seeds the city, its 20 districts and counties and 3 functional areas (高新区, 天府新区, 东部新区), 261 townships and sample communities', async () => {
    await seed(database.db);
    const byLevel = Object.fromEntries(
      (await database.db.orgUnit.groupBy({ by: ['level'], _count: true })).map((g) => [g.level, g._count]),
    );
    expect(byLevel).toMatchObject({ CITY: 1, DISTRICT: 23, TOWNSHIP: 261 });
    const zones = await database.db.orgUnit.findMany({
      where: { code: { in: ['510190000000', '510191000000', '510192000000'] } },
      orderBy: { code: 'asc' },
      include: { _count: { select: { children: true } } },
    });
    expect(zones.map((z) => [z.name, z._count.children])).toEqual([
      ['成都高新区', 2],
      ['四川天府新区成都直管区', 2],
      ['成都东部新区', 2],
    ]);
    expect(byLevel.COMMUNITY).toBeGreaterThanOrEqual(10);
    expect(readDivisions()).toHaveLength(285);
  });

  it('materialises each unit’s path from the city down, so a subtree is a prefix', async () => {
    const community = await database.db.orgUnit.findUniqueOrThrow({
      where: { code: '510104017001' },
      include: { parent: { include: { parent: { include: { parent: true } } } } },
    });
    expect(community.path).toBe('510100000000/510104000000/510104017000/510104017001/');
    expect(community.parent?.parent?.parent?.name).toBe('成都市');
    const under = await database.db.orgUnit.count({ where: { path: { startsWith: '510100000000/510104000000/' } } });
    const jinjiang = await database.db.orgUnit.count({
      where: {
        OR: [
          { code: '510104000000' },
          { parent: { code: '510104000000' } },
          { parent: { parent: { code: '510104000000' } } },
        ],
      },
    });
    expect(under).toBe(jinjiang);
  });

  it('creates one demo user per role and is idempotent', async () => {
    const roles = new Set((await database.db.user.findMany()).map((u) => u.role));
    expect(roles).toEqual(
      new Set(['DISCOVERER', 'STATION_WORKER', 'CASEWORKER', 'SUPERVISOR', 'MANAGER', 'PARTNER', 'ADMIN']),
    );
    expect(await seed(database.db)).toEqual({ orgUnits: 0, users: 0 });
    expect(await database.db.user.count()).toBe(demoUsers.length);
  });
});
