import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { CaseContext, CaseEvent } from './machine.ts';
import type { Origin, UnitChain } from './types.ts';
import type { CaseInput } from './machine.ts';

/** The workflow id of a case. */
export const caseWorkflowId = (caseId: string) => `case-${caseId}`;
export const CASES_TASK_QUEUE = 'cases';

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/**
 * A human action: a machine event whose time the workflow stamps. Only a demo case (loaded by the
 * demo loader, `CaseWorkflowInput.demo`) takes a caller's past `at`; every other case refuses it.
 */
export type ActRequest = DistributiveOmit<CaseEvent, 'at'> & {
  at?: string;
  /**
   * The case's version (its last event's sequence number) the caller decided on, e.g. a phone's
   * offline action (If-Match). Acting on a case that has moved since is refused (STALE_VERSION),
   * except a note that the case still takes: a note does not depend on what happened meanwhile.
   */
  ifVersion?: number;
};

export interface CaseView {
  state: string;
  /** The machine's state value, for resolving a snapshot outside the workflow. */
  value?: unknown;
  status: 'active' | 'done';
  seq: number;
  context: CaseContext;
}

/** What the case row is made of besides the machine: written with the first projection. */
export interface CaseRecord {
  caseId: string;
  caseNo: string;
  personId: string;
  origin: Origin;
  situation: string;
  createdById: string;
  originUnitId: string;
  /** §四(一) active discovery: who found the person (网格员, 楼栋长, volunteer, social worker …). */
  discovererKind?: string;
  /** Written on the case row: demo data, shown as such. */
  demo?: boolean;
  /** The online self-application (网上申请) the case was opened from. */
  applicationId?: string;
  /** §四(一) a REFERRAL's source: a member department, or the 12345 hotline with its ticket number. */
  referral?: Referral;
}

export type Referral = { source: 'DEPARTMENT'; departmentCode: string } | { source: 'HOTLINE_12345'; ticketNo: string };

/**
 * The clock of a demo case: `now` is the time of its latest event (the loader's clock), `released`
 * once the loader has handed the case to real time (then overdue timers fire at once).
 */
export interface DemoClock {
  now: string;
  released?: boolean;
}

export interface CaseWorkflowInput {
  record: CaseRecord;
  machine: CaseInput;
  /**
   * A demo case (the demo loader's, clearly marked): its Updates may carry past times, and its timers
   * follow the loader's clock (`demoClockUpdate`) until the loader hands it to real time.
   */
  demo?: DemoClock;
  /** A station worker who registers a self-application has already done intake. */
  registerOnOpen: boolean;
  /** Accepted events per run before continuing as new (default 500; Temporal may suggest it earlier). */
  eventsPerRun?: number;
  /** Set by continue-as-new: the machine's persisted snapshot and the event sequence so far. */
  persisted?: { snapshot: unknown; seq: number };
}

export type { UnitChain };

/** Human actions; the validator refuses what the snapshot cannot take, before anything is written. */
export const actUpdate = defineUpdate<CaseView, [ActRequest]>('act');
/** Returns once everything accepted so far is projected (used right after start). */
export const syncUpdate = defineUpdate<CaseView>('sync');
export const stateQuery = defineQuery<CaseView>('state');
/**
 * Demo cases only: moves the case's clock forward to `to` (the timers due by then fire, stamped
 * `to`), or with `to: 'now'` hands the case to real time. Refused by every other case.
 */
export const demoClockUpdate = defineUpdate<CaseView, [{ to: string }]>('demoClock');
