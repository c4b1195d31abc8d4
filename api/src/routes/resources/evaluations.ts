import { addSelfReport } from '../../domain/resources/add-self-report.ts';
import { resourceEvaluations } from '../../domain/resources/resource-evaluations.ts';
import type { AppDeps } from '../../env.ts';
import { createRouter } from '../../openapi/router.ts';
import { addSelfReport as addSelfReportRoute, getResourceEvaluations } from './evaluations.types.ts';

/** /api/resources/{id}/self-reports and /evaluations: a resource's evaluation (绩效综合评价, §四(八)). */
export function resourceEvaluationRoutes(deps: AppDeps) {
  const { db } = deps;
  return (
    createRouter()
      /** Partners: their self-report on one of their resources for a month, once. */
      .openapi(addSelfReportRoute, async (c) => {
        const created = await addSelfReport({
          db,
          user: c.get('user'),
          resourceId: c.req.valid('param').id,
          body: c.req.valid('json'),
        });
        return c.json(created, 201);
      })
      /** Supervisors, managers and admins over its coverage: what a resource's organisation reports and what the department found. */
      .openapi(getResourceEvaluations, async (c) =>
        c.json(await resourceEvaluations({ db, user: c.get('user'), resourceId: c.req.valid('param').id }), 200),
      )
  );
}
