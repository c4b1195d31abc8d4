import { Hono } from 'hono';
import { z } from 'zod';
import type { AppDeps, AppEnv } from '../../env.ts';
import { notFound } from '../../errors/app-error.ts';
import { validate } from '../../validation.ts';
import { ZYuan } from '../resources/resources.types.ts';

const ZHousehold = z
  .object({
    address: z.string().trim().max(200).optional(),
    /** Yuan per month for the whole household; eligibility divides it by the members. Null: not known. */
    monthlyIncome: ZYuan.nullable().optional(),
  })
  .strict()
  .refine((body) => Object.keys(body).length > 0, { message: 'nothing to change', path: ['(body)'] });

/** Station workers, caseworkers, supervisors: a household's address and income (matching reads the income per head). */
export function householdRoutes(deps: AppDeps) {
  return new Hono<AppEnv>().put(
    '/:id',
    validate('param', z.object({ id: z.uuid('must be a household id (uuid)') })),
    validate('json', ZHousehold),
    async (c) => {
      const user = c.get('user');
      const id = c.req.valid('param').id;
      const found = await deps.db.household.findFirst({
        where: { id, community: { path: { startsWith: user.orgUnit.path } } },
        select: { id: true },
      });
      if (!found) throw notFound('household');
      const { address, monthlyIncome } = c.req.valid('json');
      const row = await deps.db.household.update({
        where: { id },
        data: {
          ...(address !== undefined ? { address: address || null } : {}),
          ...(monthlyIncome !== undefined ? { monthlyIncome } : {}),
        },
        include: { _count: { select: { members: { where: { mergedIntoId: null } } } } },
      });
      return c.json({
        id: row.id,
        address: row.address,
        monthlyIncome: row.monthlyIncome === null ? null : Number(row.monthlyIncome),
        members: row._count.members,
      });
    },
  );
}
