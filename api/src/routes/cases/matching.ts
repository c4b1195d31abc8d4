import { randomUUID } from 'node:crypto';
import { getCaseMatching } from '../../domain/matching/get-case-matching.ts';
import { proposeMatch } from '../../domain/matching/propose-match.ts';
import type { AppDeps } from '../../env.ts';
import { createRouter } from '../../openapi/router.ts';
import { keyedId } from '../../request/idempotency.ts';
import { getCaseMatching as getCaseMatchingRoute, proposeMatch as proposeMatchRoute } from './matching.types.ts';

/** Routes under /api/cases/{id}: the ranked candidates of each need, and proposing a match (§四(六)). */
export function caseMatchingRoutes(deps: AppDeps) {
  const { db } = deps;
  return (
    createRouter()
      /** Caseworkers and supervisors of the owning center: each need with its ranked candidates and the excluded, with reasons. */
      .openapi(getCaseMatchingRoute, async (c) => {
        const matching = await getCaseMatching({ db, user: c.get('user'), caseId: c.req.valid('param').id });
        return c.json(matching, 200);
      })
      /**
       * Caseworkers and supervisors of the owning center, while the case is in matching or delivery:
       * proposes a ranked candidate for a need, holding its places and amount at once.
       */
      .openapi(proposeMatchRoute, async (c) => {
        const match = await proposeMatch({
          db,
          user: c.get('user'),
          caseId: c.req.valid('param').id,
          matchId: keyedId(c, 'match') ?? randomUUID(),
          input: c.req.valid('json'),
        });
        return c.json(match, 201);
      })
  );
}
