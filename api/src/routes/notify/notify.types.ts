import { z } from 'zod';
import { CHANNEL_KINDS } from '@guanai/workflows/notify';
import { NOTIFICATION_KINDS } from '@guanai/workflows/vocabulary';
import { json, route } from '../../openapi/router.ts';
import { listQuerySchema } from '../../validation.ts';

const tags = ['notify'];
/**
 * An e-mail address, checked plainly: zod's email pattern has look-aheads, which the API reference's
 * example generator cannot take (the whole tag then failed to render).
 */
const email = z
  .string()
  .trim()
  .max(254)
  .regex(/^[^\s@]+@[^\s@]+\.[^\s@]+$/, 'must be an e-mail address');
const secret = z.string().min(1, 'must not be empty').max(500);
const webhook = z
  .url({ protocol: /^https?$/, message: 'must be an http(s) URL' })
  .max(1000)
  .meta({ description: 'The robot’s webhook; its key or token is a secret, shown back as ***' });

/**
 * A channel's settings as an admin sends them. Secrets (password, webhook key, secret, token) are write
 * only: left out on an update, the stored one is kept.
 */
export const ZChannelConfigSchema = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.literal('EMAIL'),
      host: z.string().trim().min(1, 'is required').max(253),
      port: z.number().int().min(1).max(65535),
      secure: z.boolean().meta({ description: 'TLS from the start (465); otherwise STARTTLS when offered' }),
      user: z.string().trim().max(200).optional(),
      password: secret.optional(),
      from: z.string().trim().min(3, 'is required').max(200).meta({ description: '"成都市关爱援助" <noreply@…>' }),
    })
    .strict(),
  z.object({ kind: z.literal('WECOM_ROBOT'), webhookUrl: webhook.optional() }).strict(),
  z.object({ kind: z.literal('DINGTALK_ROBOT'), webhookUrl: webhook.optional(), secret: secret.optional() }).strict(),
  z
    .object({
      kind: z.literal('SMS'),
      provider: z.literal('GENERIC').default('GENERIC'),
      endpoint: z.url({ protocol: /^https?$/, message: 'must be an http(s) URL' }).max(1000),
      token: secret.optional(),
      signName: z.string().trim().min(1, 'is required').max(30),
      templates: z
        .partialRecord(z.enum(NOTIFICATION_KINDS), z.string().trim().min(1).max(100))
        .meta({ description: 'The gateway’s template id per notification kind' }),
    })
    .strict(),
]);

export const ZChannelInputSchema = z
  .object({
    name: z.string().trim().min(1, 'is required').max(100),
    unitId: z.uuid('must be an org-unit id (uuid)').nullable().default(null).meta({
      description: 'A robot’s unit (its group); null for the city’s mail server or SMS gateway',
    }),
    enabled: z.boolean().default(true),
    config: ZChannelConfigSchema,
  })
  .strict()
  .meta({ id: 'ChannelInput' });
export type TChannelInput = z.infer<typeof ZChannelInputSchema>;

export const ZChannelSchema = z
  .object({
    id: z.uuid(),
    kind: z.enum(CHANNEL_KINDS),
    name: z.string(),
    unitId: z.uuid().nullable(),
    unitName: z.string().nullable(),
    enabled: z.boolean(),
    config: z
      .record(z.string(), z.unknown())
      .meta({ description: 'The settings with every secret shown as 已设置 or ***' }),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'Channel', description: '通知渠道 A channel notifications leave by (secrets never returned)' });

export const ZChannelParams = z.object({ id: z.uuid('must be a channel id (uuid)') });

export const ZTestSendSchema = z
  .object({
    email: email.optional(),
    mobile: z
      .string()
      .regex(/^1\d{10}$/, 'must be a mainland mobile number (11 digits)')
      .optional(),
  })
  .strict()
  .meta({ id: 'TestSend', description: 'Where the test goes; by default the admin’s own addresses' });

export const ZTestResultSchema = z
  .object({ ok: z.boolean(), receipt: z.string().nullable(), error: z.string().nullable() })
  .meta({ id: 'TestSendResult', description: '测试发送结果 What the channel answered' });

const minuteOfDay = z.number().int().min(0).max(1439);

export const ZPreferenceInputSchema = z
  .object({
    email: email.nullable().optional(),
    mobile: z
      .string()
      .regex(/^1\d{10}$/, 'must be a mainland mobile number (11 digits)')
      .nullable()
      .optional()
      .meta({ description: 'Stored encrypted; shown back masked. Left out: kept' }),
    channels: z
      .partialRecord(
        z.enum(NOTIFICATION_KINDS),
        z
          .array(z.enum(CHANNEL_KINDS))
          .max(CHANNEL_KINDS.length)
          .refine((list) => new Set(list).size === list.length, 'must not repeat a channel'),
      )
      .meta({ description: 'Which channels each kind reaches me on; a kind left out stays in the admin only' }),
    quietHours: z
      .object({ enabled: z.boolean(), start: minuteOfDay, end: minuteOfDay })
      .strict()
      .meta({ description: 'Minutes after midnight, Beijing time (22:00–07:00 is 1320–420)' }),
  })
  .strict()
  .meta({ id: 'PreferenceInput' });
export type TPreferenceInput = z.infer<typeof ZPreferenceInputSchema>;

export const ZPreferenceSchema = z
  .object({
    userId: z.uuid(),
    email: z.string().nullable(),
    mobile: z.string().nullable().meta({ description: 'Masked (139****2222)' }),
    channels: z.record(z.string(), z.array(z.enum(CHANNEL_KINDS))),
    quietHours: z.object({ enabled: z.boolean(), start: z.number().int(), end: z.number().int() }),
  })
  .meta({ id: 'NotificationPreference', description: '通知偏好 Where and when a user is told what' });

export const ZUserParams = z.object({ userId: z.uuid('must be a user id (uuid)') });

export const ZDeliveryListQuerySchema = listQuerySchema(
  z
    .object({
      notificationId: z
        .string()
        .regex(/^\d{1,18}$/, 'must be a notification id')
        .optional(),
      status: z.enum(['PENDING', 'SENT', 'FAILED']).optional(),
    })
    .strict(),
  ['createdAt'] as const,
  ['createdAt', 'DESC'],
);

export const ZDeliverySchema = z
  .object({
    id: z.string(),
    notificationId: z.string(),
    kind: z.string(),
    recipientName: z.string(),
    caseNo: z.string().nullable(),
    channelKind: z.enum(CHANNEL_KINDS),
    channelName: z.string(),
    status: z.enum(['PENDING', 'SENT', 'FAILED']),
    notBefore: z.iso.datetime(),
    attempts: z.number().int(),
    lastError: z.string().nullable(),
    sentAt: z.iso.datetime().nullable(),
    failedAt: z.iso.datetime().nullable(),
    attemptLog: z.array(
      z.object({
        at: z.iso.datetime(),
        outcome: z.enum(['SENT', 'RETRY', 'FAILED']),
        error: z.string().nullable(),
      }),
    ),
  })
  .meta({ id: 'Delivery', description: '投递记录 One notification on one channel, with every attempt' });

export const listChannels = route({
  method: 'get',
  path: '/channels',
  tags,
  summary: '通知渠道 The configured channels (admins); secrets are never returned',
  responses: { 200: json(z.array(ZChannelSchema), 'Every channel') },
});
export const createChannel = route({
  method: 'post',
  path: '/channels',
  tags,
  summary: '新增渠道 Adds a channel (admins); its settings are stored encrypted',
  request: { body: { required: true, content: { 'application/json': { schema: ZChannelInputSchema } } } },
  responses: { 201: json(ZChannelSchema, 'The channel, secrets hidden') },
});
export const updateChannel = route({
  method: 'put',
  path: '/channels/{id}',
  tags,
  summary: '修改渠道 Changes a channel (admins); a secret left out is kept',
  request: {
    params: ZChannelParams,
    body: { required: true, content: { 'application/json': { schema: ZChannelInputSchema } } },
  },
  responses: { 200: json(ZChannelSchema, 'The channel, secrets hidden') },
});
export const testChannel = route({
  method: 'post',
  path: '/channels/{id}/test',
  tags,
  summary: '测试发送 Sends a test message through the channel now (admins) and says what it answered',
  request: {
    params: ZChannelParams,
    body: { required: true, content: { 'application/json': { schema: ZTestSendSchema } } },
  },
  responses: { 200: json(ZTestResultSchema, 'What the channel answered') },
});
export const getMyPreference = route({
  method: 'get',
  path: '/preferences/me',
  tags,
  summary: '我的通知偏好 Where and when I am told what',
  responses: { 200: json(ZPreferenceSchema, 'My preferences') },
});
export const putMyPreference = route({
  method: 'put',
  path: '/preferences/me',
  tags,
  summary: '设置我的通知偏好 Sets where and when I am told what',
  request: { body: { required: true, content: { 'application/json': { schema: ZPreferenceInputSchema } } } },
  responses: { 200: json(ZPreferenceSchema, 'My preferences') },
});
export const getUserPreference = route({
  method: 'get',
  path: '/preferences/{userId}',
  tags,
  summary: '用户通知偏好 A user’s preferences (admins)',
  request: { params: ZUserParams },
  responses: { 200: json(ZPreferenceSchema, 'The user’s preferences') },
});
export const putUserPreference = route({
  method: 'put',
  path: '/preferences/{userId}',
  tags,
  summary: '设置用户通知偏好 Sets a user’s preferences (admins)',
  request: {
    params: ZUserParams,
    body: { required: true, content: { 'application/json': { schema: ZPreferenceInputSchema } } },
  },
  responses: { 200: json(ZPreferenceSchema, 'The user’s preferences') },
});
export const listDeliveries = route({
  method: 'get',
  path: '/deliveries',
  tags,
  summary: '投递记录 Deliveries with their attempts: admins see all (failures first to look at), others their own',
  request: { query: ZDeliveryListQuerySchema },
  responses: { 200: json(z.array(ZDeliverySchema), 'The page asked for; the total in Content-Range') },
});
