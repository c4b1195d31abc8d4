import type { Db } from '@guanai/db';
import type { SessionUser } from '../../auth/session.ts';
import type { TUnitKpis } from '../../routes/kpis/kpis.types.ts';
import { computeKpisTable } from './compute-kpis.ts';
import { findCenter } from './find-center.ts';

/** A center and the centers below it (a district's townships, the city's districts), side by side for a month. */
export async function compareCenters({
  db,
  user,
  unitId,
  period,
}: {
  db: Db;
  user: SessionUser;
  unitId: string | undefined;
  period: string;
}): Promise<TUnitKpis[]> {
  const parent = await findCenter({ db, user, unitId });
  const children = await db.orgUnit.findMany({
    where: { parentId: parent.id, level: { not: 'COMMUNITY' } },
    select: { id: true, name: true, level: true, path: true },
    orderBy: { code: 'asc' },
  });
  const units = [parent, ...children];
  const table = await computeKpisTable(db, units, [period]);
  return units.map((unit, i) => ({ unit, ...table[i]![0]! }));
}
