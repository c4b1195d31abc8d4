import { centerKpis } from '../../domain/kpis/center-kpis.ts';
import { compareCenters } from '../../domain/kpis/compare-centers.ts';
import { kpiTrendCsv } from '../../domain/kpis/kpi-trend-csv.ts';
import { kpiTrend } from '../../domain/kpis/kpi-trend.ts';
import type { AppDeps } from '../../env.ts';
import { createRouter } from '../../openapi/router.ts';
import { compareKpis, exportKpis, getKpis, getKpiTrend } from './kpis.types.ts';

/** Routes under /api/kpis: 绩效综合评价 (§四(八)), the centers' KPIs for supervisors and managers. */
export function kpiRoutes(deps: AppDeps) {
  const { db } = deps;
  return (
    createRouter()
      /** Supervisors and managers: one center's KPIs for a month. */
      .openapi(getKpis, async (c) => {
        const { unitId, period } = c.req.valid('query');
        return c.json(await centerKpis({ db, user: c.get('user'), unitId, period }), 200);
      })
      /** The centers below one (a district's townships, the city's districts), side by side for a month. */
      .openapi(compareKpis, async (c) => {
        const { unitId, period } = c.req.valid('query');
        return c.json(await compareCenters({ db, user: c.get('user'), unitId, period }), 200);
      })
      /** One center month by month. */
      .openapi(getKpiTrend, async (c) => {
        const { unitId, from, to } = c.req.valid('query');
        return c.json(await kpiTrend({ db, user: c.get('user'), unitId, from, to }), 200);
      })
      /** The trend as CSV (UTF-8 with BOM). */
      .openapi(exportKpis, async (c) => {
        const { unitId, from, to } = c.req.valid('query');
        const csv = await kpiTrendCsv({ db, user: c.get('user'), unitId, from, to });
        return c.body(csv, 200, {
          'Content-Type': 'text/csv; charset=utf-8',
          'Content-Disposition': `attachment; filename="kpis-${from}-${to}.csv"`,
        });
      })
  );
}
