import { z } from 'zod';
import { NOTIFICATION_KINDS } from '@guanai/workflows/vocabulary';
import { json, route } from '../../openapi/router.ts';
import { listQuerySchema } from '../../validation.ts';

export const ZNotificationListQuerySchema = listQuerySchema(
  z.object({ unread: z.boolean().optional() }).strict(),
  ['createdAt'] as const,
  ['createdAt', 'DESC'],
);

export const ZNotificationSchema = z
  .object({
    id: z.string().meta({ description: 'A decimal number, as a string' }),
    kind: z.enum(NOTIFICATION_KINDS),
    caseId: z.uuid().nullable().meta({ description: 'Null for the morning digest, which is of no one case' }),
    caseNo: z.string().nullable(),
    personName: z.string().nullable(),
    digest: z
      .object({
        day: z.iso.date(),
        overdue: z.number().int(),
        awaitingApproval: z.number().int(),
        escalations: z.number().int(),
      })
      .nullable()
      .meta({ description: '每日待办摘要 The morning digest’s counts (DIGEST only)' }),
    taskId: z.string().nullable(),
    createdAt: z.iso.datetime(),
    readAt: z.iso.datetime().nullable(),
  })
  .meta({
    id: 'Notification',
    description:
      '通知（时限预警、超时、转介、分派、每日摘要）A notification: SLA warning or breach, escalation, assignment, morning digest',
  });

export type TNotification = z.infer<typeof ZNotificationSchema>;

export const ZNotificationParams = z.object({ id: z.string().regex(/^\d{1,18}$/, 'must be a notification id') });

export const listNotifications = route({
  method: 'get',
  path: '/',
  tags: ['notifications'],
  summary: '我的通知 My notifications, newest first',
  request: { query: ZNotificationListQuerySchema },
  responses: { 200: json(z.array(ZNotificationSchema), 'The page asked for; the total in Content-Range') },
});

export const markNotificationRead = route({
  method: 'post',
  path: '/{id}/read',
  tags: ['notifications'],
  summary: '标为已读 Marks one of my notifications read',
  request: { params: ZNotificationParams },
  responses: { 204: { description: 'Marked read' } },
});
