import type { Prisma } from '@guanai/db';
import type { AppDeps } from '../../env.ts';
import { notFound } from '../../errors/app-error.ts';
import { createRouter } from '../../openapi/router.ts';
import { keyedId } from '../../request/idempotency.ts';
import { createHandoverClient } from '../../temporal/handover-client.ts';
import { contentRange } from '../../validation.ts';
import { createUser } from '../../domain/users/create-user.ts';
import { resetPassword } from '../../domain/users/reset-password.ts';
import { updateUser } from '../../domain/users/update-user.ts';
import { toUserDto, userInclude } from '../../domain/users/user-dto.ts';
import {
  createUser as createUserRoute,
  getUser,
  listUsers,
  resetUserPassword,
  updateUser as updateUserRoute,
} from './users.types.ts';

export function userRoutes(deps: AppDeps) {
  const { db } = deps;
  const handovers = createHandoverClient(deps.temporal, deps.taskQueue);
  return (
    createRouter()
      /** Admins: the staff, by unit, role and state. */
      .openapi(listUsers, async (c) => {
        const { filter = {}, sort, range } = c.req.valid('query');
        const where: Prisma.UserWhereInput = {
          ...(filter.q
            ? { OR: [{ username: { contains: filter.q.toLowerCase() } }, { displayName: { contains: filter.q } }] }
            : {}),
          ...(filter.role ? { role: filter.role } : {}),
          ...(filter.orgUnitId ? { orgUnitId: filter.orgUnitId } : {}),
          ...(filter.active !== undefined ? { active: filter.active } : {}),
          ...(filter.id ? { id: { in: filter.id } } : {}),
        };
        const [rows, total] = await Promise.all([
          db.user.findMany({
            where,
            include: userInclude,
            orderBy: [{ [sort[0]]: sort[1].toLowerCase() }, { id: 'asc' }],
            skip: range[0],
            take: range[1] - range[0] + 1,
          }),
          db.user.count({ where }),
        ]);
        c.header('Content-Range', contentRange('users', range, rows.length, total));
        return c.json(rows.map(toUserDto), 200);
      })
      /** Admins: one account. */
      .openapi(getUser, async (c) => {
        const row = await db.user.findUnique({ where: { id: c.req.valid('param').id }, include: userInclude });
        if (!row) throw notFound('user');
        return c.json(toUserDto(row), 200);
      })
      /** Admins: a new account; without a password, a one-time one is made and shown once. */
      .openapi(createUserRoute, async (c) => c.json(await createUser({ db, input: c.req.valid('json') }), 201))
      /**
       * Admins: name, role, unit, active. Deactivating signs the user out everywhere; deactivating or
       * moving hands their claimed tasks on (to their queues or a named colleague) through one workflow.
       */
      .openapi(updateUserRoute, async (c) =>
        c.json(
          await updateUser({
            db,
            me: c.get('user'),
            id: c.req.valid('param').id,
            changes: c.req.valid('json'),
            handovers,
            key: keyedId(c, 'user-handover'),
          }),
          200,
        ),
      )
      /** Admins: a new one-time password for a user who forgot theirs; their sessions end. */
      .openapi(resetUserPassword, async (c) =>
        c.json(await resetPassword({ db, userId: c.req.valid('param').id }), 200),
      )
  );
}
