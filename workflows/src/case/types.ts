/** Types of the case machine, shared by the workflow, the API and the admin; its vocabularies are vocabulary.ts's. */

import type { NeedCategory, Severity, TaskKind, TaskStatus, UserRole } from '../vocabulary.ts';

export * from '../vocabulary.ts';

/** SYSTEM is the workflow itself: SLA timers, follow-up timers, auto-escalation. */
export type Role = UserRole | 'SYSTEM';

/** The tiers a case can be owned by, from the community it started in up to the city. */
export interface UnitChain {
  community: string;
  township: string;
  district: string;
  city: string;
}

/** Who sends an event: checked by the machine's guards (role) and jurisdiction (unit). */
/** A place on the map (WGS-84, as the phone's geolocation gives it), with its accuracy in metres. */
export interface GeoPoint {
  lat: number;
  lng: number;
  accuracyM?: number;
}

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
  status: TaskStatus;
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
