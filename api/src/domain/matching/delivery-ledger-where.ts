import type { Db, Prisma } from '@guanai/db';
import type { SessionUser } from '../../auth/session.ts';
import type { TDeliveryFilter } from '../../routes/deliveries/deliveries.types.ts';
import { visibleMatches } from './find-visible-match.ts';

/** The first day of the month after `month` (YYYY-MM), as a DATE column compares. */
function nextMonth(month: string): Date {
  const [year, mon] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(year, mon, 1));
}

/**
 * Which deliveries the ledger (救助台账) holds, for its export and its print alike: those on the
 * matches the caller may see (staff: of the cases they can see; a partner: of its own resources),
 * narrowed by the match filter, a month or range of days, a kind, the cases started in a unit's subtree.
 */
export async function deliveryLedgerWhere({
  db,
  user,
  filter,
}: {
  db: Db;
  user: SessionUser;
  filter: TDeliveryFilter;
}): Promise<Prisma.DeliveryWhereInput> {
  const { month, from, to, kind, unitId, ...matchFilter } = filter;
  // A unit unknown (or outside my subtree, which visibleMatches already leaves out) leaves nothing.
  const unitPath = unitId
    ? ((await db.orgUnit.findUnique({ where: { id: unitId }, select: { path: true } }))?.path ?? null)
    : undefined;
  const days: Prisma.DateTimeFilter | undefined = month
    ? { gte: new Date(`${month}-01`), lt: nextMonth(month) }
    : from || to
      ? { ...(from ? { gte: new Date(from) } : {}), ...(to ? { lte: new Date(to) } : {}) }
      : undefined;
  return {
    match: {
      AND: [
        visibleMatches(user),
        matchFilter,
        unitPath === undefined
          ? {}
          : unitPath === null
            ? { id: { in: [] } }
            : { case: { originUnit: { path: { startsWith: unitPath } } } },
      ],
    },
    ...(days ? { deliveredOn: days } : {}),
    ...(kind ? { kind } : {}),
  };
}

/** What a ledger row brings along: the match's need, resource and provider, the case, its units and person. */
export const deliveryLedgerInclude = {
  match: {
    select: {
      category: true,
      resource: { select: { name: true, kind: true, provider: { select: { name: true } } } },
      case: {
        select: {
          id: true,
          caseNo: true,
          owningUnit: { select: { name: true } },
          originUnit: { select: { name: true, parent: { select: { name: true } } } },
          person: { select: { name: true, phone: true, idNumberMasked: true } },
        },
      },
    },
  },
} satisfies Prisma.DeliveryInclude;

/** The ledger's order: oldest first, as entered. */
export const deliveryLedgerOrder: Prisma.DeliveryOrderByWithRelationInput[] = [
  { deliveredOn: 'asc' },
  { createdAt: 'asc' },
  { id: 'asc' },
];
