import type { Db } from '@guanai/db';
import { within } from '../../auth/jurisdiction.ts';
import type { SessionUser } from '../../auth/session.ts';
import { AppError, notFound } from '../../errors/app-error.ts';
import type { MapFigure, THomeMap } from '../../routes/home/home.types.ts';

/** The figures the data can give: no population is held for any area, so no cases per 10,000 residents. */
export const MAP_FIGURES_AVAILABLE = ['open', 'overdueRate', 'resolutionRate'] as const satisfies MapFigure[];

interface AreaRow {
  id: string;
  code: string;
  name: string;
  open: number;
  open_tasks: number;
  overdue_tasks: number;
  closed: number;
  resolved: number;
}

/**
 * Per area (the districts of a subtree, or one district's townships), in one statement over per-unit
 * rows: open cases by their owning unit, open and overdue tasks from the SLA counters a trigger keeps
 * on task (plus what the SLA timers have not recorded yet, as the SLA overview reads them), and the
 * cases started in the area closed and resolved from the KPI counters (all months). Each unit's row is
 * added to the area whose path prefixes its own; its cost follows the open cases and the units.
 */
export const MAP_SQL = `
  WITH scope AS (
    SELECT id, path FROM org_unit WHERE starts_with(path, $1)
  ), area AS (
    SELECT id, code, name, path FROM org_unit
    WHERE starts_with(path, $1) AND level = $2::"OrgLevel" AND ($3::uuid IS NULL OR parent_id = $3::uuid)
  ), open_cases AS (
    SELECT c.owning_unit_id AS unit_id, count(*)::int AS n FROM "case" c
    WHERE c.status = 'OPEN' AND c.owning_unit_id IN (SELECT id FROM scope) GROUP BY c.owning_unit_id
  ), pending AS MATERIALIZED (
    SELECT * FROM sla_pending()
  ), per_unit AS (
    SELECT s.id, s.path, coalesce(oc.n, 0) AS open,
           coalesce(sc.open, 0) AS open_tasks, coalesce(sc.open_breached, 0) + coalesce(p.overdue, 0) AS overdue_tasks,
           coalesce(k.closed, 0) AS closed, coalesce(k.resolved, 0) AS resolved
    FROM scope s
    LEFT JOIN open_cases oc ON oc.unit_id = s.id
    LEFT JOIN unit_sla_count sc ON sc.unit_id = s.id
    LEFT JOIN pending p ON p.unit_id = s.id
    LEFT JOIN (SELECT unit_id, sum(closed)::int AS closed, sum(resolved)::int AS resolved FROM unit_kpi_count GROUP BY unit_id) k
      ON k.unit_id = s.id
  )
  SELECT a.id, a.code, a.name, sum(u.open)::int AS open, sum(u.open_tasks)::int AS open_tasks,
         sum(u.overdue_tasks)::int AS overdue_tasks, sum(u.closed)::int AS closed, sum(u.resolved)::int AS resolved
  FROM area a JOIN per_unit u ON starts_with(u.path, a.path)
  GROUP BY a.id, a.code, a.name
  ORDER BY a.code`;

const share = (part: number, whole: number) => (whole === 0 ? null : Math.round((part / whole) * 10_000) / 10_000);

/**
 * The map of the manager's jurisdiction: its districts (a district manager's own), or with `district`
 * (its id or division code) that district's townships, each with the chosen figure.
 */
export async function homeMap({
  db,
  user,
  figure,
  district,
}: {
  db: Db;
  user: SessionUser;
  figure: MapFigure;
  district: string | undefined;
}): Promise<THomeMap> {
  if (!(MAP_FIGURES_AVAILABLE as readonly string[]).includes(figure))
    throw new AppError('VALIDATION', {
      field: 'figure',
      message:
        'cases per 10,000 residents needs each district’s population, which the data does not hold; choose open, overdueRate or resolutionRate',
    });
  const parent = district
    ? await db.orgUnit.findFirst({
        where: /^\d{12}$/.test(district) ? { code: district } : { id: district },
        select: { id: true, code: true, name: true, level: true, path: true },
      })
    : null;
  if (district && (!parent || !within(user, parent.path))) throw notFound('district');
  if (parent && parent.level !== 'DISTRICT')
    throw new AppError('VALIDATION', { field: 'district', message: `must be a district; ${parent.name} is not` });
  const rows = await db.$queryRawUnsafe<AreaRow[]>(
    MAP_SQL,
    parent?.path ?? user.orgUnit.path,
    parent ? 'TOWNSHIP' : 'DISTRICT',
    parent?.id ?? null,
  );
  return {
    figure,
    level: parent ? 'TOWNSHIP' : 'DISTRICT',
    district: parent ? { id: parent.id, code: parent.code, name: parent.name } : null,
    figures: [...MAP_FIGURES_AVAILABLE],
    populationAvailable: false,
    areas: rows.map((row) => {
      const overdueRate = share(row.overdue_tasks, row.open_tasks);
      const resolutionRate = share(row.resolved, row.closed);
      const values = { open: row.open, overdueRate, resolutionRate, per10k: null };
      return {
        id: row.id,
        code: row.code,
        name: row.name,
        open: row.open,
        openTasks: row.open_tasks,
        overdueTasks: row.overdue_tasks,
        overdueRate,
        closed: row.closed,
        resolved: row.resolved,
        resolutionRate,
        value: values[figure],
        link: { to: 'cases', filter: { status: 'OPEN', unitId: row.id } },
      };
    }),
  };
}
