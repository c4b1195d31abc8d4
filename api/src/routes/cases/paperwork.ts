import { casePaperwork } from '../../domain/cases/case-paperwork.ts';
import type { AppDeps } from '../../env.ts';
import { createRouter } from '../../openapi/router.ts';
import { getCasePaperwork } from './paperwork.types.ts';

/** Routes under /api/cases/{id}: what the printed paperwork (案件摘要 / 申请审批表, 方案) shows. */
export function casePaperworkRoutes(deps: AppDeps) {
  const { db } = deps;
  return (
    createRouter()
      /** Workers and managers who can see the case: its summary to print, every number masked; audited. */
      .openapi(getCasePaperwork, async (c) =>
        c.json(await casePaperwork({ db, user: c.get('user'), caseId: c.req.valid('param').id }), 200),
      )
  );
}
