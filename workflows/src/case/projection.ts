import type { CaseStatus, CaseTask, ClosureReason } from './types.ts';
import type { CaseRecord } from './messages.ts';
import type { NotifyEffect } from './machine.ts';

/** One accepted event and the snapshot after it: what the projection activity writes. */
export interface CaseProjection {
  record: CaseRecord;
  seq: number;
  state: string;
  status: CaseStatus;
  closureReason: ClosureReason | null;
  emergency: boolean;
  owningUnitId: string;
  data: Record<string, unknown>;
  /** The tasks this event changed (all of them on a workflow run's first projection, and before `local-projection`). */
  tasks: CaseTask[];
  event: {
    type: string;
    fromState: string | null;
    toState: string;
    actorId: string | null;
    at: string;
    payload: Record<string, unknown>;
  };
  /** Notifications the event causes (SLA warnings and breaches, escalations, assignments). */
  notifications?: NotifyEffect[];
}
