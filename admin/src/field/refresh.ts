import { api, ok } from '../providers/api.ts';
import type { CachedCase, FieldDb } from './db.ts';

/** How many of the user's open cases the phone keeps for visits made offline (the most recently changed). */
export const CASES_KEPT = 100;

export interface Unit {
  id: string;
  name: string;
  level: string;
}

/** The communities (村/社区) a field worker reports in: their own, or those of their township. */
async function communitiesOf(unit: Unit): Promise<{ id: string; name: string }[]> {
  if (unit.level === 'COMMUNITY') return [{ id: unit.id, name: unit.name }];
  if (unit.level !== 'TOWNSHIP') return [];
  const rows = await ok(
    api['org-units'].$get({
      query: {
        filter: JSON.stringify({ level: 'COMMUNITY', parentId: unit.id }),
        sort: JSON.stringify(['name', 'ASC']),
        range: JSON.stringify([0, 199]),
      },
    }),
  );
  return rows.map((row) => ({ id: row.id, name: row.name }));
}

/**
 * Refreshes what the phone keeps for working offline: the user's open cases (only what the list
 * shows, with each case's version) and their communities. Need categories and vulnerability tags
 * are part of the app itself (the vocabulary), cached with the app shell.
 */
export async function refreshFieldData(db: FieldDb, unit: Unit): Promise<void> {
  const [cases, communities] = await Promise.all([
    ok(
      api.cases.$get({
        query: {
          filter: JSON.stringify({ status: 'OPEN' }),
          sort: JSON.stringify(['updatedAt', 'DESC']),
          range: JSON.stringify([0, CASES_KEPT - 1]),
        },
      }),
    ),
    communitiesOf(unit),
  ]);
  const fetchedAt = new Date().toISOString();
  const rows: CachedCase[] = cases.map((c) => ({
    id: c.id,
    caseNo: c.caseNo,
    personName: c.personName,
    state: c.state,
    status: c.status,
    version: c.version,
    originUnitName: c.originUnitName,
    updatedAt: c.updatedAt,
    emergency: c.emergency,
    fetchedAt,
  }));
  await db.transaction('rw', db.cases, db.refdata, async () => {
    await db.cases.clear();
    await db.cases.bulkPut(rows);
    await db.refdata.put({ key: 'communities', value: communities, fetchedAt });
  });
}
