import type { BreachEffect, DurationUnit } from '../vocabulary.ts';
import { addWorkingDays, EMPTY_CALENDAR, type WorkCalendar } from './calendar.ts';

export type { BreachEffect, DurationUnit };

/** One task kind's SLA: durations, when to warn (share of the time gone) and what a breach does. */
export interface SlaRule {
  normal: number;
  emergency: number;
  unit?: DurationUnit;
  /** 0–1: warn when this share of the time to the deadline has passed. */
  warnAt?: number;
  onBreach?: BreachEffect;
}

export type SlaPolicy = Record<string, SlaRule>;

const HOUR_MS = 3_600_000;
export const DEFAULT_WARN_AT = 0.8;

/** The deadline of a task opened at `startMs` under `rule`. */
export function dueAt(
  startMs: number,
  rule: SlaRule | undefined,
  emergency: boolean,
  calendar: WorkCalendar = EMPTY_CALENDAR,
): number {
  const amount = rule ? (emergency ? rule.emergency : rule.normal) : 72;
  return rule?.unit === 'WORKING_DAYS' ? addWorkingDays(startMs, amount, calendar) : startMs + amount * HOUR_MS;
}

/** When to warn about a task: the share `warnAt` of the way from its start to its deadline. */
export function warnAt(startMs: number, dueMs: number, rule: SlaRule | undefined): number {
  return startMs + Math.round((dueMs - startMs) * (rule?.warnAt ?? DEFAULT_WARN_AT));
}
