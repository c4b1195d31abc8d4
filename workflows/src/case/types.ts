/** Vocabulary of the case machine, shared by the workflow, the API and the admin. */

export const ROLES = ['DISCOVERER', 'STATION_WORKER', 'CASEWORKER', 'SUPERVISOR', 'MANAGER', 'PARTNER', 'ADMIN'] as const;
/** SYSTEM is the workflow itself: SLA timers, follow-up timers, auto-escalation. */
export type Role = (typeof ROLES)[number] | 'SYSTEM';

export const ORIGINS = ['SELF_APPLICATION', 'OUTREACH', 'REFERRAL'] as const;
export type Origin = (typeof ORIGINS)[number];

/** 社会救助暂行办法: the government schemes a case is screened against (§四(二)). */
export const GOV_SCHEMES = ['DIBAO', 'TEKUN', 'LINSHI', 'YILIAO', 'JIAOYU', 'ZHUFANG', 'JIUYE', 'SHOUZAI'] as const;
export type GovScheme = (typeof GOV_SCHEMES)[number];

export const SCREENING_OUTCOMES = ['RESIDUAL_NEED', 'GOV_AID_ONLY', 'NO_NEED'] as const;
export type ScreeningOutcome = (typeof SCREENING_OUTCOMES)[number];

export const NEED_CATEGORIES = [
  'BASIC_LIVING', 'MEDICAL', 'EDUCATION', 'HOUSING', 'EMPLOYMENT', 'CARE', 'PSYCHOLOGICAL', 'LEGAL', 'EMERGENCY', 'OTHER',
] as const;
export type NeedCategory = (typeof NEED_CATEGORIES)[number];
export const SEVERITIES = ['LOW', 'MEDIUM', 'HIGH'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const CLOSURE_REASONS = ['resolved', 'gov_aid_only', 'no_need', 'declined', 'unreachable', 'deceased', 'moved', 'duplicate'] as const;
export type ClosureReason = (typeof CLOSURE_REASONS)[number];

export const TASK_KINDS = [
  'REGISTER', 'SCREEN', 'MONITOR', 'ASSESS', 'PLAN', 'APPROVE_PLAN', 'MATCH', 'DELIVER', 'FOLLOW_UP',
  'ACCEPT_ESCALATION', 'JOINT_MEETING', 'EMERGENCY_AID', 'APPROVE_CLOSURE', 'MEETING_ACTION',
] as const;
export type TaskKind = (typeof TASK_KINDS)[number];

/** The tiers a case can be owned by, from the community it started in up to the city. */
export interface UnitChain {
  community: string;
  township: string;
  district: string;
  city: string;
}

/** Who sends an event: checked by the machine's guards (role) and jurisdiction (unit). */
export interface Actor {
  id: string;
  role: Role;
  unitId: string;
}

export interface Need {
  category: NeedCategory;
  severity: Severity;
  description?: string;
}

export interface CaseTask {
  id: string;
  kind: TaskKind;
  status: 'OPEN' | 'DONE' | 'CANCELLED';
  /** A 'case' task (emergency aid, closure approval) outlives the state it was opened in. */
  scope?: 'state' | 'case';
  warnAt?: string | null;
  warnedAt?: string | null;
  breachedAt?: string | null;
  unitId: string;
  assigneeId: string | null;
  createdAt: string;
  dueAt: string;
  completedAt: string | null;
  completedById: string | null;
  /** What the task is about when its kind does not say it (a joint meeting's action: department and action). */
  title?: string;
}

export { type SlaPolicy, type SlaRule } from '../sla/policy.ts';

