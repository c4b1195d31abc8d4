import type { Db } from '@guanai/db';
import { visibleCases } from '../../auth/jurisdiction.ts';
import type { SessionUser } from '../../auth/session.ts';
import { notFound } from '../../errors/app-error.ts';
import { caseInclude } from './case-dto.ts';

/** A case the user can see (owned by, or started in, a unit of their subtree), or 404. */
export async function findVisibleCase(db: Db, user: SessionUser, id: string) {
  const row = await db.case.findFirst({ where: { id, ...visibleCases(user) }, include: caseInclude });
  if (!row) throw notFound(`case ${id}`);
  return row;
}
