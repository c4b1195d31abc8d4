import { z } from 'zod';
import { PARTNER_KINDS } from '@guanai/workflows/vocabulary';
import { json, route } from '../../openapi/router.ts';

export const ZPartnerBodySchema = z
  .object({
    name: z.string().trim().min(1, 'is required').max(100),
    kind: z.enum(PARTNER_KINDS),
    creditCode: z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[0-9A-HJ-NPQRTUWXY]{18}$/, 'must be an 18-character unified social credit code (统一社会信用代码)')
      .optional(),
    contact: z.string().trim().max(60).optional(),
    phone: z.string().trim().max(30).optional(),
    active: z.boolean().optional(),
  })
  .strict();

export type TPartnerBody = z.infer<typeof ZPartnerBodySchema>;

export const ZUpdatePartnerSchema = ZPartnerBodySchema.partial();

export type TUpdatePartner = z.infer<typeof ZUpdatePartnerSchema>;

export const ZPartnerParams = z.object({ id: z.uuid('must be an id (uuid)') });

export const ZPartnerSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    kind: z.enum(PARTNER_KINDS),
    creditCode: z.string().nullable().meta({ description: '统一社会信用代码 Unified social credit code' }),
    contact: z.string().nullable(),
    phone: z.string().nullable(),
    active: z.boolean(),
    createdAt: z.iso.datetime(),
  })
  .meta({
    id: 'Partner',
    description: '合作机构 A partner organisation: a social organisation, enterprise or charity',
  });

export type TPartner = z.infer<typeof ZPartnerSchema>;

export const listPartners = route({
  method: 'get',
  path: '/',
  tags: ['partners'],
  summary: '合作机构 The partner organisations, by name',
  description: 'Anyone signed in. All of them in one page; the total in Content-Range.',
  responses: { 200: json(z.array(ZPartnerSchema), 'Every partner; the total in Content-Range') },
});

export const getPartner = route({
  method: 'get',
  path: '/{id}',
  tags: ['partners'],
  summary: '合作机构 One partner organisation',
  request: { params: ZPartnerParams },
  responses: { 200: json(ZPartnerSchema, 'The partner') },
});

export const createPartner = route({
  method: 'post',
  path: '/',
  tags: ['partners'],
  summary: '新增合作机构 Adds a partner organisation',
  description: 'Admins. Its name and credit code are unique (409 DUPLICATE_PARTNER).',
  request: { body: { required: true, content: { 'application/json': { schema: ZPartnerBodySchema } } } },
  responses: { 201: json(ZPartnerSchema, 'The new partner') },
});

export const updatePartner = route({
  method: 'put',
  path: '/{id}',
  tags: ['partners'],
  summary: '修改合作机构 Corrects a partner organisation',
  description: 'Admins. Its name and credit code stay unique (409 DUPLICATE_PARTNER).',
  request: {
    params: ZPartnerParams,
    body: { required: true, content: { 'application/json': { schema: ZUpdatePartnerSchema } } },
  },
  responses: { 200: json(ZPartnerSchema, 'The partner as corrected') },
});
