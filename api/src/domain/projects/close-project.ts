import type { Db } from '@guanai/db';
import type { ProjectStatus } from '@guanai/workflows/vocabulary';
import type { SessionUser } from '../../auth/session.ts';
import { AppError } from '../../errors/app-error.ts';
import { findOwnedProject } from './owned-project.ts';
import { findVisibleProject } from './visible-projects.ts';

/** What the partners whose pledges were still pending are told when the center takes a project off. */
export const CLOSED_BY_CENTER_REASON: Record<Exclude<ProjectStatus, 'PUBLISHED'>, string> = {
  FUNDED: '需求已满足',
  WITHDRAWN: '项目已撤下',
};

/**
 * Takes a published project off the platform (funded or withdrawn), by the center that owns its case.
 * Its pending pledges are declined with the reason in the same statement, so none is left waiting.
 */
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
  const row = await findOwnedProject({ db, user, id });
  const [closed] = await db.$queryRaw<{ id: string }[]>`
    WITH closed AS (
      UPDATE project SET status = ${status}::"ProjectStatus", closed_reason = 'BY_CENTER', closed_at = now()
      WHERE id = ${row.id}::uuid AND status = 'PUBLISHED'
      RETURNING id
    ), declined AS (
      UPDATE project_response SET status = 'DECLINED', decline_reason = ${CLOSED_BY_CENTER_REASON[status]},
        decided_by_id = ${user.id}::uuid, decided_at = now()
      WHERE project_id IN (SELECT id FROM closed) AND status = 'PENDING'
    )
    SELECT id FROM closed`;
  if (!closed)
    throw new AppError('CONFLICT', { message: 'the project is no longer published', reason: 'NOT_PUBLISHED' });
  return findVisibleProject({ db, user, id: row.id });
}
