import type { NeedCategory, PlanItemOutcome, PlanResponsibleKind } from '../vocabulary.ts';
import type { CaseContext, CaseEvent, Plan } from './machine.ts';
import type { Refusal } from './rules.ts';

/**
 * §四(二) 个性化关爱援助方案, item by item: each item answers one assessed need with a goal, the
 * resource or action, who is responsible (an org unit or a partner) and a target date. A supervisor
 * approves or returns each item; the follow-up visit records what became of each. Pure, like the
 * machine that uses it: plans recorded before items existed have none, and every check here passes
 * for them, so old histories replay unchanged.
 */

export interface PlanItem {
  /** Chosen by the API (a uuid) and kept by the drafter across resubmissions. */
  id: string;
  needCategory: NeedCategory;
  goal: string;
  /** The resource or the action (e.g. 申请大病医疗慈善救助, 每周两次上门照料). */
  action: string;
  /** The resource kind the item looks for in the catalogue, when it is one (MONEY, SERVICE …). */
  resourceKind?: string;
  responsible: { kind: PlanResponsibleKind; id: string; name: string };
  /** YYYY-MM-DD. */
  targetDate: string;
}

export interface PlanItemDecision {
  itemId: string;
  approved: boolean;
  /** Required when the item is returned. */
  reason?: string;
}

export interface PlanItemOutcomeEntry {
  itemId: string;
  outcome: PlanItemOutcome;
  note?: string;
}

/** An item as the case keeps it: with the supervisor's decision and the follow-up's outcome. */
export interface PlannedItem extends PlanItem {
  decision?: { approved: boolean; reason?: string; at: string; by: string };
  outcome?: { outcome: PlanItemOutcome; note?: string; at: string; by: string };
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

const sameItem = (a: PlanItem, b: PlanItem) =>
  a.needCategory === b.needCategory &&
  a.goal === b.goal &&
  a.action === b.action &&
  (a.resourceKind ?? null) === (b.resourceKind ?? null) &&
  a.responsible.kind === b.responsible.kind &&
  a.responsible.id === b.responsible.id &&
  a.targetDate === b.targetDate;

/** Items approved on an earlier submission of this plan (not yet approved as a whole), unchanged since. */
const keptApproval = (item: PlannedItem) => item.decision?.approved === true;

function itemsRefusal(context: CaseContext, items: readonly PlanItem[]): Refusal | null {
  if (items.length === 0) return { code: 'INVALID', field: 'items', message: 'a plan with items names at least one' };
  // §四(二): the plan answers the needs of the current assessment, and no others.
  const needs = context.assessments.at(-1)?.needs ?? [];
  const assessed = new Set(needs.map((need) => need.category));
  const seen = new Set<string>();
  for (const [i, item] of items.entries()) {
    if (!item.id || seen.has(item.id))
      return { code: 'INVALID', field: `items.${i}.id`, message: `item ${i + 1} repeats the id of another item` };
    seen.add(item.id);
    if (!assessed.has(item.needCategory))
      return {
        code: 'INVALID',
        field: `items.${i}.needCategory`,
        message: `item ${i + 1} answers ${item.needCategory}, which is not among the case's assessed needs (${[...assessed].join(', ') || 'none'})`,
      };
    if (!item.goal?.trim()) return { code: 'INVALID', field: `items.${i}.goal`, message: `item ${i + 1} has no goal` };
    if (!item.action?.trim())
      return { code: 'INVALID', field: `items.${i}.action`, message: `item ${i + 1} names no resource or action` };
    if (!item.responsible?.id)
      return { code: 'INVALID', field: `items.${i}.responsible.id`, message: `item ${i + 1} names no one responsible` };
    if (!DATE.test(item.targetDate ?? ''))
      return {
        code: 'INVALID',
        field: `items.${i}.targetDate`,
        message: `item ${i + 1}'s target date is not YYYY-MM-DD`,
      };
  }
  return null;
}

function decisionsRefusal(
  plan: Plan | null,
  type: 'PLAN_APPROVED' | 'PLAN_RETURNED',
  decisions: readonly PlanItemDecision[] | undefined,
): Refusal | null {
  const items = plan?.items;
  if (!items) {
    return decisions?.length
      ? { code: 'INVALID', field: 'itemDecisions', message: 'the plan has no items to decide on' }
      : null;
  }
  if (!decisions)
    return { code: 'INVALID', field: 'itemDecisions', message: 'the plan is decided item by item: decide each item' };
  const byId = new Map(items.map((item) => [item.id, item]));
  const decided = new Map<string, boolean>();
  for (const [i, decision] of decisions.entries()) {
    if (!byId.has(decision.itemId) || decided.has(decision.itemId))
      return {
        code: 'INVALID',
        field: `itemDecisions.${i}.itemId`,
        message: decided.has(decision.itemId)
          ? `item ${decision.itemId} is decided twice`
          : `the plan has no item ${decision.itemId}`,
      };
    decided.set(decision.itemId, decision.approved);
    if (!decision.approved && !decision.reason?.trim())
      return { code: 'INVALID', field: `itemDecisions.${i}.reason`, message: 'a returned item needs a reason' };
    if (type === 'PLAN_APPROVED' && !decision.approved)
      return {
        code: 'INVALID',
        field: `itemDecisions.${i}.approved`,
        message: 'an approved plan has every item approved: return the plan with this item instead',
      };
  }
  // An item approved on an earlier submission and unchanged since keeps its approval when not named.
  const undecided = items.filter((item) => !decided.has(item.id) && !keptApproval(item));
  if (undecided.length > 0)
    return {
      code: 'INVALID',
      field: 'itemDecisions',
      message: `decide each item of the plan: ${undecided.map((item) => `“${item.goal}”`).join(', ')} has no decision`,
    };
  if (type === 'PLAN_RETURNED' && ![...decided.values()].includes(false))
    return { code: 'INVALID', field: 'itemDecisions', message: 'no item is returned: approve the plan instead' };
  return null;
}

function outcomesRefusal(plan: Plan | null, outcomes: readonly PlanItemOutcomeEntry[] | undefined): Refusal | null {
  if (!outcomes) return null;
  const items = plan?.items ?? [];
  if (items.length === 0)
    return outcomes.length
      ? { code: 'INVALID', field: 'itemOutcomes', message: 'the case has no plan items to record outcomes of' }
      : null;
  const ids = new Set(items.map((item) => item.id));
  const seen = new Set<string>();
  for (const [i, entry] of outcomes.entries()) {
    if (!ids.has(entry.itemId) || seen.has(entry.itemId))
      return {
        code: 'INVALID',
        field: `itemOutcomes.${i}.itemId`,
        message: seen.has(entry.itemId)
          ? `item ${entry.itemId} has two outcomes`
          : `the plan has no item ${entry.itemId}`,
      };
    seen.add(entry.itemId);
  }
  const missing = items.filter((item) => !seen.has(item.id));
  if (missing.length > 0)
    return {
      code: 'INVALID',
      field: 'itemOutcomes',
      message: `the visit records each item's outcome: ${missing.map((item) => `“${item.goal}”`).join(', ')} has none`,
    };
  return null;
}

/** Why the plan's items refuse the event (null when they allow it, and for every event without items). */
export function planItemsRefusal(context: CaseContext, event: CaseEvent): Refusal | null {
  switch (event.type) {
    case 'PLAN_SUBMITTED':
      return event.items ? itemsRefusal(context, event.items) : null;
    case 'PLAN_APPROVED':
    case 'PLAN_RETURNED':
      return decisionsRefusal(context.plan, event.type, event.itemDecisions);
    case 'FOLLOWED_UP':
      return outcomesRefusal(context.plan, event.itemOutcomes);
    default:
      return null;
  }
}

/**
 * The submitted items as the case keeps them. A resubmission after a return keeps the approval of
 * each item approved before and unchanged since; a changed item, or one returned, waits for a new
 * decision. A new plan after an approved one (a new cycle after re-assessment) starts afresh.
 */
export function submittedItems(
  previous: Plan | null,
  items: readonly PlanItem[] | undefined,
): PlannedItem[] | undefined {
  if (!items) return undefined;
  const earlier = previous && previous.approvedAt === null ? (previous.items ?? []) : [];
  return items.map((item) => {
    const before = earlier.find((e) => e.id === item.id);
    const { decision: _decision, outcome: _outcome, ...fields } = item as PlannedItem;
    return before && keptApproval(before) && sameItem(before, fields)
      ? { ...fields, decision: before.decision }
      : fields;
  });
}

/** Each named item takes the supervisor's decision; the others keep theirs. */
export function decidedItems(
  items: readonly PlannedItem[],
  decisions: readonly PlanItemDecision[],
  at: string,
  by: string,
): PlannedItem[] {
  return items.map((item) => {
    const decision = decisions.find((d) => d.itemId === item.id);
    if (!decision) return item;
    const reason = decision.reason?.trim();
    return { ...item, decision: { approved: decision.approved, ...(reason ? { reason } : {}), at, by } };
  });
}

/** Each item takes the outcome the follow-up visit found. */
export function itemsWithOutcomes(
  items: readonly PlannedItem[],
  outcomes: readonly PlanItemOutcomeEntry[],
  at: string,
  by: string,
): PlannedItem[] {
  return items.map((item) => {
    const entry = outcomes.find((o) => o.itemId === item.id);
    if (!entry) return item;
    const note = entry.note?.trim();
    return { ...item, outcome: { outcome: entry.outcome, ...(note ? { note } : {}), at, by } };
  });
}

/** A returned plan's reason, from its returned items: 第2项「…」：reason；… */
export function planReturnReason(items: readonly PlanItem[], decisions: readonly PlanItemDecision[]): string {
  return items
    .flatMap((item, i) => {
      const decision = decisions.find((d) => d.itemId === item.id);
      return decision && !decision.approved ? [`第${i + 1}项「${item.goal}」：${decision.reason?.trim() ?? ''}`] : [];
    })
    .join('；');
}
