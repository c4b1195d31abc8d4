import type { NotificationKind } from '@guanai/workflows/vocabulary';
import { maskName } from '@guanai/db';
import { isOutsider } from '../../auth/jurisdiction.ts';
import type { AppDeps } from '../../env.ts';
import { notFound } from '../../errors/app-error.ts';
import { createRouter } from '../../openapi/router.ts';
import { contentRange } from '../../validation.ts';
import { listNotifications, markNotificationRead, type TNotification } from './notifications.types.ts';

export function notificationRoutes(deps: AppDeps) {
  return (
    createRouter()
      /** Signed-in user: my notifications (SLA warnings and breaches, escalations, assignments), newest first. */
      .openapi(listNotifications, async (c) => {
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
            kind: n.kind as NotificationKind,
            caseId: n.caseId,
            caseNo: n.case?.caseNo ?? null,
            // A partner (or volunteer) sees a person as its match list does: the name masked.
            personName: n.case ? (isOutsider(user) ? maskName(n.case.person.name) : n.case.person.name) : null,
            digest: n.kind === 'DIGEST' ? (n.body as TNotification['digest']) : null,
            taskId: n.taskId,
            createdAt: n.createdAt.toISOString(),
            readAt: n.readAt?.toISOString() ?? null,
          })),
          200,
        );
      })
      /** Signed-in user: marks one of my notifications read. */
      .openapi(markNotificationRead, async (c) => {
        const { count } = await deps.db.notification.updateMany({
          where: { id: BigInt(c.req.valid('param').id), userId: c.get('user').id },
          data: { readAt: new Date() },
        });
        if (count === 0) throw notFound('notification');
        return c.body(null, 204);
      })
  );
}
