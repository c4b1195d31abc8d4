import { disclosureCsv } from '../../domain/disclosures/disclosure-csv.ts';
import { disclosureOfMonth } from '../../domain/disclosures/disclosure-of-month.ts';
import { publishedMonths } from '../../domain/disclosures/published-months.ts';
import type { AppDeps } from '../../env.ts';
import { createRouter } from '../../openapi/router.ts';
import { getDisclosure, getDisclosureCsv, listDisclosures } from './disclosures.types.ts';

/** /api/public/disclosures: §四(七) 过程信息公开, read by anyone without signing in: the published months, as published. */
export function publicDisclosureRoutes(deps: AppDeps) {
  const { db } = deps;
  return (
    createRouter()
      /** Every published month with its versions (corrections appear as versions, never as edits). */
      .openapi(listDisclosures, async (c) => c.json(await publishedMonths({ db }), 200))
      /** One month: the latest version (or ?version=n) in full, and the list of its versions. */
      .openapi(getDisclosure, async (c) => {
        const { period } = c.req.valid('param');
        return c.json(await disclosureOfMonth({ db, period, version: c.req.valid('query').version }), 200);
      })
      /** One month's rows as CSV (UTF-8 with BOM), as published. */
      .openapi(getDisclosureCsv, async (c) => {
        const { period } = c.req.valid('param');
        const { csv, filename } = await disclosureCsv({ db, period, version: c.req.valid('query').version });
        return c.body(csv, 200, {
          'Content-Type': 'text/csv; charset=utf-8',
          'Content-Disposition': `attachment; filename="${filename}"`,
        });
      })
  );
}
