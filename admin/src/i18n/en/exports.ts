import type { Messages } from '../messages.ts';
import type { exportMenu as zh } from '../zh/exports.ts';

/** zh/exports.ts in English: its keys exactly, as `Messages<typeof zh>` demands. */
export const exportMenu: Messages<typeof zh> = {
  guanai: {
    exports: {
      button: 'Export',
      csv: 'CSV file',
      xlsx: 'Excel workbook (.xlsx)',
      item: '%{list} · %{format}',
      done: 'The list is exported',
      lists: {
        cases: 'Case list',
        tasks: 'Task list',
        matches: 'Match list',
        ledgerThisMonth: "This month's aid ledger",
        ledgerLastMonth: "Last month's aid ledger",
      },
    },
    problems: { 'export-too-large': 'The list is longer than an export may hold (10,000 rows): narrow the filter' },
  },
};
