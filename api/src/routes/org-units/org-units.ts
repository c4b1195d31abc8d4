import type { Prisma } from '@guanai/db';
import { createOrgUnit } from '../../domain/org-units/create-org-unit.ts';
import { importOrgRoster } from '../../domain/org-units/import-org-roster.ts';
import { orgUnitInclude, toOrgUnitDto } from '../../domain/org-units/org-unit-dto.ts';
import { renameOrgUnit } from '../../domain/org-units/rename-org-unit.ts';
import type { AppDeps } from '../../env.ts';
import { notFound } from '../../errors/app-error.ts';
import { createRouter } from '../../openapi/router.ts';
import { contentRange } from '../../validation.ts';
import {
  createOrgUnit as createOrgUnitRoute,
  getOrgUnit,
  importOrgRoster as importOrgRosterRoute,
  listOrgUnits,
  renameOrgUnit as renameOrgUnitRoute,
} from './org-units.types.ts';

export function orgUnitRoutes(deps: AppDeps) {
  const { db } = deps;
  return (
    createRouter()
      /** Anyone signed in: the network's units (administrative divisions are public), to pick from. */
      .openapi(listOrgUnits, async (c) => {
        const { filter = {}, sort, range } = c.req.valid('query');
        const where: Prisma.OrgUnitWhereInput = {
          ...(filter.q ? { OR: [{ name: { contains: filter.q } }, { code: { startsWith: filter.q } }] } : {}),
          ...(filter.level ? { level: filter.level } : {}),
          ...(filter.parentId ? { parentId: filter.parentId } : {}),
          ...(filter.id ? { id: { in: filter.id } } : {}),
        };
        const [rows, total] = await Promise.all([
          db.orgUnit.findMany({
            where,
            include: orgUnitInclude,
            orderBy: [{ [sort[0]]: sort[1].toLowerCase() }, { id: 'asc' }],
            skip: range[0],
            take: range[1] - range[0] + 1,
          }),
          db.orgUnit.count({ where }),
        ]);
        c.header('Content-Range', contentRange('org-units', range, rows.length, total));
        return c.json(rows.map(toOrgUnitDto), 200);
      })
      /** Anyone signed in: one unit. */
      .openapi(getOrgUnit, async (c) => {
        const row = await db.orgUnit.findUnique({ where: { id: c.req.valid('param').id }, include: orgUnitInclude });
        if (!row) throw notFound('org unit');
        return c.json(toOrgUnitDto(row), 200);
      })
      /** Admins: a new unit one level below its parent. */
      .openapi(createOrgUnitRoute, async (c) => c.json(await createOrgUnit({ db, input: c.req.valid('json') }), 201))
      /** Admins: renames a unit. */
      .openapi(renameOrgUnitRoute, async (c) =>
        c.json(await renameOrgUnit({ db, id: c.req.valid('param').id, changes: c.req.valid('json') }), 200),
      )
      /**
       * Admin: imports villages/communities (or townships) from a CSV roster (code,name,level,parent_code).
       * With dryRun=true (the default) it only reports; it imports nothing until every row is clean.
       */
      .openapi(importOrgRosterRoute, async (c) => {
        const dryRun = c.req.valid('query').dryRun === 'true';
        return c.json(await importOrgRoster({ db, text: await c.req.text(), dryRun }), 200);
      })
  );
}
