import type { Messages } from '../messages.ts';
import type { board as zh } from '../zh/board.ts';

/** zh/board.ts in English: its keys exactly, as `Messages<typeof zh>` demands. */
export const board: Messages<typeof zh> = {
  guanai: {
    board: {
      title: 'Escalation board',
      incoming: 'Incoming escalations',
      overdue: 'Overdue tasks (my unit and below)',
    },
  },
};
