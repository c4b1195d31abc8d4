import type { Prisma } from '@guanai/db';
import type { TPledge } from '../../routes/projects/projects.types.ts';

/** What a pledge is read with: its partner's name (its resource's name is looked up beside it). */
export const pledgeInclude = { partner: { select: { name: true } } } satisfies Prisma.ProjectResponseInclude;

export type PledgeRow = Prisma.ProjectResponseGetPayload<{ include: typeof pledgeInclude }>;

/** A pledge as staff and its own partner see it: what was offered, and the center's answer. */
export function toPledgeDto(row: PledgeRow, resourceName: string | null): TPledge {
  return {
    id: row.id,
    partnerName: row.partner.name,
    kind: row.kind,
    message: row.message,
    amount: row.amount === null ? null : Number(row.amount),
    places: row.places,
    quantity: row.quantity === null ? null : Number(row.quantity),
    resourceId: row.resourceId,
    resourceName,
    status: row.status,
    declineReason: row.declineReason,
    decidedAt: row.decidedAt?.toISOString() ?? null,
    matchId: row.matchId,
    createdAt: row.createdAt.toISOString(),
  };
}

/** The pledges with their resources' names, in one look-up. */
export async function toPledgeDtos(
  db: Pick<Prisma.TransactionClient, 'resource'>,
  rows: PledgeRow[],
): Promise<TPledge[]> {
  const ids = [...new Set(rows.flatMap((r) => (r.resourceId ? [r.resourceId] : [])))];
  const names = new Map(
    (await db.resource.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } })).map((r) => [
      r.id,
      r.name,
    ]),
  );
  return rows.map((r) => toPledgeDto(r, r.resourceId ? (names.get(r.resourceId) ?? null) : null));
}
