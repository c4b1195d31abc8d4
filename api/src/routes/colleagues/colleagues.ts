import type { Prisma } from '@guanai/db';
import { subtree, within } from '../../auth/jurisdiction.ts';
import type { AppDeps } from '../../env.ts';
import { createRouter } from '../../openapi/router.ts';
import { contentRange } from '../../validation.ts';
import { listColleagues } from './colleagues.types.ts';

/** Routes under /api/colleagues: whom a worker may name as delegate, and a supervisor hand tasks to (issue 15). */
export function colleagueRoutes(deps: AppDeps) {
  const { db } = deps;
  return createRouter().openapi(listColleagues, async (c) => {
    const user = c.get('user');
    const { filter = {}, sort, range } = c.req.valid('query');
    // A supervisor's team member's colleagues (for an absence set for them): that member's unit.
    let unitId = user.orgUnit.id;
    if (filter.of && user.role === 'SUPERVISOR') {
      const member = await db.user.findUnique({ where: { id: filter.of }, include: { orgUnit: true } });
      if (member && within(user, member.orgUnit.path)) unitId = member.orgUnitId;
    }
    const bySubtree = filter.scope === 'subtree' && user.role === 'SUPERVISOR';
    const where: Prisma.UserWhereInput = {
      active: true,
      // Volunteers are placed at a community but are no colleagues (no delegate, no handover).
      role: { notIn: ['ADMIN', 'PARTNER', 'VOLUNTEER'] },
      ...(bySubtree ? { orgUnit: subtree(user) } : { orgUnitId: unitId }),
      ...(filter.q ? { displayName: { contains: filter.q } } : {}),
      ...(filter.id ? { id: { in: filter.id } } : {}),
    };
    const [rows, total] = await Promise.all([
      db.user.findMany({
        where,
        include: { orgUnit: { select: { name: true } } },
        orderBy: [{ displayName: sort[1] === 'DESC' ? 'desc' : 'asc' }, { id: 'asc' }],
        skip: range[0],
        take: range[1] - range[0] + 1,
      }),
      db.user.count({ where }),
    ]);
    c.header('Content-Range', contentRange('colleagues', range, rows.length, total));
    return c.json(
      rows.map((row) => ({
        id: row.id,
        displayName: row.displayName,
        role: row.role,
        orgUnitId: row.orgUnitId,
        orgUnitName: row.orgUnit.name,
      })),
      200,
    );
  });
}
