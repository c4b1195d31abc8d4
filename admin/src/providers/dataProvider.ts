import simpleRestProvider from 'ra-data-simple-rest';
import type { DataProvider } from 'react-admin';
import { httpClient } from './http.ts';

export const API_URL = '/api';

export interface GuanaiDataProvider extends DataProvider {
  claimTask(id: string): Promise<{ data: { id: string } }>;
  releaseTask(id: string): Promise<{ data: { id: string } }>;
  completeTask(id: string, form: Record<string, unknown>): Promise<{ data: { caseId: string; state: string } }>;
  caseAction(caseId: string, action: Record<string, unknown>): Promise<{ data: { caseId: string; state: string } }>;
  addNote(caseId: string, note: { text: string; kind: string; attachmentIds: string[] }): Promise<{ data: { caseId: string } }>;
  uploadAttachment(caseId: string, file: File): Promise<{ data: { id: string; filename: string } }>;
  markNotificationRead(id: string): Promise<{ data: null }>;
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
};
