import type { Messages } from '../messages.ts';
import type { notifications as zh } from '../zh/notifications.ts';

/** zh/notifications.ts in English: its keys exactly, as `Messages<typeof zh>` demands. */
export const notifications: Messages<typeof zh> = {
  guanai: {
    notificationsPage: {
      title: 'Notifications',
      kind: 'What',
      read: 'Mark read',
      summary: 'Summary',
      digest: '%{overdue} overdue · %{awaitingApproval} awaiting approval · %{escalations} escalations waiting',
      kinds: {
        SLA_WARNING: 'Task due soon',
        SLA_BREACHED: 'Task overdue',
        ESCALATED: 'Escalation received',
        ASSIGNED: 'Task assigned to you',
        DIGEST: 'Morning digest',
        MATCH_PROPOSED: 'Match proposed to you',
        MATCH_ACCEPTED: 'Partner accepted the match',
        MATCH_DECLINED: 'Partner declined the match',
        DELIVERY_DUE: 'Delivery falls due',
        APPLICATION_DECLINED: 'Application declined at screening',
      },
    },
  },
};
