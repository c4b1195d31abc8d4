import type { Db } from '@guanai/db';
import type { NeedCategory } from '@guanai/workflows/vocabulary';
import type { TOffer } from '../../routes/public/projects.types.ts';
import { resourceInclude } from './resource-dto.ts';

/** The newest 200 published resources as the public sees them, a campaign with what its donations raised. */
export async function publishedOffers({ db }: { db: Db }): Promise<TOffer[]> {
  const rows = await db.resource.findMany({
    where: { status: 'PUBLISHED' },
    include: resourceInclude,
    orderBy: { createdAt: 'desc' },
    take: 200,
  });
  // §四(七): a campaign's money raised is its donations, the figure the disclosure publishes (not the editable budget).
  const campaigns = rows.filter((r) => r.kind === 'FUNDRAISING').map((r) => r.id);
  const donated = campaigns.length
    ? await db.donation.groupBy({
        by: ['resourceId'],
        where: { resourceId: { in: campaigns } },
        _sum: { amount: true },
      })
    : [];
  const raised = new Map(donated.map((d) => [d.resourceId, Number(d._sum.amount ?? 0)]));
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    name: r.name,
    description: r.description,
    providerName: r.provider.name,
    coverageName: r.coverageUnit.name,
    categories: r.categories as NeedCategory[],
    remainingPlaces: r.capacity === null ? null : r.capacity - r.reservedPlaces,
    campaign:
      r.kind === 'FUNDRAISING'
        ? {
            type: r.campaignType,
            target: Number(r.target ?? 0),
            raised: raised.get(r.id) ?? 0,
            deadline: r.deadline?.toISOString().slice(0, 10) ?? null,
          }
        : null,
  }));
}
