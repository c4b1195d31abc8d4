import type { Db, Prisma } from '@guanai/db';
import { visibleCases } from '../../auth/jurisdiction.ts';
import type { SessionUser } from '../../auth/session.ts';
import { notFound } from '../../errors/app-error.ts';
import { projectInclude } from './project-dto.ts';

/**
 * Staff see the projects of cases they can see; partners see every published project, and those they
 * have pledged to after they leave the platform (so a partner sees its pledge's answer to the end).
 */
export const visibleProjects = (user: SessionUser): Prisma.ProjectWhereInput =>
  user.role === 'PARTNER'
    ? { OR: [{ status: 'PUBLISHED' }, { responses: { some: { partnerId: user.partnerId ?? '' } } }] }
    : { case: visibleCases(user) };

/** The project, if the user sees it; else 404. */
export async function findVisibleProject({ db, user, id }: { db: Db; user: SessionUser; id: string }) {
  const row = await db.project.findFirst({ where: { id, ...visibleProjects(user) }, include: projectInclude });
  if (!row) throw notFound('project');
  return row;
}
