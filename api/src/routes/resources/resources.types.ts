import { z } from 'zod';
import {
  CAMPAIGN_TYPES,
  DONATION_KINDS,
  HUKOU,
  NEED_CATEGORIES,
  ORG_LEVELS,
  RESOURCE_KINDS,
  RESOURCE_STATUSES,
  VULNERABILITY_TAGS,
} from '@guanai/workflows/vocabulary';
import { json, route } from '../../openapi/router.ts';
import { listQuerySchema } from '../../validation.ts';

/** Money in yuan with at most two decimals. */
export const ZYuan = z
  .number()
  .nonnegative('must not be negative')
  .max(1e11)
  .multipleOf(0.01, 'at most two decimals (fen)');

const eligibilityFields = {
  hukou: z.array(z.enum(HUKOU)).min(1).max(HUKOU.length).optional(),
  minAge: z.number().int().min(0).max(150).optional(),
  maxAge: z.number().int().min(0).max(150).optional(),
  maxIncomePerHead: ZYuan.optional().meta({ description: 'Yuan per person per month, from the household income' }),
  disability: z.boolean().optional(),
  tagsAny: z.array(z.enum(VULNERABILITY_TAGS)).min(1).max(VULNERABILITY_TAGS.length).optional(),
};

/** Eligibility rules as data: each one optional; an empty object admits everyone. */
export const ZEligibility = z
  .object(eligibilityFields)
  .strict()
  .refine((e) => e.minAge === undefined || e.maxAge === undefined || e.minAge <= e.maxAge, {
    path: ['maxAge'],
    message: 'must not be below minAge',
  });

const resourceFields = {
  kind: z.enum(RESOURCE_KINDS),
  name: z.string().trim().min(1, 'is required').max(100),
  description: z.string().trim().max(2000).optional(),
  providerId: z.uuid('must be a partner id'),
  coverageUnitId: z.uuid('must be an org unit id'),
  categories: z.array(z.enum(NEED_CATEGORIES)).min(1, 'name at least one need category').max(NEED_CATEGORIES.length),
  eligibility: ZEligibility.default({}),
  capacity: z.number().int().min(0).max(1_000_000).nullable().optional(),
  budget: ZYuan.nullable().optional(),
  validFrom: z.iso.date('must be a date YYYY-MM-DD').nullable().optional(),
  validTo: z.iso.date('must be a date YYYY-MM-DD').nullable().optional(),
  contractNo: z.string().trim().max(60).optional(),
  serviceStandard: z.string().trim().max(2000).optional(),
  campaignType: z.enum(CAMPAIGN_TYPES).optional(),
  target: ZYuan.optional(),
  deadline: z.iso.date('must be a date YYYY-MM-DD').optional(),
  /** §四(三) 定向募捐: a directed campaign names its case, or a need category and a township. */
  beneficiaryCaseId: z.uuid('must be a case id').nullable().optional(),
  beneficiaryCategory: z.enum(NEED_CATEGORIES).nullable().optional(),
  beneficiaryTownshipId: z.uuid('must be a township id').nullable().optional(),
};

type ResourceShape = Partial<{
  kind: string;
  validFrom: string | null;
  validTo: string | null;
  contractNo: string;
  campaignType: string;
  target: number;
  deadline: string;
}>;

/** What each kind must carry: a purchased service its contract, a campaign its type, target and deadline. */
function checkKind(r: ResourceShape, ctx: z.core.$RefinementCtx) {
  if (r.validFrom && r.validTo && r.validFrom > r.validTo)
    ctx.addIssue({ code: 'custom', path: ['validTo'], message: 'must not be before validFrom' });
  if (r.kind === 'PURCHASED_SERVICE' && !r.contractNo)
    ctx.addIssue({ code: 'custom', path: ['contractNo'], message: 'a purchased service needs its contract number' });
  if (r.kind === 'FUNDRAISING') {
    for (const field of ['campaignType', 'target', 'deadline'] as const) {
      if (r[field] === undefined)
        ctx.addIssue({ code: 'custom', path: [field], message: 'a fundraising campaign needs it' });
    }
  } else {
    for (const field of ['campaignType', 'target', 'deadline'] as const) {
      if (r[field] !== undefined)
        ctx.addIssue({ code: 'custom', path: [field], message: 'only fundraising campaigns have it' });
    }
  }
}

export const ZCreateResourceSchema = z.object(resourceFields).strict().superRefine(checkKind);

export type TCreateResource = z.infer<typeof ZCreateResourceSchema>;

/** Everything but the kind may change; the status has its own route, reservations are the API's. */
export const ZUpdateResourceSchema = z
  .object(resourceFields)
  .omit({ kind: true })
  .partial()
  .strict()
  .refine((body) => Object.keys(body).length > 0, { message: 'nothing to change', path: ['(body)'] });

export type TUpdateResource = z.infer<typeof ZUpdateResourceSchema>;

export const ZResourceStatusBodySchema = z.object({ status: z.enum(RESOURCE_STATUSES) }).strict();

export const ZResourceListQuerySchema = listQuerySchema(
  z
    .object({
      q: z.string().trim().max(100).optional(),
      kind: z.enum(RESOURCE_KINDS).optional(),
      status: z.enum(RESOURCE_STATUSES).optional(),
      category: z.enum(NEED_CATEGORIES).optional(),
      providerId: z.uuid().optional(),
      id: z.array(z.uuid()).max(100).optional(),
    })
    .strict(),
  ['name', 'createdAt', 'kind', 'status'] as const,
  ['createdAt', 'DESC'],
);

export const ZDonationBodySchema = z
  .object({
    donorName: z.string().trim().min(1, 'is required (爱心人士 for anonymous donors)').max(60),
    amount: ZYuan.positive('must be more than zero'),
    receivedOn: z.iso.date('must be a date YYYY-MM-DD'),
    channel: z.string().trim().max(60).optional(),
  })
  .strict();

export type TDonationBody = z.infer<typeof ZDonationBodySchema>;

export const ZResourceParams = z.object({ id: z.uuid('must be an id (uuid)') });

const date = z.iso.date();

/** A resource of the catalogue (援助项目库). */
export const ZResourceSchema = z
  .object({
    id: z.uuid(),
    kind: z.enum(RESOURCE_KINDS),
    name: z.string(),
    description: z.string().nullable(),
    providerId: z.uuid(),
    providerName: z.string(),
    coverageUnitId: z.uuid(),
    coverageUnitName: z.string(),
    coverageLevel: z.enum(ORG_LEVELS).meta({ description: 'It serves the subtree of this unit' }),
    categories: z.array(z.enum(NEED_CATEGORIES)).meta({ description: 'The need categories it answers' }),
    eligibility: z
      .object(eligibilityFields)
      .meta({ id: 'Eligibility', description: '受助条件 Eligibility rules; an empty object admits everyone' }),
    capacity: z.number().int().nullable(),
    reservedPlaces: z.number().int(),
    remainingPlaces: z.number().int().nullable().meta({ description: 'Capacity less what live matches reserve' }),
    budget: z.number().nullable().meta({ description: 'Yuan; a campaign’s is what it raised' }),
    reservedAmount: z.number(),
    remainingAmount: z.number().nullable(),
    validFrom: date.nullable(),
    validTo: date.nullable(),
    status: z.enum(RESOURCE_STATUSES),
    contractNo: z.string().nullable().meta({ description: 'Purchased services: the contract' }),
    serviceStandard: z.string().nullable(),
    campaignType: z.enum(CAMPAIGN_TYPES).nullable().meta({ description: 'Fundraising campaigns: 公募 or 定向' }),
    target: z.number().nullable(),
    deadline: date.nullable(),
    beneficiaryCaseId: z.uuid().nullable().meta({ description: 'A directed campaign: the case it raises for' }),
    beneficiaryCategory: z.enum(NEED_CATEGORIES).nullable(),
    beneficiaryTownshipId: z.uuid().nullable(),
    beneficiaryTownshipName: z.string().nullable(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({
    id: 'AidResource',
    description: '援助资源 A resource of the catalogue: a service, goods, money or a campaign',
  });

export type TResource = z.infer<typeof ZResourceSchema>;

/** One entry of a campaign's donations ledger: a gift, or a refund or reversal of one. */
export const ZDonationSchema = z
  .object({
    id: z.uuid(),
    kind: z.enum(DONATION_KINDS),
    receiptNo: z.string().nullable().meta({ description: '捐赠收据号 of a donation; none for a correction' }),
    reversesId: z.uuid().nullable().meta({ description: 'A refund or reversal: the donation it corrects' }),
    reason: z.string().nullable().meta({ description: 'Why a refund or reversal was made' }),
    donorName: z.string(),
    amount: z.number().meta({ description: 'Yuan, signed: a refund or reversal is negative' }),
    receivedOn: date,
    channel: z.string().nullable(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'Donation', description: '捐赠 A donation to a fundraising campaign' });

export type TDonation = z.infer<typeof ZDonationSchema>;

export const ZCreatedSchema = z.object({ id: z.uuid() });

export const ZDonationCreatedSchema = z.object({
  id: z.uuid(),
  receiptNo: z.string().meta({ description: '捐赠收据号, e.g. JZ2026-000001: gap-free per year' }),
});

export const listResources = route({
  method: 'get',
  path: '/',
  tags: ['resources'],
  summary: '援助项目库 The catalogue of resources',
  description: 'Anyone signed in, by kind, status and need category; partners see the published ones and their own.',
  request: { query: ZResourceListQuerySchema },
  responses: { 200: json(z.array(ZResourceSchema), 'The page asked for; the total in Content-Range') },
});

export const getResource = route({
  method: 'get',
  path: '/{id}',
  tags: ['resources'],
  summary: '援助资源 One resource',
  request: { params: ZResourceParams },
  responses: { 200: json(ZResourceSchema, 'The resource') },
});

export const createResource = route({
  method: 'post',
  path: '/',
  tags: ['resources'],
  summary: '新增援助资源 Adds a resource, as a draft',
  description:
    'Admins and managers: a resource covering their unit or one below it. A purchased service names its contract; a campaign its type, target and deadline.',
  request: { body: { required: true, content: { 'application/json': { schema: ZCreateResourceSchema } } } },
  responses: { 201: json(ZResourceSchema, 'The new resource, a draft') },
});

export const updateResource = route({
  method: 'put',
  path: '/{id}',
  tags: ['resources'],
  summary: '修改援助资源 Corrects a resource',
  description:
    'Admins and managers of its coverage; the capacity and budget may not drop below what is reserved (409 BELOW_RESERVED).',
  request: {
    params: ZResourceParams,
    body: { required: true, content: { 'application/json': { schema: ZUpdateResourceSchema } } },
  },
  responses: { 200: json(ZResourceSchema, 'The resource as corrected') },
});

export const setResourceStatus = route({
  method: 'post',
  path: '/{id}/status',
  tags: ['resources'],
  summary: '发布、暂停或关闭 Publishes, pauses or closes a resource',
  description: 'Admins and managers of its coverage. Live matches keep their places; a closed resource stays closed.',
  request: {
    params: ZResourceParams,
    body: { required: true, content: { 'application/json': { schema: ZResourceStatusBodySchema } } },
  },
  responses: { 200: json(ZResourceSchema, 'The resource in its new status') },
});

export const listDonations = route({
  method: 'get',
  path: '/{id}/donations',
  tags: ['resources'],
  summary: '捐赠明细 A campaign’s donations',
  description: 'Whoever sees the resource; newest first, refunds and reversals as entries of their own.',
  request: { params: ZResourceParams },
  responses: { 200: json(z.array(ZDonationSchema), 'The donations ledger') },
});

export const addDonation = route({
  method: 'post',
  path: '/{id}/donations',
  tags: ['resources'],
  summary: '登记捐赠 Records a donation to a campaign',
  description:
    'The campaign’s own partner, admins and managers of its coverage, while it is published (§四(七)); the budget grows by it. A retried request (same Idempotency-Key) records it once.',
  request: {
    params: ZResourceParams,
    body: { required: true, content: { 'application/json': { schema: ZDonationBodySchema } } },
  },
  responses: { 201: json(ZDonationCreatedSchema, 'The donation’s id and receipt number') },
});
