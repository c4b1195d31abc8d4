import type { Db } from '@guanai/db';
import { subtree } from '../../auth/jurisdiction.ts';
import type { SessionUser } from '../../auth/session.ts';
import { notFound } from '../../errors/app-error.ts';
import { applicationInclude, type ApplicationRow } from './application-dto.ts';

/** An application of a community in the user's subtree; 404 otherwise (whether or not it exists). */
export async function findVisibleApplication(db: Db, user: SessionUser, id: string): Promise<ApplicationRow> {
  const row = await db.application.findFirst({ where: { id, community: subtree(user) }, include: applicationInclude });
  if (!row) throw notFound('application');
  return row;
}
