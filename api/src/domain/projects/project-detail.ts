import type { Db } from '@guanai/db';
import type { SessionUser } from '../../auth/session.ts';
import type { TProjectDetail } from '../../routes/projects/projects.types.ts';
import { toProjectDto } from './project-dto.ts';
import { findVisibleProject } from './visible-projects.ts';

/** The project, with the partners' responses: all of them for staff (and its case), its own for a partner. */
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
  const responses = await db.projectResponse.findMany({
    where: { projectId: row.id, ...(user.role === 'PARTNER' ? { partnerId: user.partnerId ?? '' } : {}) },
    include: { partner: { select: { name: true } } },
    orderBy: { createdAt: 'asc' },
  });
  return {
    ...toProjectDto(row),
    ...(user.role === 'PARTNER' ? {} : { caseId: row.caseId, needIndex: row.needIndex }),
    responseList: responses.map((r) => ({
      id: r.id,
      partnerName: r.partner.name,
      message: r.message,
      amount: r.amount === null ? null : Number(r.amount),
      resourceId: r.resourceId,
      createdAt: r.createdAt.toISOString(),
    })),
  };
}
