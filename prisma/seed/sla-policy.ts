import type { BreachEffect, DurationUnit } from '../generated/client/client.ts';

export interface SlaRow {
  taskKind: string;
  normal: number;
  emergency: number;
  unit: DurationUnit;
  warnAt: number;
  onBreach: BreachEffect;
}

/**
 * The SLA policy a new installation starts with; admins change it as data. Durations are in the
 * rule's unit, for normal and emergency (急难) cases alike.
 */
export const defaultSlaPolicy: SlaRow[] = [
  { taskKind: 'REGISTER', normal: 1, emergency: 0.25, unit: 'WORKING_DAYS', warnAt: 0.75, onBreach: 'NOTIFY' },
  { taskKind: 'SCREEN', normal: 3, emergency: 1, unit: 'WORKING_DAYS', warnAt: 0.75, onBreach: 'NOTIFY' },
  { taskKind: 'MONITOR', normal: 30, emergency: 10, unit: 'WORKING_DAYS', warnAt: 0.8, onBreach: 'NOTIFY' },
  { taskKind: 'ASSESS', normal: 5, emergency: 1, unit: 'WORKING_DAYS', warnAt: 0.75, onBreach: 'NOTIFY' },
  { taskKind: 'PLAN', normal: 5, emergency: 1, unit: 'WORKING_DAYS', warnAt: 0.75, onBreach: 'NOTIFY' },
  { taskKind: 'APPROVE_PLAN', normal: 2, emergency: 1, unit: 'WORKING_DAYS', warnAt: 0.75, onBreach: 'NOTIFY' },
  { taskKind: 'MATCH', normal: 10, emergency: 2, unit: 'WORKING_DAYS', warnAt: 0.75, onBreach: 'AUTO_ESCALATE' },
  { taskKind: 'DELIVER', normal: 10, emergency: 2, unit: 'WORKING_DAYS', warnAt: 0.75, onBreach: 'NOTIFY' },
  { taskKind: 'FOLLOW_UP', normal: 5, emergency: 2, unit: 'WORKING_DAYS', warnAt: 0.75, onBreach: 'NOTIFY' },
  { taskKind: 'ACCEPT_ESCALATION', normal: 2, emergency: 1, unit: 'WORKING_DAYS', warnAt: 0.75, onBreach: 'NOTIFY' },
  { taskKind: 'JOINT_MEETING', normal: 20, emergency: 3, unit: 'WORKING_DAYS', warnAt: 0.75, onBreach: 'NOTIFY' },
  // 急难: temporary assistance (临时救助 / 先行救助) within hours.
  { taskKind: 'EMERGENCY_AID', normal: 24, emergency: 4, unit: 'HOURS', warnAt: 0.5, onBreach: 'NOTIFY' },
  { taskKind: 'APPROVE_CLOSURE', normal: 2, emergency: 1, unit: 'WORKING_DAYS', warnAt: 0.75, onBreach: 'NOTIFY' },
  // §四(九): an action a joint meeting assigned to a department; its deadline is the meeting's, this is the default.
  { taskKind: 'MEETING_ACTION', normal: 15, emergency: 5, unit: 'WORKING_DAYS', warnAt: 0.75, onBreach: 'NOTIFY' },
];
