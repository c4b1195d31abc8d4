import type { TApplication } from '@guanai/api/types';

/** 网上申请 as GET /api/applications answers it (the phone masked). */
export type ApplicationRecord = TApplication;
export type ApplicationStatus = TApplication['status'];

/** The list's choices of status, with their i18n keys. */
export const statusChoices = (['SUBMITTED', 'ACCEPTED', 'DECLINED'] as const satisfies ApplicationStatus[]).map(
  (id) => ({ id, name: `guanai.applications.statuses.${id}` }),
);

/**
 * The full phone numbers this worker revealed in this tab (each reveal audited with its reason), so that the accept
 * form fills in the number the worker just called, without asking the API (and the audit log) again. Kept in memory
 * only: gone with the tab.
 */
export const revealedPhones = new Map<string, string>();
