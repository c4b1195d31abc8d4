import type { Prisma } from '@guanai/db';
import { acceptPledge } from '../../domain/projects/accept-pledge.ts';
import { closeProject } from '../../domain/projects/close-project.ts';
import { declinePledge } from '../../domain/projects/decline-pledge.ts';
import { projectDetail } from '../../domain/projects/project-detail.ts';
import { projectInclude, toProjectDto } from '../../domain/projects/project-dto.ts';
import { publishProject } from '../../domain/projects/publish-project.ts';
import { respondToProject } from '../../domain/projects/respond-to-project.ts';
import { visibleProjects } from '../../domain/projects/visible-projects.ts';
import type { AppDeps } from '../../env.ts';
import { createRouter } from '../../openapi/router.ts';
import { contentRange } from '../../validation.ts';
import {
  acceptPledge as acceptPledgeRoute,
  closeProject as closeProjectRoute,
  declinePledge as declinePledgeRoute,
  getProject,
  listProjects,
  publishProject as publishProjectRoute,
  respondToProject as respondToProjectRoute,
  type TStaffProject,
} from './projects.types.ts';

/** Routes under /api/projects: the project publishing platform (援助项目发布平台, §四(六)). */
export function projectRoutes(deps: AppDeps) {
  const { db } = deps;
  return (
    createRouter()
      /** Staff: the projects of cases they can see, with their case and need; partners: every published project. */
      .openapi(listProjects, async (c) => {
        const { filter = {}, sort, range } = c.req.valid('query');
        const where: Prisma.ProjectWhereInput = { AND: [visibleProjects(c.get('user')), filter] };
        const [rows, total] = await Promise.all([
          db.project.findMany({
            where,
            include: projectInclude,
            orderBy: [{ [sort[0]]: sort[1].toLowerCase() }, { id: 'asc' }],
            skip: range[0],
            take: range[1] - range[0] + 1,
          }),
          db.project.count({ where }),
        ]);
        c.header('Content-Range', contentRange('projects', range, rows.length, total));
        const staff = c.get('user').role !== 'PARTNER';
        return c.json(
          rows.map((row): TStaffProject => ({
            ...toProjectDto(row),
            ...(staff ? { caseId: row.caseId, needIndex: row.needIndex } : {}),
          })),
          200,
        );
      })
      /** The project, with the partners' responses: all of them for staff, its own for a partner. */
      .openapi(getProject, async (c) =>
        c.json(await projectDetail({ db, user: c.get('user'), id: c.req.valid('param').id }), 200),
      )
      /**
       * Caseworkers and supervisors of the owning center: publishes one need of a case, anonymised.
       * Text that names the person (name, phone, identity number, address) is refused.
       */
      .openapi(publishProjectRoute, async (c) => {
        const project = await publishProject({ db, keys: deps.keys, user: c.get('user'), body: c.req.valid('json') });
        return c.json(toProjectDto(project), 201);
      })
      /** Caseworkers and supervisors of the owning center: takes a project off the platform (funded or withdrawn). */
      .openapi(closeProjectRoute, async (c) => {
        const { status } = c.req.valid('json');
        const row = await closeProject({ db, user: c.get('user'), id: c.req.valid('param').id, status });
        return c.json(toProjectDto(row), 200);
      })
      /** Partners: pledges money, goods, places or hours to a published project from one of their resources (认捐). */
      .openapi(respondToProjectRoute, async (c) => {
        const created = await respondToProject({
          db,
          user: c.get('user'),
          projectId: c.req.valid('param').id,
          body: c.req.valid('json'),
        });
        return c.json(created, 201);
      })
      /**
       * Caseworkers and supervisors of the owning center: accepts a pledge, proposing a match from its
       * resource with the capacity held (as POST /api/cases/:id/matches); again answers the same.
       */
      .openapi(acceptPledgeRoute, async (c) => {
        const { id, responseId } = c.req.valid('param');
        return c.json(await acceptPledge({ db, user: c.get('user'), projectId: id, pledgeId: responseId }), 200);
      })
      /** Caseworkers and supervisors of the owning center: declines a pending pledge with a reason its partner sees. */
      .openapi(declinePledgeRoute, async (c) => {
        const { id, responseId } = c.req.valid('param');
        const { reason } = c.req.valid('json');
        return c.json(
          await declinePledge({ db, user: c.get('user'), projectId: id, pledgeId: responseId, reason }),
          200,
        );
      })
  );
}
