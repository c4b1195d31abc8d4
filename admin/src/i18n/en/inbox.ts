import type { Messages } from '../messages.ts';
import type { inbox as zh } from '../zh/inbox.ts';

/** zh/inbox.ts in English: its keys exactly, as `Messages<typeof zh>` demands. */
export const inbox: Messages<typeof zh> = {
  guanai: {
    inbox: {
      tabs: {
        mine: 'My tasks',
        unassigned: 'Unclaimed',
        unit: "My unit's queue",
        dueToday: 'Due today',
        overdue: 'Overdue',
        emergency: 'Emergency',
      },
      filters: {
        dueToday: 'Due today',
        overdue: 'Overdue',
        warned: 'Nearly due',
        emergency: 'Emergency',
        unassigned: 'Unclaimed',
        mineOnly: 'Only mine',
        kind: 'Kind of task',
        anyKind: 'All kinds',
        community: 'Community of origin',
        clear: 'Clear filters',
        sortDueAsc: 'Soonest due first',
        sortDueDesc: 'Latest due first',
      },
      views: {
        button: 'My views',
        save: 'Save current view…',
        title: 'Save the current filters as a view',
        name: 'Name of the view',
        saved: 'View saved',
        deleted: 'View deleted',
        none: 'No saved views yet',
        delete: 'Delete view “%{name}”',
        cancel: 'Cancel',
        confirm: 'Save',
      },
      export: {
        button: 'Export',
        done: 'The list is exported',
      },
    },
  },
};
