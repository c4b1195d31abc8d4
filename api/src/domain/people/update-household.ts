import type { Db } from '@guanai/db';
import type { SessionUser } from '../../auth/session.ts';
import { notFound } from '../../errors/app-error.ts';
import type { THousehold, TUpdateHousehold } from '../../routes/households/households.types.ts';

/** A household's address and income (matching reads the income per head), inside the caller's jurisdiction. */
export async function updateHousehold({
  db,
  user,
  id,
  changes: { address, monthlyIncome, assets, hasSupporter },
}: {
  db: Db;
  user: SessionUser;
  id: string;
  changes: TUpdateHousehold;
}): Promise<THousehold> {
  const found = await db.household.findFirst({
    where: { id, community: { path: { startsWith: user.orgUnit.path } } },
    select: { id: true },
  });
  if (!found) throw notFound('household');
  const row = await db.household.update({
    where: { id },
    data: {
      ...(address !== undefined ? { address: address || null } : {}),
      ...(monthlyIncome !== undefined ? { monthlyIncome } : {}),
      ...(assets !== undefined ? { assets } : {}),
      ...(hasSupporter !== undefined ? { hasSupporter } : {}),
    },
    include: { _count: { select: { members: { where: { mergedIntoId: null } } } } },
  });
  return {
    id: row.id,
    address: row.address,
    monthlyIncome: row.monthlyIncome === null ? null : Number(row.monthlyIncome),
    members: row._count.members,
    assets: row.assets === null ? null : Number(row.assets),
    hasSupporter: row.hasSupporter,
  };
}
