import type { Db } from '@guanai/db';
import { resourceInclude } from '../resources/resource-dto.ts';
import type { NeedToMatch } from './rank-resources.ts';
import { toRanked } from './ranked-resource.ts';

/** The resources worth judging for these needs: those answering a category, and those serving the community. */
export async function candidateResources(db: Db, needs: NeedToMatch[], communityPath: string) {
  const ancestorCodes = communityPath.split('/').filter(Boolean);
  const rows = await db.resource.findMany({
    where: {
      status: { in: ['PUBLISHED', 'PAUSED'] },
      OR: [
        { categories: { hasSome: needs.map((n) => n.category) } },
        { coverageUnit: { code: { in: ancestorCodes } } },
      ],
    },
    include: resourceInclude,
    take: 500,
  });
  return rows.map(toRanked);
}
