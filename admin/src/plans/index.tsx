import type { TTask } from '@guanai/api/types';
import type { ReactElement } from 'react';
import { PlanApproval } from './PlanApproval.tsx';
import { PlanEditor } from './PlanEditor.tsx';
import { PlanOutcomes } from './PlanOutcomes.tsx';

export { CasePlanPanel } from './CasePlanPanel.tsx';
export { NeedPlanItems, PlanItemPicker, usePlanItemsFor } from './PlanItemPicker.tsx';

/** §四(二) item by item: the form fields of the PLAN, APPROVE_PLAN and FOLLOW_UP tasks (null for other kinds). */
export function planFieldsFor(task: Pick<TTask, 'kind' | 'caseId'>): ReactElement[] | null {
  switch (task.kind) {
    case 'PLAN':
      return [<PlanEditor key="plan" caseId={task.caseId} />];
    case 'APPROVE_PLAN':
      return [<PlanApproval key="plan" caseId={task.caseId} />];
    case 'FOLLOW_UP':
      return [<PlanOutcomes key="plan" caseId={task.caseId} />];
    default:
      return null;
  }
}
