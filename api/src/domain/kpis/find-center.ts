import type { Db } from '@guanai/db';
import { within } from '../../auth/jurisdiction.ts';
import type { SessionUser } from '../../auth/session.ts';
import { notFound } from '../../errors/app-error.ts';

/** The center asked for (the caller's own by default), inside the caller's jurisdiction; else 404. */
export async function findCenter({ db, user, unitId }: { db: Db; user: SessionUser; unitId: string | undefined }) {
  const unit = await db.orgUnit.findUnique({
    where: { id: unitId ?? user.orgUnit.id },
    select: { id: true, name: true, level: true, path: true },
  });
  if (!unit || !within(user, unit.path)) throw notFound('org unit');
  return unit;
}
