import type { Prisma } from '@guanai/db';
import { projectInclude, toProjectDto } from '../../domain/projects/project-dto.ts';
import { publishedOffers } from '../../domain/resources/published-offers.ts';
import type { AppDeps } from '../../env.ts';
import { createRouter } from '../../openapi/router.ts';
import { contentRange } from '../../validation.ts';
import { listPublicOffers, listPublicProjects } from './projects.types.ts';

/** /api/public/projects and /offers, without a session: the published projects for donors, and the published offers. */
export function publicProjectRoutes(deps: AppDeps) {
  const { db } = deps;
  return (
    createRouter()
      /** Anyone: the published projects, by category and township. */
      .openapi(listPublicProjects, async (c) => {
        const { filter = {}, sort, range } = c.req.valid('query');
        const where: Prisma.ProjectWhereInput = {
          status: 'PUBLISHED',
          ...(filter.category ? { category: filter.category } : {}),
          ...(filter.townshipId ? { townshipId: filter.townshipId } : {}),
        };
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
        return c.json(rows.map(toProjectDto), 200);
      })
      /** Anyone: the published resources and campaigns. */
      .openapi(listPublicOffers, async (c) => c.json(await publishedOffers({ db }), 200))
  );
}
