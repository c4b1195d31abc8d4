import type { Messages } from '../messages.ts';
import type { common as zh } from '../zh/common.ts';

/** zh/common.ts in English: its keys exactly, as `Messages<typeof zh>` demands. */
export const common: Messages<typeof zh> = {
  guanai: {
    app: 'Guanai',
    language: 'Language',
    notifications: {
      claimed: 'Task claimed',
      released: 'Task returned to the queue',
      completed: 'Done; the case is now: %{state}',
      created: 'Case opened: %{caseNo}',
      error: 'Failed: %{reason}',
      reasonWithDetail: '%{reason} (%{detail})',
    },
    problems: {
      'task-taken': 'This task has already been claimed',
      'not-assignee': 'Claim the task first (only the assignee can complete it)',
      forbidden: 'You may not do this',
      'not-allowed-in-state': 'The case cannot take this action in its current stage',
      'not-found': 'Not found, or outside your jurisdiction',
      validation: 'Please correct the form',
      'bad-credentials': 'Wrong username or password',
      'login-rate-limited': 'Too many failed sign-ins; try again later',
      'duplicate-case': 'This person already has an open case',
      'duplicate-person': 'This document number is already registered',
      'possible-duplicate': 'Possibly someone already registered',
      conflict: 'Conflicts with existing data',
    },
  },
};
