import { Hono } from 'hono';
import { z } from 'zod';
import { Prisma } from '@guanai/db';
import {
  BREACH_EFFECTS,
  CALENDAR_DAY_KINDS,
  DURATION_UNITS,
  ORG_LEVELS,
  TASK_KINDS,
} from '@guanai/workflows/vocabulary';
import type { AppDeps, AppEnv } from '../../env.ts';
import { notFound } from '../../errors/app-error.ts';
import { validate } from '../../validation.ts';

/** react-admin sends the whole record back; the read-only fields are dropped, anything else is refused. */
const withoutReadOnly = (body: unknown) => {
  if (!body || typeof body !== 'object') return body;
  const { id: _id, taskKind: _kind, updatedAt: _at, updatedById: _by, ...rest } = body as Record<string, unknown>;
  return rest;
};

const ZPolicyBody = z.preprocess(
  withoutReadOnly,
  z
    .object({
      normal: z.number().positive().max(10_000),
      emergency: z.number().positive().max(10_000),
      unit: z.enum(DURATION_UNITS),
      warnAt: z.number().gt(0).lt(1),
      onBreach: z.enum(BREACH_EFFECTS),
    })
    .strict()
    .refine((p) => p.emergency <= p.normal, {
      path: ['emergency'],
      message: 'an emergency duration may not be longer than the normal one',
    }),
);

const ZCalendarBody = z.preprocess(
  (body) =>
    body && typeof body === 'object' ? (({ id: _id, ...rest }) => rest)(body as Record<string, unknown>) : body,
  z
    .object({
      date: z.iso.date('must be a date YYYY-MM-DD'),
      kind: z.enum(CALENDAR_DAY_KINDS),
      name: z.string().trim().min(1).max(50),
    })
    .strict(),
);
const ZOverviewQuery = z.object({ level: z.enum(ORG_LEVELS).optional() }).strict();

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

export function slaRoutes(deps: AppDeps) {
  return (
    new Hono<AppEnv>()
      /** Any signed-in user: the SLA policy in force. */
      .get('/policies', async (c) => {
        const rows = await deps.db.slaPolicy.findMany({ orderBy: { taskKind: 'asc' } });
        c.header('Content-Range', `sla-policies 0-${Math.max(rows.length - 1, 0)}/${rows.length}`);
        return c.json(
          rows.map(({ taskKind, updatedAt, ...rule }) => ({
            id: taskKind,
            taskKind,
            ...rule,
            updatedAt: updatedAt.toISOString(),
          })),
        );
      })
      /** Admin: changes one task kind's SLA; new cases take it, running cases keep the policy they started with. */
      .put(
        '/policies/:kind',
        validate('param', z.object({ kind: z.enum(TASK_KINDS) })),
        validate('json', ZPolicyBody),
        async (c) => {
          const user = c.get('user');
          const { kind } = c.req.valid('param');
          const rule = c.req.valid('json');
          const row = await deps.db.slaPolicy.upsert({
            where: { taskKind: kind },
            update: { ...rule, updatedById: user.id },
            create: { taskKind: kind, ...rule, updatedById: user.id },
          });
          return c.json({ id: row.taskKind, ...rule });
        },
      )
      /** Any signed-in user: the working-day calendar (holidays and 调休 workdays). */
      .get('/calendar', async (c) => {
        const rows = await deps.db.calendarDay.findMany({ orderBy: { date: 'asc' } });
        c.header('Content-Range', `calendar 0-${Math.max(rows.length - 1, 0)}/${rows.length}`);
        return c.json(
          rows.map((d) => ({
            id: d.date.toISOString().slice(0, 10),
            date: d.date.toISOString().slice(0, 10),
            kind: d.kind,
            name: d.name,
          })),
        );
      })
      /** Admin: adds or changes a calendar day (POST from the admin's create form, PUT to upsert). */
      .post('/calendar', validate('json', ZCalendarBody), async (c) => {
        const { date, kind, name } = c.req.valid('json');
        await deps.db.calendarDay.upsert({
          where: { date: new Date(`${date}T00:00:00Z`) },
          update: { kind, name },
          create: { date: new Date(`${date}T00:00:00Z`), kind, name },
        });
        return c.json({ id: date, date, kind, name }, 201);
      })
      /** Admin: adds or changes a calendar day. */
      .put('/calendar', validate('json', ZCalendarBody), async (c) => {
        const { date, kind, name } = c.req.valid('json');
        await deps.db.calendarDay.upsert({
          where: { date: new Date(`${date}T00:00:00Z`) },
          update: { kind, name },
          create: { date: new Date(`${date}T00:00:00Z`), kind, name },
        });
        return c.json({ id: date, date, kind, name });
      })
      /** Admin: removes a calendar day (it becomes an ordinary weekday or weekend day). */
      .delete(
        '/calendar/:date',
        validate('param', z.object({ date: z.iso.date('must be a date YYYY-MM-DD') })),
        async (c) => {
          const { count } = await deps.db.calendarDay.deleteMany({
            where: { date: new Date(`${c.req.valid('param').date}T00:00:00Z`) },
          });
          if (count === 0) throw notFound('calendar day');
          return c.body(null, 204);
        },
      )
      /**
       * Supervisors and managers: SLA state of the units in their subtree (open tasks; warned, i.e.
       * past the warning point the SLA policy sets and not yet due; overdue; breach rate of all
       * tasks), per unit and per tier. It reads the per-unit counters a trigger keeps on task, plus
       * what the workflows' SLA timers have not recorded yet (by the clock; normally nothing), so its
       * cost follows the number of units, not of tasks.
       */
      .get('/overview', validate('query', ZOverviewQuery), async (c) => {
        const user = c.get('user');
        const { level } = c.req.valid('query');
        const rows = await deps.db.$queryRaw<UnitRow[]>`
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
          level: r.level,
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
        return c.json({ units, tiers });
      })
  );
}
