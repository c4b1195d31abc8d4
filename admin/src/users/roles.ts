import type { Validator } from 'react-admin';

export const ROLES = ['DISCOVERER', 'STATION_WORKER', 'CASEWORKER', 'SUPERVISOR', 'MANAGER', 'PARTNER', 'ADMIN'] as const;

export const roleChoices = ROLES.map((id) => ({ id, name: `guanai.roles.${id}` }));

/** The unit levels each role sits at (docs/registry-api.md, Users): stations in communities, centers above. */
export const ROLE_LEVELS: Record<string, string[]> = {
  DISCOVERER: ['COMMUNITY'],
  STATION_WORKER: ['COMMUNITY'],
  CASEWORKER: ['TOWNSHIP', 'DISTRICT', 'CITY'],
  SUPERVISOR: ['TOWNSHIP', 'DISTRICT', 'CITY'],
  MANAGER: ['DISTRICT', 'CITY'],
  PARTNER: ['CITY'],
  ADMIN: ['CITY'],
};

export interface User {
  id: string;
  username: string;
  displayName: string;
  role: string;
  orgUnitId: string;
  orgUnitName: string;
  orgUnitLevel: string;
  /** The partner organisation a PARTNER user acts for. */
  partnerId?: string | null;
  partnerName?: string | null;
  active: boolean;
  createdAt: string;
  updatedAt: string;
  /** Only in the answer to a create without a password: shown once. */
  temporaryPassword?: string;
}

/** At least 10 characters with a letter and a digit (the API's rule); empty passes (optional fields). */
export const strongPassword: Validator = (value: unknown) =>
  typeof value === 'string' && value !== '' && !(value.length >= 10 && /\p{L}/u.test(value) && /\d/.test(value)) ? 'guanai.users.passwordRule' : undefined;
