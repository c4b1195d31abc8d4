import type { Db } from '@guanai/db';
import type { SessionUser } from '../../auth/session.ts';
import type { TUnitKpis } from '../../routes/kpis/kpis.types.ts';
import { computeKpis } from './compute-kpis.ts';
import { findCenter } from './find-center.ts';

/** One center's KPIs for a month (the caller's own center by default). */
export async function centerKpis({
  db,
  user,
  unitId,
  period,
}: {
  db: Db;
  user: SessionUser;
  unitId: string | undefined;
  period: string;
}): Promise<TUnitKpis> {
  const unit = await findCenter({ db, user, unitId });
  return { unit, ...(await computeKpis(db, unit, period)) };
}
