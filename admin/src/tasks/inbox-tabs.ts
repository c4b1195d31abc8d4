import type { TTaskCounts, TTaskListFilter } from '@guanai/api/types';

/**
 * The inbox's tabs: each a preset filter of GET /api/tasks whose total GET /api/tasks/counts gives
 * under the same key. Staff start from a tab and narrow it with the filter bar.
 */
export const INBOX_TABS = [
  ['mine', { scope: 'mine' }],
  ['unassigned', { scope: 'unit', unassigned: true }],
  ['unit', { scope: 'unit' }],
  ['dueToday', { scope: 'unit', dueToday: true }],
  ['overdue', { scope: 'unit', overdue: true }],
  ['emergency', { scope: 'unit', emergency: true }],
] as const satisfies readonly (readonly [keyof TTaskCounts, TTaskListFilter])[];

export type InboxTab = (typeof INBOX_TABS)[number][0];

/** What a filter asks for, without the flags that are off and the default status (open). */
function essence(filter: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(filter).filter(
      ([key, value]) =>
        value !== undefined && value !== false && value !== '' && !(key === 'status' && value === 'OPEN'),
    ),
  );
}

/** The tab a filter is exactly (scope unit is the API's default), or false when it is narrowed further. */
export function tabOf(filter: Record<string, unknown>): InboxTab | false {
  const current = essence({ scope: 'unit', ...filter });
  const same = (a: Record<string, unknown>, b: Record<string, unknown>) =>
    Object.keys(a).length === Object.keys(b).length && Object.entries(a).every(([k, v]) => b[k] === v);
  return INBOX_TABS.find(([, preset]) => same(essence(preset), current))?.[0] ?? false;
}

/** The filter as the API takes it: the flags that are off left out (a false flag asks for nothing). */
export const apiFilter = (filter: Record<string, unknown>) => essence(filter) as TTaskListFilter;
