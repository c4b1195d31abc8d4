import { SYSTEM_ACTOR } from './rules.ts';
import type { CaseContext, CaseEvent } from './machine.ts';

const DAY_MS = 24 * 3_600_000;

/**
 * The events the workflow's durable timers owe the case at `now`: SLA warnings and breaches of
 * open tasks, the follow-up visit falling due, the end of the reopen window. Pure.
 */
export function dueSystemEvents(context: CaseContext, state: string, now: number): CaseEvent[] {
  const at = new Date(now).toISOString();
  const events: CaseEvent[] = [];
  if (state === 'closed') {
    if (context.closedAt && Date.parse(context.closedAt) + (context.reopenWindowDays ?? 90) * DAY_MS <= now) {
      events.push({ type: 'REOPEN_WINDOW_ENDED', actor: SYSTEM_ACTOR, at });
    }
    return events;
  }
  for (const task of context.tasks) {
    if (task.status !== 'OPEN') continue;
    if (task.warnAt && !task.warnedAt && !task.breachedAt && Date.parse(task.warnAt) <= now)
      events.push({ type: 'SLA_WARNING', taskId: task.id, actor: SYSTEM_ACTOR, at });
    if (!task.breachedAt && Date.parse(task.dueAt) <= now)
      events.push({ type: 'SLA_BREACHED', taskId: task.id, actor: SYSTEM_ACTOR, at });
  }
  if (context.followUpDueAt && Date.parse(context.followUpDueAt) <= now)
    events.push({ type: 'FOLLOW_UP_DUE', actor: SYSTEM_ACTOR, at });
  return events;
}

/**
 * The next instant a timer must wake the workflow, or undefined when nothing is pending. Instants
 * at or before `after` are skipped: a deadline whose event the case refused must not wake it again.
 */
export function nextDeadline(
  context: CaseContext,
  state: string,
  after = Number.NEGATIVE_INFINITY,
): number | undefined {
  const times: number[] = [];
  if (state === 'closed') {
    if (context.closedAt) times.push(Date.parse(context.closedAt) + (context.reopenWindowDays ?? 90) * DAY_MS);
  } else {
    for (const task of context.tasks) {
      if (task.status !== 'OPEN' || task.breachedAt) continue;
      if (task.warnAt && !task.warnedAt) times.push(Date.parse(task.warnAt));
      times.push(Date.parse(task.dueAt));
    }
    if (context.followUpDueAt) times.push(Date.parse(context.followUpDueAt));
  }
  const pending = times.filter((t) => t > after);
  return pending.length ? Math.min(...pending) : undefined;
}
