import type { Db } from '@guanai/db';
import { ORG_LEVELS, type OrgLevel } from '@guanai/workflows/vocabulary';
import type { SessionUser } from '../../auth/session.ts';
import type { TManagerHome } from '../../routes/home/home.types.ts';
import { computeKpisTable } from '../kpis/compute-kpis.ts';
import { slaOverview } from '../sla/sla-overview.ts';
import { beijingMonths } from './end-of-beijing-day.ts';

interface OpenRow {
  state: string;
  tier: OrgLevel;
  n: number;
}

/**
 * The open cases I can see (owned by, or started in, a unit of my subtree: the case list's
 * jurisdiction) by state and by the tier of the owning unit. The subtree's units are listed first so
 * that a district's cases are found through the indexes on owning and origin unit (a bitmap OR).
 */
export const OPEN_BY_STATE_AND_TIER_SQL = `
  SELECT c.state, o.level::text AS tier, count(*)::int AS n
  FROM "case" c JOIN org_unit o ON o.id = c.owning_unit_id
  WHERE c.status = 'OPEN'
    AND (c.owning_unit_id = ANY(ARRAY(SELECT id FROM org_unit WHERE starts_with(path, $1)))
         OR c.origin_unit_id = ANY(ARRAY(SELECT id FROM org_unit WHERE starts_with(path, $1))))
  GROUP BY c.state, o.level
  ORDER BY o.level, c.state`;

/**
 * A manager's view of the city (or district): open cases by state and tier, SLA warned and overdue by
 * tier (the SLA overview's counters), this month's KPIs with last month's beside them (the KPI
 * counters, compute-kpis.ts). An admin gets the same view of the city.
 */
export async function managerHome({ db, user, now }: { db: Db; user: SessionUser; now: Date }): Promise<TManagerHome> {
  const months = beijingMonths(now);
  const [open, sla, kpis] = await Promise.all([
    db.$queryRawUnsafe<OpenRow[]>(OPEN_BY_STATE_AND_TIER_SQL, user.orgUnit.path),
    slaOverview({ db, user, level: undefined }),
    computeKpisTable(db, [user.orgUnit], [months.current, months.previous]),
  ]);
  const [current, previous] = kpis[0]!;
  return {
    kind: 'manager',
    unit: { id: user.orgUnit.id, name: user.orgUnit.name, level: user.orgUnit.level },
    openCases: open.map((row) => ({
      state: row.state,
      tier: row.tier,
      value: row.n,
      link: { to: 'cases', filter: { status: 'OPEN', state: row.state, tier: row.tier } },
    })),
    openTotal: {
      value: open.reduce((sum, row) => sum + row.n, 0),
      link: { to: 'cases', filter: { status: 'OPEN' } },
    },
    sla: ORG_LEVELS.filter((tier) => tier !== 'COMMUNITY' || sla.tiers.some((t) => t.level === tier && t.open > 0)).map(
      (tier) => {
        const row = sla.tiers.find((t) => t.level === tier)!;
        return {
          tier,
          open: row.open,
          warned: { value: row.warned, link: { to: 'tasks', filter: { scope: 'unit', tier, warned: true } } },
          overdue: { value: row.overdue, link: { to: 'tasks', filter: { scope: 'unit', tier, overdue: true } } },
        };
      },
    ),
    kpis: { current: current!, previous: previous! },
  };
}
