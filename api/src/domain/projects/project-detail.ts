import type { Db } from '@guanai/db';
import type { SessionUser } from '../../auth/session.ts';
import type { TProjectDetail } from '../../routes/projects/projects.types.ts';
import { pledgeInclude, toPledgeDtos } from './pledge-dto.ts';
import { toProjectDto } from './project-dto.ts';
import { findVisibleProject } from './visible-projects.ts';

/**
 * The project, with the partners' pledges (认捐): all of them for staff (and its case), its own for a
 * partner, each with the center's answer (status, the reason of a decline, the match of an acceptance).
 */
export async function projectDetail({
  db,
  user,
  id,
}: {
  db: Db;
  user: SessionUser;
  id: string;
}): Promise<TProjectDetail> {
  const row = await findVisibleProject({ db, user, id });
  const pledges = await db.projectResponse.findMany({
    where: { projectId: row.id, ...(user.role === 'PARTNER' ? { partnerId: user.partnerId ?? '' } : {}) },
    include: pledgeInclude,
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
  });
  return {
    ...toProjectDto(row),
    ...(user.role === 'PARTNER' ? {} : { caseId: row.caseId, needIndex: row.needIndex }),
    responseList: await toPledgeDtos(db, pledges),
  };
}
