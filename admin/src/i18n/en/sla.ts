import type { Messages } from '../messages.ts';
import type { sla as zh } from '../zh/sla.ts';

/** zh/sla.ts in English: its keys exactly, as `Messages<typeof zh>` demands. */
export const sla: Messages<typeof zh> = {
  guanai: {
    sla: {
      title: 'SLA monitor',
      unit: 'Unit',
      tier: 'Tier',
      open: 'Open',
      warned: 'Warned',
      overdue: 'Overdue',
      breachRate: 'Breach rate',
      levels: {
        CITY: 'City',
        DISTRICT: 'District/county',
        TOWNSHIP: 'Township/street',
        COMMUNITY: 'Village/community',
      },
      policies: 'SLA policy',
      calendar: 'Working-day calendar',
      normal: 'Normal',
      emergency: 'Emergency',
      unitLabel: 'Unit',
      warnAt: 'Warn at (share)',
      onBreach: 'On breach',
      units: { HOURS: 'hours', WORKING_DAYS: 'working days' },
      effects: { NOTIFY: 'Notify supervisor', AUTO_ESCALATE: 'Auto-escalate' },
      date: 'Date',
      dayKind: 'Kind',
      dayName: 'Name',
      dayKinds: { HOLIDAY: 'Holiday', WORKDAY: 'Make-up working day' },
    },
  },
};
