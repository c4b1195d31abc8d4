import type { Db } from '@guanai/db';
import type { TPublicCommunity } from '../../routes/public/communities.types.ts';

/**
 * Every community (村/社区) of the network with its township and district, for the public
 * application's picker: names and ids only, ordered by administrative-division code.
 */
export async function listPublicCommunities({ db }: { db: Db }): Promise<TPublicCommunity[]> {
  const rows = await db.orgUnit.findMany({
    where: { level: 'COMMUNITY', parent: { level: 'TOWNSHIP', parent: { level: 'DISTRICT' } } },
    orderBy: { code: 'asc' },
    select: {
      id: true,
      name: true,
      parent: { select: { id: true, name: true, parent: { select: { id: true, name: true } } } },
    },
  });
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    township: { id: row.parent!.id, name: row.parent!.name },
    district: { id: row.parent!.parent!.id, name: row.parent!.parent!.name },
  }));
}
