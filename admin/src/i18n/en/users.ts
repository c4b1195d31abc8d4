import type { Messages } from '../messages.ts';
import type { users as zh } from '../zh/users.ts';

/** zh/users.ts in English: its keys exactly, as `Messages<typeof zh>` demands. */
export const users: Messages<typeof zh> = {
  resources: {
    users: {
      name: 'User |||| Users',
      fields: {
        username: 'Username',
        displayName: 'Name',
        role: 'Role',
        orgUnitId: 'Unit',
        orgUnitName: 'Unit',
        partnerId: 'Partner organisation',
        partnerName: 'Partner organisation',
        active: 'Active',
        password: 'Initial password (optional)',
        createdAt: 'Created',
        q: 'Search',
      },
    },
  },
  guanai: {
    roles: {
      DISCOVERER: 'Discoverer',
      STATION_WORKER: 'Station worker',
      CASEWORKER: 'Caseworker',
      SUPERVISOR: 'Supervisor',
      MANAGER: 'Manager',
      PARTNER: 'Partner',
      VOLUNTEER: 'Volunteer',
      ADMIN: 'Administrator',
    },
    users: {
      temporaryPassword: 'Temporary password',
      temporaryPasswordHelp:
        'Give this temporary password to %{name} in person or by phone. It is shown only once; they should change it when they sign in.',
      resetPassword: 'Reset password',
      resetConfirm: "Reset %{name}'s password? All their sessions end at once.",
      copy: 'Copy',
      copied: 'Copied',
      passwordRule: 'At least 10 characters, with a letter and a digit',
      passwordHelp: 'Leave empty for a one-time temporary password',
      unitHint: '%{levels}',
      done: 'Done',
    },
    password: {
      title: 'Change password',
      current: 'Current password',
      new: 'New password',
      confirm: 'New password again',
      mismatch: 'The new passwords differ',
      changed: 'Password changed',
    },
  },
};
