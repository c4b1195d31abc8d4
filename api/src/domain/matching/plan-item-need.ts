import type { PlannedItem } from '@guanai/workflows';
import { AppError } from '../../errors/app-error.ts';
import { needsOf } from './needs-of.ts';

/**
 * §四(二) matching starts from the plan: the need a proposal answers, from the approved plan item it
 * names (the first need of the item's category, unless the proposal names one, which must be of that
 * category) or from the need it names. A plan item that is not an approved item of the case's approved
 * plan is a 422 naming planItemId.
 */
export function planItemNeed(
  data: unknown,
  body: { needIndex?: number | undefined; planItemId?: string | undefined },
): { needIndex: number; planItemId: string | null } {
  if (body.planItemId === undefined) return { needIndex: body.needIndex!, planItemId: null };
  const plan = (data as { plan?: { approvedAt: string | null; items?: PlannedItem[] } | null }).plan;
  const item = plan?.approvedAt ? plan.items?.find((i) => i.id === body.planItemId) : undefined;
  if (!item || item.decision?.approved !== true)
    throw new AppError('VALIDATION', { message: 'not an approved item of the case’s plan', field: 'planItemId' });
  const needs = needsOf(data);
  if (body.needIndex !== undefined) {
    const category = needs[body.needIndex]?.category;
    if (category && category !== item.needCategory)
      throw new AppError('VALIDATION', {
        message: `the plan item answers ${item.needCategory}, not need ${body.needIndex + 1} (${category})`,
        field: 'planItemId',
      });
    return { needIndex: body.needIndex, planItemId: item.id };
  }
  const needIndex = needs.findIndex((need) => need.category === item.needCategory);
  if (needIndex < 0)
    throw new AppError('VALIDATION', {
      message: `the current assessment has no ${item.needCategory} need: the plan item answers none`,
      field: 'planItemId',
    });
  return { needIndex, planItemId: item.id };
}
