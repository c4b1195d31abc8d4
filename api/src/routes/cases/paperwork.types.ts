import { z } from 'zod';
import {
  CASE_STATUSES,
  CLOSURE_REASONS,
  DELIVERY_KINDS,
  HUKOU,
  ID_TYPES,
  NEED_CATEGORIES,
  ORIGINS,
  RELATIONS,
  SCREENING_OUTCOMES,
  SEVERITIES,
  SEXES,
} from '@guanai/workflows/vocabulary';
import { json, route } from '../../openapi/router.ts';
import { ZCaseParams, ZReferralSchema } from './cases.types.ts';

/** Yuan as an exact decimal string ("1234.50"). */
const ZYuanText = z.string().regex(/^-?\d+\.\d{2}$/);
/** Who did it, by name (null: the system, or someone no longer known). */
const ZByName = z.string().nullable();

const ZMaskedPerson = {
  name: z.string(),
  sex: z.enum(SEXES).nullable(),
  birthDate: z.iso.date().nullable(),
  idType: z.enum(ID_TYPES).nullable(),
  idNumberMasked: z
    .string()
    .nullable()
    .meta({ description: 'Masked: the full number is never printed (a reveal is a separate, audited read)' }),
};

export const ZCasePaperworkSchema = z
  .object({
    id: z.uuid(),
    caseNo: z.string(),
    state: z.string(),
    status: z.enum(CASE_STATUSES),
    emergency: z.boolean(),
    origin: z.enum(ORIGINS),
    referral: ZReferralSchema.nullable(),
    situation: z.string(),
    createdAt: z.iso.datetime(),
    owningUnit: z.object({ name: z.string(), code: z.string() }),
    communityName: z.string(),
    townshipName: z.string().nullable(),
    person: z.object({
      ...ZMaskedPerson,
      phoneMasked: z.string().nullable(),
      address: z.string().nullable(),
      hukou: z.enum(HUKOU),
      tags: z.array(z.string()),
    }),
    household: z
      .object({
        address: z.string().nullable(),
        monthlyIncome: ZYuanText.nullable(),
        members: z.array(z.object({ ...ZMaskedPerson, relation: z.enum(RELATIONS).nullable() })),
      })
      .nullable(),
    screening: z.object({
      outcome: z.enum(SCREENING_OUTCOMES).nullable(),
      referrals: z
        .array(z.looseObject({ scheme: z.string(), outcome: z.string() }))
        .meta({ description: 'Each scheme referred to, its outcome (and department, date, reference when recorded)' }),
    }),
    assessment: z
      .object({
        at: z.iso.datetime(),
        by: ZByName,
        needs: z.array(
          z.object({
            category: z.enum(NEED_CATEGORIES),
            severity: z.enum(SEVERITIES),
            description: z.string().optional(),
          }),
        ),
      })
      .nullable(),
    plan: z
      .object({
        summary: z.string(),
        submittedAt: z.iso.datetime(),
        submittedBy: ZByName,
        approvedAt: z.iso.datetime().nullable(),
        approvedBy: ZByName,
        returns: z.array(z.object({ at: z.iso.datetime(), by: ZByName, reason: z.string() })),
        items: z.array(z.record(z.string(), z.unknown())).optional().meta({
          description: 'The structured plan’s items (need, goal, action, responsible, target date, decision, outcome)',
        }),
      })
      .nullable(),
    escalations: z.array(
      z.object({
        fromUnitName: z.string(),
        toUnitName: z.string(),
        reason: z.string(),
        at: z.iso.datetime(),
        by: ZByName,
        outcome: z.enum(['PENDING', 'ACCEPTED', 'RETURNED']),
        guidance: z.string().nullable(),
      }),
    ),
    deliveries: z.array(
      z.object({
        deliveredOn: z.iso.date(),
        category: z.string(),
        resourceName: z.string(),
        providerName: z.string(),
        kind: z.enum(DELIVERY_KINDS),
        description: z.string(),
        amount: ZYuanText.nullable(),
        hours: z.string().nullable(),
      }),
    ),
    deliveryTotal: ZYuanText.meta({ description: 'Yuan given in all, summed exactly' }),
    closure: z
      .object({ reason: z.enum(CLOSURE_REASONS).nullable(), at: z.iso.datetime().nullable() })
      .nullable()
      .meta({ description: 'Set once the case is closed' }),
    printedAt: z.iso.datetime(),
    printedBy: z.string(),
  })
  .meta({
    id: 'CasePaperwork',
    description: '案件摘要（申请审批表） A case as its printed summary needs it, every number masked',
  });
export type TCasePaperwork = z.infer<typeof ZCasePaperworkSchema>;

export const getCasePaperwork = route({
  method: 'get',
  path: '/{id}/paperwork',
  tags: ['cases'],
  summary: '案件摘要（打印） A case’s summary for its printed 申请审批表 and plan',
  description:
    'Workers and managers who can see the case: the person (identity numbers masked, phone masked), the household, ' +
    'origin and situation, screening and referrals, the current assessment’s needs, the plan (its items when ' +
    'structured), escalations, deliveries with their exact total, and closure. Each read is written to the audit ' +
    'log (`case.print`).',
  request: { params: ZCaseParams },
  responses: { 200: json(ZCasePaperworkSchema, 'The case’s paperwork') },
});
