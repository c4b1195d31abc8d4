import type { Messages } from '../messages.ts';
import type { plans as zh } from '../zh/plans.ts';

/** zh/plans.ts in English: its keys exactly, as `Messages<typeof zh>` demands. */
export const plans: Messages<typeof zh> = {
  guanai: {
    plans: {
      title: 'Personalised assistance plan',
      item: 'Item %{n}',
      loadFailed: 'Could not read the case’s assessment and plan; refresh and try again',
      fields: {
        needCategory: 'Need',
        goal: 'Goal',
        action: 'Action / resource',
        resourceKind: 'Resource kind',
        responsibleKind: 'Responsible is',
        responsible: 'Responsible',
        targetDate: 'Target date',
        summary: 'Summary',
      },
      responsibleKinds: { UNIT: 'Org unit', PARTNER: 'Partner' },
      outcomes: { ACHIEVED: 'Achieved', PARTLY: 'Partly achieved', NOT_ACHIEVED: 'Not achieved' },
      status: {
        submitted: 'Awaiting approval',
        returned: 'Returned for changes',
        approved: 'Approved on %{at}',
      },
      decision: {
        pending: 'Awaiting decision',
        approved: 'Approved',
        approvedBefore: 'Approved before (unchanged)',
        returnedWith: 'Returned: %{reason}',
      },
      editor: {
        help: 'One item per assessed need: the goal, the action or resource, who is responsible (an org unit or a partner) and by when.',
        add: 'Add an item',
        remove: 'Remove item %{n}',
        atLeastOne: 'A plan has at least one item',
        incomplete: 'Fill in each item’s goal, action or resource, who is responsible and the target date',
        noResourceKind: '(any)',
        unitHelp: 'Type to search org units',
        partnerHelp: 'Choose a partner',
        summaryHelp: 'Optional: made from the items when left empty',
        returned: 'The plan was returned: %{reason}',
      },
      approval: {
        decide: 'Decision on item %{n}',
        approve: 'Approve',
        return: 'Return',
        reason: 'Why item %{n} is returned',
        overall: 'Overall remarks (optional)',
        undecided: 'Approve or return each item',
        reasonRequired: 'A returned item needs a reason',
        willApprove: 'With every item approved, the plan is approved and the case goes on to matching',
        willReturn:
          '%{count} item(s) returned: the plan goes back for changes; approved items keep their approval while unchanged',
      },
      followUp: {
        title: 'What became of each item',
        outcomeOf: 'Outcome of item %{n}',
        note: 'Note',
        undecided: 'Choose an outcome for each item',
      },
      matching: {
        items: 'Plan items',
        pick: 'Plan item',
        pickHelp: 'Start from an approved item of the plan',
        none: '(none)',
      },
    },
  },
};
