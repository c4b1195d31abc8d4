import { z } from 'zod';
import {
  DELIVERY_KINDS,
  MATCH_STATUSES,
  NEED_CATEGORIES,
  RESOURCE_KINDS,
  SEVERITIES,
} from '@guanai/workflows/vocabulary';
import { exportResponses, ZExportFormat } from '../../openapi/file-export.ts';
import { json, route } from '../../openapi/router.ts';
import { listQuerySchema } from '../../validation.ts';
import { attachmentUpload, ZAttachmentSchema } from '../attachments/attachments.types.ts';
import { ZYuan } from '../resources/resources.types.ts';

export const ZMatchParams = z.object({ id: z.uuid('must be an id (uuid)') });

/** The match list's filter (and the delivery ledger's, which adds its own). */
export const ZMatchFilterShape = {
  status: z.enum(MATCH_STATUSES).optional(),
  caseId: z.uuid().optional(),
  resourceId: z.uuid().optional(),
};

export const ZMatchListQuerySchema = listQuerySchema(z.object(ZMatchFilterShape).strict(), ['createdAt'] as const, [
  'createdAt',
  'DESC',
]);
export type TMatchListFilter = NonNullable<z.infer<typeof ZMatchListQuerySchema>['filter']>;

/** The export takes the list's filter and a format; its rows are capped, not paged. */
export const ZMatchExportQuerySchema = ZMatchListQuerySchema.pick({ filter: true }).extend({ format: ZExportFormat });

/** Why a partner declines, or the case's workers withdraw, a match. */
export const ZDeclineSchema = z.object({ reason: z.string().trim().min(2, 'say why').max(500) }).strict();
export type TDecline = z.infer<typeof ZDeclineSchema>;

export const ZDeliverySchema = z
  .object({
    kind: z.enum(DELIVERY_KINDS),
    description: z.string().trim().min(1, 'is required').max(500),
    amount: ZYuan.positive().optional(),
    quantity: z.number().positive().max(1e8).optional(),
    hours: z.number().positive().max(10_000).multipleOf(0.25, 'in quarter hours').optional(),
    deliveredOn: z.iso.date('must be a date YYYY-MM-DD'),
    evidence: z.array(z.uuid()).max(20).default([]),
  })
  .strict()
  .refine((d) => d.kind !== 'MONEY' || d.amount !== undefined, {
    path: ['amount'],
    message: 'money given needs its amount',
  })
  .refine((d) => d.kind !== 'SERVICE' || d.hours !== undefined, {
    path: ['hours'],
    message: 'a service needs its hours',
  })
  // Today in Beijing (a delivery at 07:00 on the 1st is not in the future).
  .refine((d) => d.deliveredOn <= new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10), {
    path: ['deliveredOn'],
    message: 'must not be in the future',
  });
export type TDelivery = z.infer<typeof ZDeliverySchema>;

export const ZDeliveryRecordSchema = z
  .object({
    id: z.uuid(),
    kind: z.enum(DELIVERY_KINDS),
    description: z.string(),
    amount: z.number().nullable().meta({ description: 'Yuan, for money given' }),
    quantity: z.number().nullable(),
    hours: z.number().nullable(),
    deliveredOn: z.iso.date(),
    evidence: z.array(z.uuid()).meta({ description: 'Attachments of the case: photos or receipts' }),
  })
  .meta({ id: 'Delivery', description: '发放记录（台账一行）A delivery: one line of the ledger' });

export const ZMatchSchema = z
  .object({
    id: z.uuid(),
    status: z.enum(MATCH_STATUSES),
    needIndex: z.number().int(),
    category: z.enum(NEED_CATEGORIES),
    severity: z.enum(SEVERITIES).nullable(),
    needDescription: z.string().nullable(),
    resourceId: z.uuid(),
    resourceName: z.string(),
    resourceKind: z.enum(RESOURCE_KINDS),
    providerName: z.string(),
    places: z.number().int().meta({ description: 'Places held (0 for a resource without a capacity)' }),
    amount: z.number().meta({ description: 'Yuan held (0 for a resource without a budget)' }),
    note: z.string().nullable(),
    declineReason: z.string().nullable(),
    caseNo: z.string(),
    caseId: z.uuid().optional().meta({ description: 'Staff only: a partner does not see the case' }),
    caseState: z.string().optional().meta({ description: 'Staff only' }),
    planItemId: z
      .string()
      .nullable()
      .optional()
      .meta({ description: 'Staff only: the approved plan item (§四(二)) the match answers, if named' }),
    communityName: z.string(),
    townshipName: z.string().nullable(),
    person: z.object({ name: z.string(), phone: z.string().nullable(), address: z.string().nullable() }).meta({
      description:
        'Staff, or the partner once it has accepted: name, phone and address; before that a partner sees the name masked',
    }),
    deliveries: z.array(ZDeliveryRecordSchema),
    createdAt: z.iso.datetime(),
    decidedAt: z.iso.datetime().nullable(),
  })
  .meta({
    id: 'Match',
    description:
      '资源对接 A resource matched to a need of a case (§四(六)); a partner sees only what delivery needs, never an identity number, the situation or notes',
  });
export type TMatch = z.infer<typeof ZMatchSchema>;

const tags = ['matches'];

export const listMatches = route({
  method: 'get',
  path: '/',
  tags,
  summary: '对接列表 Matches: a partner’s of its own resources, staff’s of the cases they can see',
  request: { query: ZMatchListQuerySchema },
  responses: { 200: json(z.array(ZMatchSchema), 'The page asked for, newest first; the total in Content-Range') },
});

export const exportMatches = route({
  method: 'get',
  path: '/export',
  tags,
  summary: '导出对接 The filtered match list as CSV or Excel',
  description:
    'Who may list the matches (a partner: its own resources’), with the list’s filter. CSV (UTF-8 with BOM, for ' +
    'Excel) or an .xlsx workbook, by `format` or Accept; Chinese headers; phones masked, and a partner sees the ' +
    'name masked until it accepts, as in the list. At most 10,000 rows (more is a 422 naming the filter: narrow ' +
    'it). Written to the audit log with its filter and size.',
  request: { query: ZMatchExportQuerySchema },
  responses: exportResponses,
});

export const getMatch = route({
  method: 'get',
  path: '/{id}',
  tags,
  summary: '对接详情 One match',
  request: { params: ZMatchParams },
  responses: { 200: json(ZMatchSchema, 'The match') },
});

export const acceptMatch = route({
  method: 'post',
  path: '/{id}/accept',
  tags,
  summary: '接受对接 The partner accepts a proposed match',
  description: 'Its hold becomes a commitment; accepting twice is harmless.',
  request: { params: ZMatchParams },
  responses: { 200: json(ZMatchSchema, 'The match, accepted') },
});

export const declineMatch = route({
  method: 'post',
  path: '/{id}/decline',
  tags,
  summary: '拒绝对接 The partner declines a proposed match, saying why',
  description: 'Its places and money go back to the resource.',
  request: {
    params: ZMatchParams,
    body: { required: true, content: { 'application/json': { schema: ZDeclineSchema } } },
  },
  responses: { 200: json(ZMatchSchema, 'The match, declined') },
});

export const cancelMatch = route({
  method: 'post',
  path: '/{id}/cancel',
  tags,
  summary: '撤回对接 The owning center withdraws a match nothing was delivered on',
  description: 'Its places and money go back to the resource.',
  request: {
    params: ZMatchParams,
    body: { required: true, content: { 'application/json': { schema: ZDeclineSchema } } },
  },
  responses: { 200: json(ZMatchSchema, 'The match, cancelled') },
});

export const addDeliveryEvidence = route({
  method: 'post',
  path: '/{id}/evidence',
  tags,
  summary: '上传发放凭证 A photo or receipt as delivery evidence',
  description: 'It becomes an attachment of the case, which a delivery then names as its evidence.',
  request: { params: ZMatchParams, body: attachmentUpload },
  responses: { 201: json(ZAttachmentSchema, 'The stored file') },
});

export const recordDelivery = route({
  method: 'post',
  path: '/{id}/deliveries',
  tags,
  summary: '登记发放 Records what was given on an accepted match (the delivery ledger)',
  description:
    'Money given never exceeds the amount matched; nothing more is given on a closed case. A retried request (same Idempotency-Key) records it once.',
  request: {
    params: ZMatchParams,
    body: { required: true, content: { 'application/json': { schema: ZDeliverySchema } } },
  },
  responses: { 201: json(ZMatchSchema, 'The match with its ledger') },
});
