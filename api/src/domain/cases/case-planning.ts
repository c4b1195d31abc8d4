import type { TAssessedNeed, TCasePlan } from '../../routes/cases/plan.types.ts';

/**
 * §四(二): what the case page shows of the machine context as last projected: the current
 * assessment's needs (re-assessment replaces them) and the plan, item by item when it has items.
 */
export function casePlanningOf(data: unknown): { assessedNeeds: TAssessedNeed[]; plan: TCasePlan | null } {
  const context = (data ?? {}) as { assessments?: { needs: TAssessedNeed[] }[]; plan?: TCasePlan | null };
  return { assessedNeeds: context.assessments?.at(-1)?.needs ?? [], plan: context.plan ?? null };
}
