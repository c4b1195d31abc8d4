import { addSupervisionScore } from '../../domain/kpis/add-supervision-score.ts';
import type { AppDeps } from '../../env.ts';
import { createRouter } from '../../openapi/router.ts';
import { addSupervisionScore as addSupervisionScoreRoute } from './supervision-scores.types.ts';

/** Routes under /api/supervision-scores: the administering department's scores (督导评分, §四(八)). */
export function supervisionScoreRoutes(deps: AppDeps) {
  /** Managers: a supervision score for a center or a purchased-service contract in their jurisdiction. */
  return createRouter().openapi(addSupervisionScoreRoute, async (c) =>
    c.json(await addSupervisionScore({ db: deps.db, user: c.get('user'), body: c.req.valid('json') }), 201),
  );
}
