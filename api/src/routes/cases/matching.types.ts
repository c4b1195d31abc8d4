import { z } from 'zod';
import { HUKOU, NEED_CATEGORIES, RESOURCE_KINDS, SEVERITIES } from '@guanai/workflows/vocabulary';
import { CHECK_CODES, CHECK_RESULTS, TIERS } from '../../domain/matching/rank-resources.ts';
import { json, route } from '../../openapi/router.ts';
import { ZMatchSchema } from '../matches/matches.types.ts';
import { ZYuan } from '../resources/resources.types.ts';

/** As before the contract: a case id named simply as an id. */
const ZCaseParams = z.object({ id: z.uuid('must be an id (uuid)') });

export const ZProposeMatchSchema = z
  .object({
    needIndex: z.number().int().min(0).optional().meta({ description: 'Required unless a plan item names the need' }),
    /** §四(二): matching starts from the plan: the approved plan item the proposal answers (its need by default). */
    planItemId: z
      .string()
      .min(1)
      .max(80)
      .optional()
      .meta({ description: 'An approved item of the case’s plan; the need defaults to the item’s category' }),
    resourceId: z.uuid('must be a resource id'),
    /** Places to hold, for resources with a capacity (default 1). */
    places: z.number().int().min(1).max(100).optional(),
    /** Yuan to hold, for resources with a budget. */
    amount: ZYuan.positive('must be more than zero').optional(),
    note: z.string().trim().max(1000).optional(),
  })
  .strict()
  .refine((body) => body.needIndex !== undefined || body.planItemId !== undefined, {
    path: ['needIndex'],
    message: 'name the need, or the plan item it answers',
  });
export type TProposeMatch = z.infer<typeof ZProposeMatchSchema>;

export const ZEligibilityCheckSchema = z
  .object({
    code: z.enum(CHECK_CODES),
    result: z.enum(CHECK_RESULTS),
    params: z
      .record(z.string(), z.union([z.string(), z.number(), z.null()]))
      .meta({ description: 'The figures, for the admin to word the check in either language' }),
    text: z.string().meta({ description: 'The check in Chinese' }),
  })
  .meta({
    id: 'EligibilityCheck',
    description: '对接规则核对 One rule a resource was checked against, and its result',
  });

const ZCandidateResourceSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  kind: z.enum(RESOURCE_KINDS),
  providerName: z.string(),
  coverageName: z.string(),
});

export const ZNeedMatchingSchema = z
  .object({
    need: z.object({
      index: z.number().int(),
      category: z.enum(NEED_CATEGORIES),
      severity: z.enum(SEVERITIES),
      description: z.string().optional(),
    }),
    candidates: z.array(
      z.object({
        rank: z.number().int(),
        tier: z.enum(TIERS),
        remainingPlaces: z.number().nullable(),
        remainingAmount: z.number().nullable(),
        checks: z.array(ZEligibilityCheckSchema),
        resource: ZCandidateResourceSchema,
      }),
    ),
    excluded: z.array(z.object({ resource: ZCandidateResourceSchema, reasons: z.array(ZEligibilityCheckSchema) })),
    escalationOffered: z
      .boolean()
      .meta({ description: 'No candidate at the case’s own tier while it is in matching: escalation is offered' }),
    matches: z.array(ZMatchSchema),
  })
  .meta({
    id: 'NeedMatching',
    description: '一项需求的候选资源 One need: its ranked candidates, the excluded and why',
  });

export const ZCaseMatchingSchema = z
  .object({
    caseId: z.uuid(),
    state: z.string(),
    subject: z
      .object({
        age: z.number().int().nullable(),
        hukou: z.enum(HUKOU),
        incomePerHead: z.number().nullable().meta({ description: 'Household income per head, yuan per month' }),
        tags: z.array(z.string()),
      })
      .meta({ description: 'What eligibility is judged on' }),
    needs: z.array(ZNeedMatchingSchema),
  })
  .meta({ id: 'CaseMatching', description: '供需对接 The needs of a case with their ranked candidates (§四(六))' });
export type TCaseMatching = z.infer<typeof ZCaseMatchingSchema>;

const tags = ['matches'];

export const getCaseMatching = route({
  method: 'get',
  path: '/{id}/matching',
  tags,
  summary: '候选资源 Each need of a case with its ranked candidates, and the excluded with reasons',
  description: 'Caseworkers and supervisors of the center that owns the case (§四(六)).',
  request: { params: ZCaseParams },
  responses: { 200: json(ZCaseMatchingSchema, 'The needs and their candidates') },
});

export const proposeMatch = route({
  method: 'post',
  path: '/{id}/matches',
  tags,
  summary: '提出对接 Proposes a ranked candidate for a need, holding its places and money at once',
  description:
    'The owning center, while the case is in matching or delivery (§四(六)). Two caseworkers racing for the last place cannot both get it: the loser gets 409. ' +
    'A retried request (same Idempotency-Key) holds nothing twice.',
  request: {
    params: ZCaseParams,
    body: { required: true, content: { 'application/json': { schema: ZProposeMatchSchema } } },
  },
  responses: { 201: json(ZMatchSchema, 'The match proposed to the resource’s partner') },
});
