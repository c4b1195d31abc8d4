import simpleRestProvider from 'ra-data-simple-rest';
import { HttpError, type DataProvider } from 'react-admin';
import type { Duplicate, PeopleImport, Person } from '../people/types.ts';
import { httpClient, problemText, type Problem } from './http.ts';

export const API_URL = '/api';

export interface GuanaiDataProvider extends DataProvider {
  claimTask(id: string): Promise<{ data: { id: string } }>;
  releaseTask(id: string): Promise<{ data: { id: string } }>;
  completeTask(id: string, form: Record<string, unknown>): Promise<{ data: { caseId: string; state: string } }>;
  caseAction(caseId: string, action: Record<string, unknown>): Promise<{ data: { caseId: string; state: string } }>;
  addNote(caseId: string, note: { text: string; kind: string; attachmentIds: string[] }): Promise<{ data: { caseId: string } }>;
  uploadAttachment(caseId: string, file: File): Promise<{ data: { id: string; filename: string } }>;
  markNotificationRead(id: string): Promise<{ data: null }>;
  /** The full identity number; the API audits who asked and why. */
  revealIdNumber(personId: string, reason: string): Promise<{ data: { idNumber: string } }>;
  /** Merges a duplicate record into the one kept; answers the kept person. */
  mergePerson(personId: string, body: { intoId: string; reason: string }): Promise<{ data: Person }>;
  checkDuplicates(body: Record<string, unknown>): Promise<{ data: Duplicate[] }>;
  startPeopleImport(file: File, dryRun: boolean): Promise<{ data: PeopleImport }>;
  getPeopleImport(id: string): Promise<{ data: PeopleImport }>;
  /** The registry as CSV, with the list's filter. */
  exportPeople(filter: Record<string, unknown>): Promise<{ data: { blob: Blob; filename: string } }>;
  importOrgUnits(csv: string, dryRun: boolean): Promise<{ data: OrgUnitImportResult }>;
  resetPassword(userId: string): Promise<{ data: { temporaryPassword: string } }>;
  changePassword(body: { currentPassword: string; newPassword: string }): Promise<{ data: null }>;
}

/** A clean roster: how many rows it has, and how many were imported (0 on a dry run). */
export interface OrgUnitImportResult {
  dryRun: boolean;
  rows: number;
  imported: number;
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The Content-Type of a roster file, by its extension (browsers often leave File.type empty for .xlsx). */
export const rosterContentType = (file: File) => (/\.xlsx$/i.test(file.name) ? XLSX : 'text/csv');

/** The filename of a download, from Content-Disposition (filename*=UTF-8'' first), or a fallback. */
function downloadName(disposition: string | null, fallback: string) {
  const star = disposition?.match(/filename\*=UTF-8''([^;]+)/i)?.[1];
  if (star) return decodeURIComponent(star);
  return disposition?.match(/filename="?([^";]+)"?/i)?.[1] ?? fallback;
}

/** A fresh key per user action: a retried request (same key) has one effect on the server. */
const idempotencyKey = () => (crypto.randomUUID ? crypto.randomUUID() : `${Date.now()}-${Math.random()}`);

const action = async (path: string, body?: unknown) => {
  const { json } = await httpClient(`${API_URL}${path}`, {
    method: 'POST',
    headers: new Headers({ 'Content-Type': 'application/json', 'Idempotency-Key': idempotencyKey() }),
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { data: json };
};

export const dataProvider: GuanaiDataProvider = {
  ...simpleRestProvider(API_URL, httpClient),
  claimTask: (id) => action(`/tasks/${encodeURIComponent(id)}/claim`),
  releaseTask: (id) => action(`/tasks/${encodeURIComponent(id)}/release`),
  completeTask: (id, form) => action(`/tasks/${encodeURIComponent(id)}/complete`, { form }),
  caseAction: (caseId, body) => action(`/cases/${caseId}/actions`, body),
  addNote: (caseId, note) => action(`/cases/${caseId}/notes`, note),
  uploadAttachment: async (caseId, file) => {
    const { json } = await httpClient(`${API_URL}/cases/${caseId}/attachments`, {
      method: 'POST',
      headers: new Headers({ 'Content-Type': file.type, 'X-Filename': encodeURIComponent(file.name) }),
      body: file,
    });
    return { data: json };
  },
  markNotificationRead: async (id) => {
    await httpClient(`${API_URL}/notifications/${id}/read`, { method: 'POST' });
    return { data: null };
  },
  revealIdNumber: async (personId, reason) => {
    const { json } = await httpClient(`${API_URL}/people/${encodeURIComponent(personId)}/id-number?reason=${encodeURIComponent(reason)}`);
    return { data: json };
  },
  mergePerson: (personId, body) => action(`/people/${encodeURIComponent(personId)}/merge`, body),
  checkDuplicates: async (body) => {
    const { data } = await action('/people/duplicates', body);
    return { data: (data as { duplicates?: Duplicate[] }).duplicates ?? [] };
  },
  startPeopleImport: async (file, dryRun) => {
    const { json } = await httpClient(`${API_URL}/people/imports?dryRun=${dryRun}`, {
      method: 'POST',
      headers: new Headers({ 'Content-Type': rosterContentType(file), 'X-Filename': encodeURIComponent(file.name) }),
      // The bytes rather than the File: the same request in every fetch (a File from another realm is not a body to Node's).
      body: await file.arrayBuffer(),
    });
    return { data: json };
  },
  getPeopleImport: async (id) => {
    const { json } = await httpClient(`${API_URL}/people/imports/${encodeURIComponent(id)}`);
    return { data: json };
  },
  exportPeople: async (filter) => {
    const query = new URLSearchParams({ filter: JSON.stringify(filter) });
    const response = await fetch(`${API_URL}/people/export?${query}`, { credentials: 'include', headers: { Accept: 'text/csv' } });
    if (!response.ok) {
      const problem = (await response.json().catch(() => undefined)) as Problem | undefined;
      throw new HttpError(problemText(problem) || response.statusText, response.status, problem);
    }
    const today = new Date().toISOString().slice(0, 10);
    return { data: { blob: await response.blob(), filename: downloadName(response.headers.get('Content-Disposition'), `people-${today}.csv`) } };
  },
  importOrgUnits: async (csv, dryRun) => {
    const { json } = await httpClient(`${API_URL}/org-units/import?dryRun=${dryRun}`, {
      method: 'POST',
      headers: new Headers({ 'Content-Type': 'text/csv' }),
      body: csv,
    });
    return { data: json };
  },
  resetPassword: (userId) => action(`/users/${encodeURIComponent(userId)}/reset-password`),
  changePassword: async (body) => {
    await httpClient(`${API_URL}/auth/password`, {
      method: 'POST',
      headers: new Headers({ 'Content-Type': 'application/json' }),
      body: JSON.stringify(body),
    });
    return { data: null };
  },
};
