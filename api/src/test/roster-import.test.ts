import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, signIn, startHarness, type Harness, type Session } from './harness.ts';

let h: Harness;
let admin: Session;
beforeAll(async () => {
  h = await startHarness();
  admin = await signIn(h.app, 'admin');
});
afterAll(async () => h?.stop());

const upload = (csv: string, dryRun?: boolean) =>
  h.app.request(`/api/org-units/import${dryRun === undefined ? '' : `?dryRun=${dryRun}`}`, {
    method: 'POST',
    headers: { Cookie: admin.cookie, 'Content-Type': 'text/csv' },
    body: csv,
  });

describe('org-unit roster import (CSV: code, name, level, parent code)', () => {
  it('reports every bad row — unknown parent, duplicate code, wrong level — and imports nothing', async () => {
    const before = await h.db.orgUnit.count();
    const csv = [
      'code,name,level,parent_code',
      '510104017004,新华社区,COMMUNITY,510104017000', // fine
      '510104017001,水井坊社区,COMMUNITY,510104017000', // duplicate of a seeded code
      '510104017005,重复社区,COMMUNITY,510104017000',
      '510104017005,又一个,COMMUNITY,510104017000', // duplicate within the file
      '510104999001,无主社区,COMMUNITY,510104999000', // unknown parent
      '510104017006,层级错,COMMUNITY,510104000000', // a community under a district
      '51010401700X,坏编码,COMMUNITY,510104017000', // bad code
      '510104017007,,VILLAGE,510104017000', // no name, unknown level
    ].join('\n');
    const res = await upload(csv);
    expect(res.status).toBe(422);
    const problem = await json(res);
    expect(problem.errors).toEqual(
      expect.arrayContaining([
        { field: 'line 3: code', reason: 'duplicate code 510104017001' },
        { field: 'line 5: code', reason: 'duplicate code 510104017005' },
        { field: 'line 6: parent_code', reason: 'unknown parent 510104999000' },
        { field: 'line 7: level', reason: 'a COMMUNITY must be under a TOWNSHIP, and 510104000000 is a DISTRICT' },
        { field: 'line 8: code', reason: 'must be a 12-digit division code' },
        { field: 'line 9: name', reason: 'is required (at most 100 characters)' },
        { field: 'line 9: level', reason: 'must be one of CITY, DISTRICT, TOWNSHIP, COMMUNITY' },
      ]),
    );
    expect(problem.errors.some((e: { field: string }) => e.field.startsWith('line 2:'))).toBe(false);
    expect(await h.db.orgUnit.count()).toBe(before);
  });

  it('a clean roster: the dry run imports nothing, the real run imports in one go with paths, parents from the same file first', async () => {
    const csv = [
      'code,name,level,parent_code',
      '510104017010,锦江新村,COMMUNITY,510104900000',
      '510104900000,新设街道,TOWNSHIP,510104000000',
    ].join('\n');
    const before = await h.db.orgUnit.count();
    expect(await json(await upload(csv))).toEqual({ dryRun: true, rows: 2, imported: 0 });
    expect(await h.db.orgUnit.count()).toBe(before);
    expect(await json(await upload(csv, false))).toEqual({ dryRun: false, rows: 2, imported: 2 });
    const village = await h.db.orgUnit.findUniqueOrThrow({ where: { code: '510104017010' } });
    expect(village.path).toBe('510100000000/510104000000/510104900000/510104017010/');
  });

  it('is for admins only', async () => {
    const supervisor = await signIn(h.app, 'supervisor');
    const res = await h.app.request('/api/org-units/import', {
      method: 'POST',
      headers: { Cookie: supervisor.cookie, 'Content-Type': 'text/csv' },
      body: 'code,name,level,parent_code\n',
    });
    expect(res.status).toBe(403);
  });
});
