import { z } from 'zod';
import {
  CAMPAIGN_TYPES,
  HUKOU,
  NEED_CATEGORIES,
  PARTNER_KINDS,
  RESOURCE_KINDS,
  RESOURCE_STATUSES,
  VULNERABILITY_TAGS,
} from '@guanai/workflows/vocabulary';
import { listQuerySchema } from '../../validation.ts';

/** Money in yuan with at most two decimals. */
export const ZYuan = z
  .number()
  .nonnegative('must not be negative')
  .max(1e11)
  .multipleOf(0.01, 'at most two decimals (fen)');

/** Eligibility rules as data: each one optional; an empty object admits everyone. */
export const ZEligibility = z
  .object({
    hukou: z.array(z.enum(HUKOU)).min(1).max(HUKOU.length).optional(),
    minAge: z.number().int().min(0).max(150).optional(),
    maxAge: z.number().int().min(0).max(150).optional(),
    maxIncomePerHead: ZYuan.optional(),
    disability: z.boolean().optional(),
    tagsAny: z.array(z.enum(VULNERABILITY_TAGS)).min(1).max(VULNERABILITY_TAGS.length).optional(),
  })
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

export const ZCreateResource = z.object(resourceFields).strict().superRefine(checkKind);

/** Everything but the kind may change; the status has its own route, reservations are the API's. */
export const ZUpdateResource = z
  .object(resourceFields)
  .omit({ kind: true })
  .partial()
  .strict()
  .refine((body) => Object.keys(body).length > 0, { message: 'nothing to change', path: ['(body)'] });

export const ZResourceStatus = z.object({ status: z.enum(RESOURCE_STATUSES) }).strict();

export const ZResourceList = listQuerySchema(
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

export const ZDonation = z
  .object({
    donorName: z.string().trim().min(1, 'is required (爱心人士 for anonymous donors)').max(60),
    amount: ZYuan.positive('must be more than zero'),
    receivedOn: z.iso.date('must be a date YYYY-MM-DD'),
    channel: z.string().trim().max(60).optional(),
  })
  .strict();

export const ZPartner = z
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

export const ZIdParam = z.object({ id: z.uuid('must be an id (uuid)') });
