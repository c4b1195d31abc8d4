import type { TaskKind } from '@guanai/workflows/vocabulary';
import { removeCalendarDay } from '../../domain/sla/remove-calendar-day.ts';
import { saveCalendarDay } from '../../domain/sla/save-calendar-day.ts';
import { slaOverview } from '../../domain/sla/sla-overview.ts';
import { updateSlaPolicy } from '../../domain/sla/update-sla-policy.ts';
import type { AppDeps } from '../../env.ts';
import { createRouter } from '../../openapi/router.ts';
import {
  createCalendarDay,
  deleteCalendarDay,
  listCalendarDays,
  listSlaPolicies,
  putCalendarDay,
  slaOverview as slaOverviewRoute,
  updateSlaPolicy as updateSlaPolicyRoute,
} from './sla.types.ts';

export function slaRoutes(deps: AppDeps) {
  const { db } = deps;
  return (
    createRouter()
      /** Any signed-in user: the SLA policy in force. */
      .openapi(listSlaPolicies, async (c) => {
        const rows = await db.slaPolicy.findMany({ orderBy: { taskKind: 'asc' } });
        c.header('Content-Range', `sla-policies 0-${Math.max(rows.length - 1, 0)}/${rows.length}`);
        return c.json(
          rows.map(({ taskKind, updatedAt, ...rule }) => ({
            id: taskKind as TaskKind,
            taskKind: taskKind as TaskKind,
            ...rule,
            updatedAt: updatedAt.toISOString(),
          })),
          200,
        );
      })
      /** Admin: changes one task kind's SLA; new cases take it, running cases keep the policy they started with. */
      .openapi(updateSlaPolicyRoute, async (c) =>
        c.json(
          await updateSlaPolicy({
            db,
            user: c.get('user'),
            kind: c.req.valid('param').kind,
            rule: c.req.valid('json'),
          }),
          200,
        ),
      )
      /** Any signed-in user: the working-day calendar (holidays and 调休 workdays). */
      .openapi(listCalendarDays, async (c) => {
        const rows = await db.calendarDay.findMany({ orderBy: { date: 'asc' } });
        c.header('Content-Range', `calendar 0-${Math.max(rows.length - 1, 0)}/${rows.length}`);
        return c.json(
          rows.map((d) => ({
            id: d.date.toISOString().slice(0, 10),
            date: d.date.toISOString().slice(0, 10),
            kind: d.kind,
            name: d.name,
          })),
          200,
        );
      })
      /** Admin: adds or changes a calendar day (POST from the admin's create form, PUT to upsert). */
      .openapi(createCalendarDay, async (c) => c.json(await saveCalendarDay({ db, day: c.req.valid('json') }), 201))
      /** Admin: adds or changes a calendar day. */
      .openapi(putCalendarDay, async (c) => c.json(await saveCalendarDay({ db, day: c.req.valid('json') }), 200))
      /** Admin: removes a calendar day (it becomes an ordinary weekday or weekend day). */
      .openapi(deleteCalendarDay, async (c) => {
        await removeCalendarDay({ db, date: c.req.valid('param').date });
        return c.body(null, 204);
      })
      /** Supervisors and managers: SLA state of the units in their subtree, per unit and per tier. */
      .openapi(slaOverviewRoute, async (c) =>
        c.json(await slaOverview({ db, user: c.get('user'), level: c.req.valid('query').level }), 200),
      )
  );
}
