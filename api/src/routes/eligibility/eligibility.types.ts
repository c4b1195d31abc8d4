import { z } from 'zod';
import { GOV_AID_DECISIONS, GOV_SCHEMES } from '@guanai/workflows/vocabulary';
import { json, route } from '../../openapi/router.ts';
import { listQuerySchema } from '../../validation.ts';
import { ZYuan } from '../resources/resources.types.ts';

const tags = ['eligibility'];

/** react-admin sends the whole record back on edit: the read-only fields are dropped, anything else is refused. */
const READ_ONLY = ['id', 'districtName', 'sample', 'inForce', 'current', 'createdById', 'createdAt'];
const withoutReadOnly = (body: unknown) =>
  body && typeof body === 'object' && !Array.isArray(body)
    ? Object.fromEntries(Object.entries(body).filter(([key]) => !READ_ONLY.includes(key)))
    : body;

export const ZEligibilityStandardBodySchema = z.preprocess(
  withoutReadOnly,
  z
    .object({
      scheme: z.enum(GOV_SCHEMES).meta({ description: 'The government scheme (DIBAO 低保, TEKUN 特困 …)' }),
      districtId: z
        .uuid('must be a district id (uuid)')
        .nullable()
        .optional()
        .meta({ description: 'The district (区(市)县) it applies to; null or absent: city-wide' }),
      effectiveFrom: z.iso.date('must be a date YYYY-MM-DD').meta({ description: 'In force from this day' }),
      incomePerPerson: ZYuan.meta({
        description: 'Yuan per person per month: a household whose income per head is below it qualifies',
      }),
      assetsPerPerson: ZYuan.nullable()
        .optional()
        .meta({ description: 'Yuan of financial assets per person, at most; null: no asset rule' }),
      requireNoAbleWorker: z
        .boolean()
        .optional()
        .meta({ description: '特困: no member of working age (16–59) able to work' }),
      requireNoSupporter: z
        .boolean()
        .optional()
        .meta({ description: '特困: no legal supporter (法定赡养、抚养、扶养义务人) able to support them' }),
      sourceDocument: z
        .string()
        .trim()
        .min(2, 'give the document number (文号)')
        .max(80)
        .meta({ description: '文号 of the document that set it, e.g. 成民发〔2026〕9号' }),
      note: z.string().trim().max(500).nullable().optional(),
    })
    .strict(),
);
export type TEligibilityStandardBody = z.infer<typeof ZEligibilityStandardBodySchema>;

export const ZEligibilityStandardSchema = z
  .object({
    id: z.uuid(),
    scheme: z.enum(GOV_SCHEMES),
    districtId: z.uuid().nullable(),
    districtName: z.string().nullable().meta({ description: 'Null: city-wide (全市)' }),
    effectiveFrom: z.iso.date(),
    incomePerPerson: z.number(),
    assetsPerPerson: z.number().nullable(),
    requireNoAbleWorker: z.boolean(),
    requireNoSupporter: z.boolean(),
    sourceDocument: z.string(),
    note: z.string().nullable(),
    sample: z.boolean().meta({ description: 'Sample data (样例数据) seeded for the demo: not a real document' }),
    inForce: z.boolean().meta({ description: 'Its date has come (Beijing): it can no longer be changed or removed' }),
    current: z.boolean().meta({ description: 'The one in force today for its scheme and area' }),
    createdById: z.uuid(),
    createdAt: z.iso.datetime(),
  })
  .meta({
    id: 'EligibilityStandard',
    description: '救助标准 A scheme’s eligibility standard for the city or a district, from its effective date',
  });
export type TEligibilityStandard = z.infer<typeof ZEligibilityStandardSchema>;

export const ZStandardListFilterSchema = z
  .object({
    scheme: z.enum(GOV_SCHEMES).optional(),
    districtId: z
      .union([z.uuid('must be a district id (uuid) or "city"'), z.literal('city')])
      .optional()
      .meta({ description: 'A district’s standards, or "city" for the city-wide ones' }),
    current: z.boolean().optional().meta({ description: 'Only the ones in force today' }),
  })
  .strict();
export type TStandardListFilter = z.infer<typeof ZStandardListFilterSchema>;

export const STANDARD_SORT_FIELDS = ['effectiveFrom', 'scheme', 'createdAt'] as const;
export const ZStandardListQuerySchema = listQuerySchema(ZStandardListFilterSchema, STANDARD_SORT_FIELDS, [
  'effectiveFrom',
  'DESC',
]);

export const ZStandardParams = z.object({ id: z.uuid('must be a standard id (uuid)') });

export const listStandards = route({
  method: 'get',
  path: '/standards',
  tags,
  summary: '救助标准列表 The schemes’ eligibility standards, latest first',
  description: 'Any signed-in user.',
  request: { query: ZStandardListQuerySchema },
  responses: { 200: json(z.array(ZEligibilityStandardSchema), 'The page asked for; the total in Content-Range') },
});

export const getStandard = route({
  method: 'get',
  path: '/standards/{id}',
  tags,
  summary: '救助标准 One standard',
  request: { params: ZStandardParams },
  responses: { 200: json(ZEligibilityStandardSchema, 'The standard') },
});

const standardBody = {
  body: { required: true, content: { 'application/json': { schema: ZEligibilityStandardBodySchema } } },
} as const;

export const createStandard = route({
  method: 'post',
  path: '/standards',
  tags,
  summary: '新增救助标准 Adds a standard with its document number and effective date',
  description:
    'Admins. A standard is never edited once in force: a new one with a later effective date supersedes it. One per ' +
    'scheme, area and date (a second is a 422 naming effectiveFrom).',
  request: standardBody,
  responses: { 201: json(ZEligibilityStandardSchema, 'The standard as saved') },
});

export const updateStandard = route({
  method: 'put',
  path: '/standards/{id}',
  tags,
  summary: '修改救助标准 Corrects a standard not yet in force',
  description: 'Admins, before its effective date (Beijing); once in force it is a 409: add a new standard instead.',
  request: { params: ZStandardParams, ...standardBody },
  responses: { 200: json(ZEligibilityStandardSchema, 'The standard as saved') },
});

export const deleteStandard = route({
  method: 'delete',
  path: '/standards/{id}',
  tags,
  summary: '删除救助标准 Removes a standard not yet in force',
  description: 'Admins, before its effective date; once in force it is a 409.',
  request: { params: ZStandardParams },
  responses: { 200: json(z.object({ id: z.uuid() }), 'The id removed') },
});

// A case's eligibility (GET /api/cases/{id}/eligibility), mounted under /api/cases.

export const ZEligibilityVerdict = z.enum(['YES', 'NO', 'UNKNOWN']);

export const ZEligibilitySuggestionSchema = z
  .object({
    scheme: z.enum(GOV_SCHEMES),
    eligible: ZEligibilityVerdict.meta({ description: 'Appears eligible, appears not, or data is missing' }),
    reasons: z.array(z.string()).meta({ description: 'Why, in Chinese, with the figures and the standard’s 文号' }),
    standardId: z.uuid().nullable(),
  })
  .meta({
    id: 'EligibilitySuggestion',
    description: '资格建议 A scheme the household appears eligible for or not, and why',
  });

export const ZEligibilityDecisionSchema = z
  .object({
    scheme: z.enum(GOV_SCHEMES),
    refer: z.boolean(),
    overrideReason: z.string().optional(),
  })
  .meta({ id: 'EligibilityDecision', description: '确认或改变建议 The worker’s decision on a suggestion' });

export const ZCaseEligibilitySchema = z
  .object({
    caseId: z.uuid(),
    date: z.iso.date().meta({ description: 'The Beijing date the suggestions are computed for (today)' }),
    districtId: z.uuid().nullable(),
    districtName: z.string().nullable(),
    household: z.object({
      householdId: z.uuid().nullable(),
      personId: z.uuid(),
      members: z.number().int(),
      monthlyIncome: z.number().nullable(),
      assets: z.number().nullable(),
      hasSupporter: z.boolean().nullable(),
    }),
    suggestions: z.array(ZEligibilitySuggestionSchema).meta({ description: 'One per scheme with a standard in force' }),
    screening: z
      .object({
        suggestions: z.array(ZEligibilitySuggestionSchema),
        decisions: z.array(ZEligibilityDecisionSchema),
        at: z.iso.datetime(),
      })
      .nullable()
      .meta({ description: 'What screening recorded: the suggestions then and the worker’s decisions' }),
    referrals: z.array(
      z.object({
        scheme: z.enum(GOV_SCHEMES),
        outcome: z.enum(['PENDING', ...GOV_AID_DECISIONS]),
        department: z.string().nullable(),
        referredOn: z.iso.date().nullable(),
        referenceNo: z.string().nullable(),
      }),
    ),
  })
  .meta({
    id: 'CaseEligibility',
    description: '资格建议与转介 The household’s eligibility now, what screening decided, and each referral’s outcome',
  });
export type TCaseEligibility = z.infer<typeof ZCaseEligibilitySchema>;

export const getCaseEligibility = route({
  method: 'get',
  path: '/{id}/eligibility',
  tags,
  summary: '资格建议 The schemes the case’s household appears eligible for today, and its referrals',
  description:
    'Workers and managers who can see the case. Computed from the household (members, income, assets) against the ' +
    'standards in force today (the district’s over the city’s); the referrals with department, date, reference ' +
    'number and outcome.',
  request: { params: z.object({ id: z.uuid('must be a case id (uuid)') }) },
  responses: { 200: json(ZCaseEligibilitySchema, 'Suggestions and referrals') },
});

// The SCREEN task form's part (tasks.types.ts ZScreenForm): decisions on the suggestions, referral details.

export const screenFormEligibility = {
  eligibility: z
    .object({
      decisions: z
        .array(
          z
            .object({
              scheme: z.enum(GOV_SCHEMES),
              refer: z.boolean(),
              overrideReason: z.string().trim().max(500).optional(),
            })
            .strict(),
        )
        .max(GOV_SCHEMES.length)
        .refine((d) => new Set(d.map((x) => x.scheme)).size === d.length, 'must not repeat a scheme'),
    })
    .strict()
    .optional()
    .meta({
      description:
        '§二 无缝衔接: a decision per suggestion (GET /api/cases/{id}/eligibility); referring where it says NO, or not ' +
        'where it says YES, needs overrideReason. The API recomputes the suggestions itself.',
    }),
  referralDetails: z
    .array(
      z
        .object({
          scheme: z.enum(GOV_SCHEMES),
          department: z.string().trim().min(2, 'name the receiving department').max(100),
          referredOn: z.iso.date('must be a date YYYY-MM-DD'),
          referenceNo: z.string().trim().max(60).optional(),
        })
        .strict(),
    )
    .max(GOV_SCHEMES.length)
    .optional()
    .meta({
      description: 'Per referred scheme: the receiving department, the date and the reference number (转介单号)',
    }),
};

type ScreenFormPart = {
  referrals: readonly string[];
  eligibility?: { decisions: { scheme: string; refer: boolean }[] } | undefined;
  referralDetails?: { scheme: string; referredOn: string }[] | undefined;
};

/** The form's decisions agree with its referrals, and its referral details cover exactly the referred schemes. */
export function refineScreenEligibility(form: ScreenFormPart, ctx: z.RefinementCtx, today: string) {
  form.eligibility?.decisions.forEach((decision, i) => {
    if (decision.refer !== form.referrals.includes(decision.scheme))
      ctx.addIssue({
        code: 'custom',
        path: ['eligibility', 'decisions', i, 'refer'],
        message: decision.refer ? `${decision.scheme} is not among the referrals` : `${decision.scheme} is referred`,
      });
  });
  const details = form.referralDetails;
  if (!details) return;
  const seen = new Set<string>();
  details.forEach((detail, i) => {
    if (!form.referrals.includes(detail.scheme))
      ctx.addIssue({ code: 'custom', path: ['referralDetails', i, 'scheme'], message: 'is not among the referrals' });
    else if (seen.has(detail.scheme))
      ctx.addIssue({ code: 'custom', path: ['referralDetails', i, 'scheme'], message: 'must not repeat a scheme' });
    seen.add(detail.scheme);
    if (detail.referredOn > today)
      ctx.addIssue({
        code: 'custom',
        path: ['referralDetails', i, 'referredOn'],
        message: 'must not be in the future',
      });
  });
  const missing = form.referrals.filter((scheme) => !seen.has(scheme));
  if (missing.length)
    ctx.addIssue({
      code: 'custom',
      path: ['referralDetails'],
      message: `give the department and date of every referral: missing ${missing.join(', ')}`,
    });
}
