import simpleRestProvider from 'ra-data-simple-rest';
import type { DataProvider } from 'react-admin';
import { httpClient } from './http.ts';

export const API_URL = '/api';

export interface GuanaiDataProvider extends DataProvider {
  claimTask(id: string): Promise<{ data: { id: string } }>;
  releaseTask(id: string): Promise<{ data: { id: string } }>;
  completeTask(id: string, form: Record<string, unknown>): Promise<{ data: { caseId: string; state: string } }>;
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
};
