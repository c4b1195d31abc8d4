// What other packages may import from @guanai/workflows (no workflow-sandbox code).
export * from './case/types.ts';
export * from './case/rules.ts';
export {
  caseMachine,
  refusalOf,
  stateName,
  acceptedEventTypes,
  type CaseContext,
  type CaseEvent,
  type CaseEventType,
  type CaseInput,
  type CaseSnapshot,
  type Match,
  type DeliveryItem,
  type MeetingAction,
} from './case/machine.ts';
export {
  planItemsRefusal,
  planReturnReason,
  type PlanItem,
  type PlanItemDecision,
  type PlanItemOutcomeEntry,
  type PlannedItem,
} from './case/plan-items.ts';
export type {
  EligibilityDecision,
  EligibilityRecord,
  EligibilitySuggestion,
  EligibilityVerdict,
  ReferralDetail,
} from './case/eligibility.ts';
export { type SlaPolicy, type SlaRule } from './sla/policy.ts';
export { type WorkCalendar } from './sla/calendar.ts';
export * from './case/messages.ts';
export { faultPoint } from './faults.ts';
export type { CaseProjection } from './case/projection.ts';
export { previousPeriod } from './disclosure/period.ts';
export {
  discloseMonth,
  snapshotHash,
  type DisclosedRow,
  type Correction,
  type ProjectFigures,
  type SnapshotContent,
} from './disclosure/snapshot.ts';
export { campaignFigures, type CampaignFigures } from './disclosure/campaign-figures.ts';
export type { DisclosureInput } from './disclosure/workflow.ts';
export type { PublishResult } from './disclosure/activities.ts';
export * from './handover/messages.ts';
export * from './demo/messages.ts';
