import { z } from 'zod';
import { NEED_CATEGORIES, PLAN_ITEM_OUTCOMES, PLAN_RESPONSIBLE_KINDS, SEVERITIES } from '@guanai/workflows/vocabulary';

/** §四(二) 需求评估: a need of the case's current assessment. */
export const ZAssessedNeedSchema = z
  .object({
    category: z.enum(NEED_CATEGORIES),
    severity: z.enum(SEVERITIES),
    description: z.string().optional(),
  })
  .meta({ id: 'AssessedNeed', description: '评估需求 A need of the current assessment' });
export type TAssessedNeed = z.infer<typeof ZAssessedNeedSchema>;

export const ZPlanItemSchema = z
  .object({
    id: z.string(),
    needCategory: z.enum(NEED_CATEGORIES),
    goal: z.string(),
    action: z.string().meta({ description: '措施/资源 The resource or the action' }),
    resourceKind: z.string().optional(),
    responsible: z.object({ kind: z.enum(PLAN_RESPONSIBLE_KINDS), id: z.string(), name: z.string() }),
    targetDate: z.string().meta({ description: 'YYYY-MM-DD' }),
    decision: z
      .object({ approved: z.boolean(), reason: z.string().optional(), at: z.string(), by: z.string() })
      .optional()
      .meta({ description: 'The supervisor’s decision on the item (kept across a resubmission while unchanged)' }),
    outcome: z
      .object({ outcome: z.enum(PLAN_ITEM_OUTCOMES), note: z.string().optional(), at: z.string(), by: z.string() })
      .optional()
      .meta({ description: 'What the follow-up visit found' }),
  })
  .meta({ id: 'PlanItem', description: '方案事项 One item of a personalised plan, for one need (§四(二))' });
export type TPlanItem = z.infer<typeof ZPlanItemSchema>;

export const ZCasePlanSchema = z
  .object({
    summary: z.string(),
    submittedAt: z.string(),
    submittedBy: z.string(),
    approvedAt: z.string().nullable(),
    returns: z.array(z.object({ at: z.string(), by: z.string(), reason: z.string() })),
    items: z.array(ZPlanItemSchema).optional().meta({ description: 'Item by item (plans before items have none)' }),
  })
  .meta({ id: 'CasePlan', description: '个性化关爱援助方案 The case’s current plan (§四(二))' });
export type TCasePlan = z.infer<typeof ZCasePlanSchema>;

/** What the case page shows of the machine context: the current assessment's needs and the plan. */
export const ZCasePlanningShape = {
  // Optional in the type (older answers and fixtures have neither); the API always sends both.
  assessedNeeds: z.array(ZAssessedNeedSchema).optional().meta({ description: 'The current assessment’s needs' }),
  plan: ZCasePlanSchema.nullable().optional(),
};
