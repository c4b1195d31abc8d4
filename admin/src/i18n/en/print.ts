import type { Messages } from '../messages.ts';
import type { print as zh } from '../zh/print.ts';

/** zh/print.ts in English: its keys exactly, as `Messages<typeof zh>` demands. */
export const print: Messages<typeof zh> = {
  guanai: {
    print: {
      button: 'Print',
      caseSummary: 'Print the case summary (application form)',
      plan: 'Print the plan',
      ledger: 'Print the ledger',
      thisMonth: "This month's aid ledger",
      lastMonth: "Last month's aid ledger",
      toolbar: 'Print toolbar',
      print: 'Print',
      back: 'Back',
      month: 'Month',
      hint: 'Choose “Save as PDF” in the print dialog to keep a PDF.',
      loading: 'Loading',
      failed: 'The page could not be loaded:',
    },
  },
};
