import type { Db } from '@guanai/db';
import type { SessionUser } from '../../auth/session.ts';
import type { TKpiTrend } from '../../routes/kpis/kpis.types.ts';
import { computeKpisTable } from './compute-kpis.ts';
import { findCenter } from './find-center.ts';
import { monthsBetween } from './months-between.ts';

/** One center month by month, from `from` to `to` inclusive. */
export async function kpiTrend({
  db,
  user,
  unitId,
  from,
  to,
}: {
  db: Db;
  user: SessionUser;
  unitId: string | undefined;
  from: string;
  to: string;
}): Promise<TKpiTrend> {
  const unit = await findCenter({ db, user, unitId });
  const months = monthsBetween(from, to);
  return { unit, months: (await computeKpisTable(db, [unit], months))[0]! };
}
