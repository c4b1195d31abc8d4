import type { Db } from '@guanai/db';
import type { ProjectStatus } from '@guanai/workflows/vocabulary';
import { within } from '../../auth/jurisdiction.ts';
import type { SessionUser } from '../../auth/session.ts';
import { AppError } from '../../errors/app-error.ts';
import { findVisibleProject } from './visible-projects.ts';

/** Takes a published project off the platform (funded or withdrawn), by the center that owns its case. */
export async function closeProject({
  db,
  user,
  id,
  status,
}: {
  db: Db;
  user: SessionUser;
  id: string;
  status: Exclude<ProjectStatus, 'PUBLISHED'>;
}) {
  const row = await findVisibleProject({ db, user, id });
  const owning = await db.case.findUniqueOrThrow({
    where: { id: (await db.project.findUniqueOrThrow({ where: { id: row.id } })).caseId },
    select: { owningUnit: { select: { path: true } } },
  });
  if (!within(user, owning.owningUnit.path))
    throw new AppError('FORBIDDEN', { message: 'the center that owns the case closes its projects' });
  const closed = await db.project.updateMany({ where: { id: row.id, status: 'PUBLISHED' }, data: { status } });
  if (closed.count === 0)
    throw new AppError('CONFLICT', { message: 'the project is no longer published', reason: 'NOT_PUBLISHED' });
  return findVisibleProject({ db, user, id: row.id });
}
