import { getCaseEligibility } from '../../domain/eligibility/case-eligibility.ts';
import { getStandard, listStandards } from '../../domain/eligibility/list-standards.ts';
import { deleteStandard, saveStandard } from '../../domain/eligibility/save-standard.ts';
import type { AppDeps } from '../../env.ts';
import { createRouter } from '../../openapi/router.ts';
import { contentRange } from '../../validation.ts';
import {
  createStandard as createStandardRoute,
  deleteStandard as deleteStandardRoute,
  getCaseEligibility as getCaseEligibilityRoute,
  getStandard as getStandardRoute,
  listStandards as listStandardsRoute,
  updateStandard as updateStandardRoute,
} from './eligibility.types.ts';

/** Routes under /api/eligibility: the schemes' standards (救助标准), as data. */
export function eligibilityRoutes(deps: AppDeps) {
  const { db } = deps;
  return (
    createRouter()
      /** Any signed-in user: the standards, latest first. */
      .openapi(listStandardsRoute, async (c) => {
        const { filter, sort, range } = c.req.valid('query');
        const { rows, total } = await listStandards({ db, filter, sort, range });
        c.header('Content-Range', contentRange('eligibility/standards', range, rows.length, total));
        return c.json(rows, 200);
      })
      /** Any signed-in user: one standard. */
      .openapi(getStandardRoute, async (c) => c.json(await getStandard({ db, id: c.req.valid('param').id }), 200))
      /** Admins: adds a standard with its 文号 and effective date. */
      .openapi(createStandardRoute, async (c) =>
        c.json(await saveStandard({ db, user: c.get('user'), body: c.req.valid('json') }), 201),
      )
      /** Admins: corrects a standard not yet in force (409 once in force). */
      .openapi(updateStandardRoute, async (c) =>
        c.json(
          await saveStandard({ db, user: c.get('user'), id: c.req.valid('param').id, body: c.req.valid('json') }),
          200,
        ),
      )
      /** Admins: removes a standard not yet in force (409 once in force). */
      .openapi(deleteStandardRoute, async (c) => c.json(await deleteStandard({ db, id: c.req.valid('param').id }), 200))
  );
}

/** Routes under /api/cases/{id}: the household's eligibility now, and the case's referrals. */
export function caseEligibilityRoutes(deps: AppDeps) {
  return (
    createRouter()
      /** Workers and managers who can see the case: suggestions per scheme with reasons, and each referral's outcome. */
      .openapi(getCaseEligibilityRoute, async (c) =>
        c.json(await getCaseEligibility({ db: deps.db, user: c.get('user'), caseId: c.req.valid('param').id }), 200),
      )
  );
}
