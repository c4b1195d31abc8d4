import type { Messages } from '../messages.ts';
import type { handover as zh } from '../zh/handover.ts';

/** zh/handover.ts in English: its keys exactly, as `Messages<typeof zh>` demands. */
export const handover: Messages<typeof zh> = {
  resources: {
    absences: {
      name: 'Absence |||| Absences',
      fields: {
        userId: 'Away',
        userName: 'Away',
        unitName: 'Unit',
        delegateId: 'Delegate',
        delegateName: 'Delegate',
        startsAt: 'From',
        endsAt: 'Until',
        note: 'Note',
        active: 'State',
      },
    },
  },
  guanai: {
    handover: {
      assignTo: 'Assign to…',
      backToQueue: 'Back to queue',
      reassign: 'Reassign',
      release: 'Back to queue',
      assignTitle: 'Assign %{smart_count} task to a colleague |||| Assign %{smart_count} tasks to a colleague',
      releaseTitle:
        "Give %{smart_count} task back to its unit's queue |||| Give %{smart_count} tasks back to their units' queues",
      colleague: 'Colleague',
      colleagueHelp: 'Active colleagues of your unit and the units below; an absent one’s delegate takes over',
      reason: 'Reason',
      reasonHelp: 'Required; recorded in each case’s events',
      confirm: 'Confirm',
      close: 'Close',
      cancel: 'Cancel',
      results: 'Results',
      summary: '%{done} done, %{refused} not done',
      outcomes: { REASSIGNED: 'Reassigned', RELEASED: 'Back in the queue', REFUSED: 'Not done' },
      reassigned: 'Task reassigned',
      released: 'Task back in the queue',
      coveredBy: '%{name} covers for you while you are away (until %{until})',
      covering: 'You are covering for %{name} (until %{until})',
      user: {
        claimed: 'This user holds %{smart_count} open task |||| This user holds %{smart_count} open tasks',
        handoverTo: 'Hand over to',
        handoverToHelp: 'Leave empty to give every task back to its unit’s queue',
        confirmTitle: 'Deactivate or move',
        confirmContent:
          'On saving, %{smart_count} claimed task goes to %{to}. |||| On saving, %{smart_count} claimed tasks go to %{to}.',
        toQueue: 'its unit’s queue',
        done: 'Saved; %{smart_count} task handed over |||| Saved; %{smart_count} tasks handed over',
      },
    },
    absences: {
      menu: 'Absences',
      mine: 'My absences',
      team: 'Team',
      covering: 'I cover',
      create: 'Set an absence',
      end: 'End',
      ended: 'Absence ended',
      created: 'Absence set',
      states: { active: 'Running', upcoming: 'Upcoming', over: 'Over' },
      forMember: 'For a team member (leave empty for yourself)',
    },
  },
};
