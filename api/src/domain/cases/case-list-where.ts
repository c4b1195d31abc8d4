import type { Db, Prisma } from '@guanai/db';
import { isOutsider, visibleCases } from '../../auth/jurisdiction.ts';
import type { SessionUser } from '../../auth/session.ts';
import type { TCaseListFilter } from '../../routes/cases/cases.types.ts';

/** The machine context's last escalation outcome (data.escalations[-1].outcome), as a JSON path. */
export const LAST_ESCALATION_OUTCOME = ['escalations', '-1', 'outcome'];

/**
 * visibleCases with the subtree's units listed: below the city, "owned by or started in one of these
 * units" is read through the indexes on owning_unit_id and origin_unit_id (a bitmap OR), where the
 * prefix match on the units' paths made PostgreSQL read every case. The city sees every case.
 */
async function visibleCasesByIds(db: Db, user: SessionUser): Promise<Prisma.CaseWhereInput> {
  if (isOutsider(user) || user.orgUnit.level === 'CITY') return visibleCases(user);
  const units = await db.orgUnit.findMany({ where: { path: { startsWith: user.orgUnit.path } }, select: { id: true } });
  const ids = units.map((unit) => unit.id);
  return { OR: [{ owningUnitId: { in: ids } }, { originUnitId: { in: ids } }] };
}

/**
 * The cases of a case-list filter, inside the user's jurisdiction. The home pages count with the same
 * condition, so that each number on a home page is the total of the list its link opens.
 */
export async function caseListWhere(
  db: Db,
  user: SessionUser,
  filter: TCaseListFilter,
): Promise<Prisma.CaseWhereInput> {
  // A unit's subtree is a prefix of paths; a unit unknown (or outside my subtree) leaves nothing to see.
  const unitPath = filter.unitId
    ? ((await db.orgUnit.findUnique({ where: { id: filter.unitId }, select: { path: true } }))?.path ?? null)
    : undefined;
  return {
    AND: [
      await visibleCasesByIds(db, user),
      filter.q ? { OR: [{ caseNo: { contains: filter.q } }, { person: { name: { contains: filter.q } } }] } : {},
      filter.tier ? { owningUnit: { level: filter.tier } } : {},
      unitPath === undefined
        ? {}
        : unitPath === null
          ? { id: { in: [] } }
          : { owningUnit: { path: { startsWith: unitPath } } },
      filter.returned ? { data: { path: LAST_ESCALATION_OUTCOME, equals: 'RETURNED' } } : {},
    ],
    ...(filter.state ? { state: filter.state } : {}),
    ...(filter.status ? { status: filter.status } : {}),
    ...(filter.emergency !== undefined ? { emergency: filter.emergency } : {}),
    ...(filter.id ? { id: { in: filter.id } } : {}),
    ...(filter.communityId ? { originUnitId: filter.communityId } : {}),
    ...(filter.changedSince ? { updatedAt: { gt: new Date(filter.changedSince) } } : {}),
  };
}
