import { z } from 'zod';
import {
  NEED_CATEGORIES,
  PLAN_ITEM_OUTCOMES,
  PLAN_RESPONSIBLE_KINDS,
  RESOURCE_KINDS,
} from '@guanai/workflows/vocabulary';

/**
 * §四(二) 个性化关爱援助方案 item by item: the plan, approval and follow-up forms' items. The machine
 * checks them again against the case (needs assessed, items decided exactly once); the API checks
 * first what only it can see (the responsible unit or partner exists) and names the form's field.
 */

/** A 422 on the second mention of an item. */
const once = (what: string) => (items: { itemId: string }[], ctx: z.RefinementCtx) => {
  const seen = new Set<string>();
  items.forEach((item, i) => {
    if (seen.has(item.itemId)) ctx.addIssue({ code: 'custom', path: [i, 'itemId'], message: what });
    seen.add(item.itemId);
  });
};

export const ZPlanItemForm = z
  .object({
    id: z.uuid('must be the id of an item of this plan').optional().meta({
      description: 'Kept when an item is resubmitted (an unchanged item keeps its approval); a new item gets one',
    }),
    needCategory: z
      .enum(NEED_CATEGORIES)
      .meta({ description: 'The assessed need the item answers (one of the current assessment’s)' }),
    goal: z.string().trim().min(1, 'is required').max(500).meta({ description: '目标 What the item achieves' }),
    action: z
      .string()
      .trim()
      .min(1, 'is required')
      .max(500)
      .meta({ description: '措施/资源 The resource or the action' }),
    resourceKind: z
      .enum(RESOURCE_KINDS)
      .optional()
      .meta({ description: 'The kind of catalogue resource the item looks for, when it is one' }),
    responsible: z
      .object({
        kind: z.enum(PLAN_RESPONSIBLE_KINDS),
        id: z.uuid('must be an org unit or partner id'),
        name: z.string().max(200).optional().meta({ description: 'Ignored: the server names the unit or partner' }),
      })
      .strict()
      .meta({ description: '责任方 An org unit (UNIT) or a partner (PARTNER)' }),
    targetDate: z.iso.date('must be a date YYYY-MM-DD').meta({ description: '完成时限' }),
  })
  .strict();
export type TPlanItemForm = z.infer<typeof ZPlanItemForm>;

export const ZPlanItems = z
  .array(ZPlanItemForm)
  .min(1, 'at least one item')
  .max(20, 'at most 20 items')
  .superRefine((items, ctx) => {
    const seen = new Set<string>();
    items.forEach((item, i) => {
      if (item.id && seen.has(item.id)) ctx.addIssue({ code: 'custom', path: [i, 'id'], message: 'repeats an item' });
      if (item.id) seen.add(item.id);
    });
  });

export const ZItemDecisionForm = z
  .object({
    itemId: z.uuid('must be the id of an item of the plan'),
    approved: z.boolean(),
    reason: z.string().trim().max(1000).optional(),
  })
  .strict();

export const ZItemDecisions = z
  .array(ZItemDecisionForm)
  .min(1, 'decide at least one item')
  .max(20)
  .superRefine((items, ctx) => {
    items.forEach((item, i) => {
      if (!item.approved && !item.reason)
        ctx.addIssue({ code: 'custom', path: [i, 'reason'], message: 'a returned item needs a reason' });
    });
    once('decides an item twice')(items, ctx);
  });

export const ZItemOutcomeForm = z
  .object({
    itemId: z.uuid('must be the id of an item of the plan'),
    outcome: z.enum(PLAN_ITEM_OUTCOMES).meta({ description: '已达成 / 部分达成 / 未达成' }),
    note: z.string().trim().max(1000).optional(),
  })
  .strict();

export const ZItemOutcomes = z.array(ZItemOutcomeForm).max(20).superRefine(once('records an item twice'));
