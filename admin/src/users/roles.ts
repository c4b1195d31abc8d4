import { ROLES } from '@guanai/workflows/vocabulary';
import type { Validator } from 'react-admin';

export const roleChoices = ROLES.map((id) => ({ id, name: `guanai.roles.${id}` }));

/** The roles a new account is made with here: volunteers are registered as volunteers (志愿者), with their profile. */
export const newUserRoleChoices = roleChoices.filter((choice) => choice.id !== 'VOLUNTEER');

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
  typeof value === 'string' && value !== '' && !(value.length >= 10 && /\p{L}/u.test(value) && /\d/.test(value))
    ? 'guanai.users.passwordRule'
    : undefined;
