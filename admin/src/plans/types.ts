import type { TAssessedNeed, TCaseDetail, TCasePlan, TPlanItem } from '@guanai/api/types';
import { useGetOne } from 'react-admin';
import type { CaseRecord } from '../cases/types.ts';

/** §四(二): a case as the plan screens read it (GET /api/cases/:id answers its needs and plan). */
export type PlanCase = CaseRecord & Partial<Pick<TCaseDetail, 'assessedNeeds' | 'plan'>>;
export type { TAssessedNeed, TCasePlan, TPlanItem };

/** What the plan form sends for an item: the item without its decision and outcome. */
export type PlanItemDraft = Omit<TPlanItem, 'decision' | 'outcome' | 'resourceKind'> & { resourceKind?: string };

/** The case a plan task belongs to, with its current needs and plan. */
export function usePlanCase(caseId: string) {
  return useGetOne<PlanCase>('cases', { id: caseId });
}

/** The plan's items approved by the supervisor (a plan approved as a whole: all of them). */
export const approvedItems = (plan: TCasePlan | null | undefined): TPlanItem[] =>
  plan?.approvedAt ? (plan.items ?? []).filter((item) => item.decision?.approved === true) : [];

/** A new item's id: the API keeps it, so a resubmitted item keeps its approval while unchanged. */
export const newItemId = () =>
  crypto.randomUUID
    ? crypto.randomUUID()
    : '10000000-1000-4000-8000-100000000000'.replace(/[018]/g, (c) =>
        (Number(c) ^ (Math.floor(Math.random() * 16) >> (Number(c) / 4))).toString(16),
      );
