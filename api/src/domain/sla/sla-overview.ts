import { Prisma, type Db } from '@guanai/db';
import { ORG_LEVELS, type OrgLevel } from '@guanai/workflows/vocabulary';
import type { SessionUser } from '../../auth/session.ts';
import type { TSlaOverview } from '../../routes/sla/sla.types.ts';

interface UnitRow {
  unit_id: string;
  name: string;
  level: string;
  open: number;
  warned: number;
  overdue: number;
  breached: number;
  total: number;
}

/**
 * SLA state of the units in the user's subtree (open tasks; warned, i.e. past the warning point the
 * SLA policy sets and not yet due; overdue; breach rate of all tasks), per unit and per tier. It
 * reads the per-unit counters a trigger keeps on task, plus what the workflows' SLA timers have not
 * recorded yet (by the clock; normally nothing), so its cost follows the number of units, not of tasks.
 */
export async function slaOverview({
  db,
  user,
  level,
}: {
  db: Db;
  user: SessionUser;
  level: OrgLevel | undefined;
}): Promise<TSlaOverview> {
  const rows = await db.$queryRaw<UnitRow[]>`
        SELECT u.id AS unit_id, u.name, u.level::text AS level, s.open,
               (s.open_warned - coalesce(l.overdue_warned, 0) + coalesce(l.warned, 0))::int AS warned,
               (s.open_breached + coalesce(l.overdue, 0))::int AS overdue,
               s.breached, s.total
        FROM org_unit u JOIN unit_sla_count s ON s.unit_id = u.id LEFT JOIN sla_pending() l ON l.unit_id = u.id
        WHERE u.path LIKE ${`${user.orgUnit.path}%`} AND s.total > 0
          ${level ? Prisma.sql`AND u.level = ${level}::"OrgLevel"` : Prisma.empty}
        ORDER BY overdue DESC, s.open DESC, u.name`;
  const units = rows.map((r) => ({
    id: r.unit_id,
    name: r.name,
    level: r.level as OrgLevel,
    open: r.open,
    warned: r.warned,
    overdue: r.overdue,
    breachRate: r.total ? r.breached / r.total : 0,
  }));
  const tiers = ORG_LEVELS.map((tier) => {
    const of = rows.filter((r) => r.level === tier);
    const sum = (k: keyof UnitRow) => of.reduce((acc, r) => acc + Number(r[k]), 0);
    const total = sum('total');
    return {
      level: tier,
      open: sum('open'),
      warned: sum('warned'),
      overdue: sum('overdue'),
      breachRate: total ? sum('breached') / total : 0,
    };
  });
  return { units, tiers };
}
