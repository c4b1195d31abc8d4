import type { Db } from '@guanai/db';
import { within } from '../../auth/jurisdiction.ts';
import type { SessionUser } from '../../auth/session.ts';
import { AppError } from '../../errors/app-error.ts';
import { findVisibleProject } from './visible-projects.ts';

/**
 * The project, if the user sees it (else 404) and their center owns its case (else 403): the owning
 * center decides on its projects (closes them, accepts or declines pledges), as it matches its cases.
 */
export async function findOwnedProject({ db, user, id }: { db: Db; user: SessionUser; id: string }) {
  const row = await findVisibleProject({ db, user, id });
  const owning = await db.case.findUniqueOrThrow({
    where: { id: row.caseId },
    select: { owningUnit: { select: { path: true } } },
  });
  if (!within(user, owning.owningUnit.path))
    throw new AppError('FORBIDDEN', { message: 'the center that owns the case decides on its projects' });
  return row;
}
