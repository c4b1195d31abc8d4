import type { Db } from '@guanai/db';
import type { ResourceStatus } from '@guanai/workflows/vocabulary';
import type { SessionUser } from '../../auth/session.ts';
import { AppError } from '../../errors/app-error.ts';
import { assertKeepsResource } from './assert-keeps-resource.ts';
import { resourceInclude } from './resource-dto.ts';
import { findVisibleResource } from './visible-resources.ts';

/** Publishes, pauses or closes a resource the user keeps; a closed one stays closed. Live matches keep their places. */
export async function setResourceStatus({
  db,
  user,
  id,
  status,
}: {
  db: Db;
  user: SessionUser;
  id: string;
  status: ResourceStatus;
}) {
  const row = await findVisibleResource({ db, user, id });
  assertKeepsResource(user, row);
  if (row.status === 'CLOSED')
    throw new AppError('CONFLICT', { message: 'a closed resource stays closed', reason: 'CLOSED' });
  return db.resource.update({ where: { id: row.id }, data: { status }, include: resourceInclude });
}
