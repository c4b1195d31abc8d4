import type { Prisma } from '@guanai/db';
import { subtree } from '../../auth/jurisdiction.ts';
import { absenceInclude, toAbsenceDto } from '../../domain/absences/absence-dto.ts';
import { createAbsence } from '../../domain/absences/create-absence.ts';
import { endAbsence } from '../../domain/absences/end-absence.ts';
import type { AppDeps } from '../../env.ts';
import { createRouter } from '../../openapi/router.ts';
import { contentRange } from '../../validation.ts';
import {
  createAbsence as createAbsenceRoute,
  currentCover,
  endAbsence as endAbsenceRoute,
  listAbsences,
} from './absences.types.ts';

/** Routes under /api/absences: absences (休假) and their delegates (代理人), issue 15. */
export function absenceRoutes(deps: AppDeps) {
  const { db } = deps;
  return (
    createRouter()
      /** Signed-in user: my absences, those I cover, or (supervisors) my subtree's. */
      .openapi(listAbsences, async (c) => {
        const user = c.get('user');
        const { filter = {}, sort, range } = c.req.valid('query');
        const now = new Date();
        const scope = filter.scope ?? 'mine';
        const whose: Prisma.AbsenceWhereInput =
          scope === 'covering'
            ? { delegateId: user.id }
            : scope === 'team' && user.role === 'SUPERVISOR'
              ? { user: { orgUnit: subtree(user) }, ...(filter.userId ? { userId: filter.userId } : {}) }
              : { userId: user.id };
        const where: Prisma.AbsenceWhereInput = { ...whose, ...(filter.current ? { endsAt: { gt: now } } : {}) };
        const [rows, total] = await Promise.all([
          db.absence.findMany({
            where,
            include: absenceInclude,
            orderBy: [{ [sort[0]]: sort[1].toLowerCase() }, { id: 'asc' }],
            skip: range[0],
            take: range[1] - range[0] + 1,
          }),
          db.absence.count({ where }),
        ]);
        c.header('Content-Range', contentRange('absences', range, rows.length, total));
        return c.json(
          rows.map((row) => toAbsenceDto(row, now)),
          200,
        );
      })
      /** Signed-in user: my absence running now, and the running absences I cover (the inbox banner). */
      .openapi(currentCover, async (c) => {
        const user = c.get('user');
        const now = new Date();
        const running = { startsAt: { lte: now }, endsAt: { gt: now } };
        const [mine, covering] = await Promise.all([
          db.absence.findFirst({ where: { userId: user.id, ...running }, include: absenceInclude }),
          db.absence.findMany({
            where: { delegateId: user.id, ...running },
            include: absenceInclude,
            orderBy: { startsAt: 'asc' },
            take: 50,
          }),
        ]);
        return c.json(
          { mine: mine ? toAbsenceDto(mine, now) : null, covering: covering.map((row) => toAbsenceDto(row, now)) },
          200,
        );
      })
      /** Workers: sets my absence, or (supervisors) a team member's, with a delegate of the same unit. */
      .openapi(createAbsenceRoute, async (c) =>
        c.json(await createAbsence({ db, me: c.get('user'), input: c.req.valid('json') }), 201),
      )
      /** The absent user or a supervisor over them: ends it now, or cancels one not yet begun. */
      .openapi(endAbsenceRoute, async (c) =>
        c.json(await endAbsence({ db, me: c.get('user'), id: c.req.valid('param').id }), 200),
      )
  );
}
