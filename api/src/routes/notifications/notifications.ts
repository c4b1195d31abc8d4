import { Hono } from 'hono';
import { z } from 'zod';
import type { AppDeps, AppEnv } from '../../env.ts';
import { notFound } from '../../errors/app-error.ts';
import { contentRange, listQuerySchema, validate } from '../../validation.ts';

const ZNotificationQuery = listQuerySchema(
  z.object({ unread: z.boolean().optional() }).strict(),
  ['createdAt'] as const,
  ['createdAt', 'DESC'],
);

export function notificationRoutes(deps: AppDeps) {
  return (
    new Hono<AppEnv>()
      /** Signed-in user: my notifications (SLA warnings and breaches, escalations, assignments), newest first. */
      .get('/', validate('query', ZNotificationQuery), async (c) => {
        const user = c.get('user');
        const { filter = {}, range } = c.req.valid('query');
        const where = { userId: user.id, ...(filter.unread ? { readAt: null } : {}) };
        const [rows, total] = await Promise.all([
          deps.db.notification.findMany({
            where,
            orderBy: { id: 'desc' },
            skip: range[0],
            take: range[1] - range[0] + 1,
            include: { case: { select: { caseNo: true, person: { select: { name: true } } } } },
          }),
          deps.db.notification.count({ where }),
        ]);
        c.header('Content-Range', contentRange('notifications', range, rows.length, total));
        return c.json(
          rows.map((n) => ({
            id: String(n.id),
            kind: n.kind,
            caseId: n.caseId,
            caseNo: n.case.caseNo,
            personName: n.case.person.name,
            taskId: n.taskId,
            createdAt: n.createdAt.toISOString(),
            readAt: n.readAt?.toISOString() ?? null,
          })),
        );
      })
      /** Signed-in user: marks one of my notifications read. */
      .post(
        '/:id/read',
        validate('param', z.object({ id: z.string().regex(/^\d{1,18}$/, 'must be a notification id') })),
        async (c) => {
          const { count } = await deps.db.notification.updateMany({
            where: { id: BigInt(c.req.valid('param').id), userId: c.get('user').id },
            data: { readAt: new Date() },
          });
          if (count === 0) throw notFound('notification');
          return c.body(null, 204);
        },
      )
  );
}
