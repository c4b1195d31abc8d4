import type { Prisma } from '@guanai/db';
import { toAssignmentDto, assignmentInclude } from '../../domain/volunteers/assignment-dto.ts';
import { cancelAssignment as cancel } from '../../domain/volunteers/cancel-assignment.ts';
import { checkIn as checkInOn } from '../../domain/volunteers/check-in.ts';
import { checkOut as checkOutOf } from '../../domain/volunteers/check-out.ts';
import { createAssignment as create } from '../../domain/volunteers/create-assignment.ts';
import { findVisibleAssignment, visibleAssignments } from '../../domain/volunteers/visible-assignments.ts';
import type { AppDeps } from '../../env.ts';
import { createRouter } from '../../openapi/router.ts';
import { contentRange } from '../../validation.ts';
import {
  cancelAssignment,
  checkIn,
  checkOut,
  createAssignment,
  getAssignment,
  listAssignments,
} from './volunteer-assignments.types.ts';

/** Routes under /api/volunteer-assignments: volunteers' visits and deliveries, their check-in and check-out. */
export function volunteerAssignmentRoutes(deps: AppDeps) {
  const { db } = deps;
  return (
    createRouter()
      /** A volunteer: their own. A team: its volunteers'. Staff: those of the cases they see. */
      .openapi(listAssignments, async (c) => {
        const user = c.get('user');
        const { filter = {}, sort, range } = c.req.valid('query');
        const { id, ...columns } = filter;
        const where: Prisma.VolunteerAssignmentWhereInput = {
          AND: [visibleAssignments(user), columns, id ? { id: { in: id } } : {}],
        };
        const direction = sort[1] === 'DESC' ? 'desc' : 'asc';
        const [rows, total] = await Promise.all([
          db.volunteerAssignment.findMany({
            where,
            include: assignmentInclude,
            orderBy: [{ [sort[0]]: direction }, { createdAt: 'asc' }, { id: 'asc' }],
            skip: range[0],
            take: range[1] - range[0] + 1,
          }),
          db.volunteerAssignment.count({ where }),
        ]);
        c.header('Content-Range', contentRange('volunteer-assignments', range, rows.length, total));
        return c.json(
          rows.map((row) => toAssignmentDto(row, user)),
          200,
        );
      })
      /** The same readers: one assignment, with only what the visit needs for a volunteer or team. */
      .openapi(getAssignment, async (c) => {
        const user = c.get('user');
        return c.json(toAssignmentDto(await findVisibleAssignment(db, user, c.req.valid('param').id), user), 200);
      })
      /** The case's center, or the volunteer's team for a match it accepted: sends a volunteer. */
      .openapi(createAssignment, async (c) =>
        c.json(await create({ db, user: c.get('user'), input: c.req.valid('json') }), 201),
      )
      /** The volunteer: checks in (now, or `at`). Again: the same answer. */
      .openapi(checkIn, async (c) => {
        const { at } = c.req.valid('json');
        return c.json(await checkInOn({ db, user: c.get('user'), assignmentId: c.req.valid('param').id, at }), 200);
      })
      /** The volunteer: checks out, writing one entry of the hours ledger. Again: the same answer. */
      .openapi(checkOut, async (c) => {
        const { at } = c.req.valid('json');
        return c.json(await checkOutOf({ db, user: c.get('user'), assignmentId: c.req.valid('param').id, at }), 200);
      })
      /** The side that sent the volunteer: cancels an assignment not yet begun. */
      .openapi(cancelAssignment, async (c) =>
        c.json(
          await cancel({
            db,
            user: c.get('user'),
            assignmentId: c.req.valid('param').id,
            reason: c.req.valid('json').reason,
          }),
          200,
        ),
      )
  );
}
