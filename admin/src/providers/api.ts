import { hc, parseResponse, type ClientResponse, type InferRequestType } from 'hono/client';
import { HttpError } from 'react-admin';
import type { AppType } from '@guanai/api/types';
import { problemText, type Problem } from './http.ts';

/**
 * fetch with the session cookie; a problem+json answer becomes react-admin's HttpError carrying the
 * problem (its detail and each field's reason), so forms and notifications show the API's own words.
 */
const apiFetch: typeof fetch = async (input, init) => {
  const res = await fetch(input, { ...init, credentials: 'include' });
  if (res.ok) return res;
  const problem = (await res.json().catch(() => undefined)) as Problem | undefined;
  throw new HttpError(problemText(problem) || res.statusText, res.status, problem);
};

/**
 * The API, typed by its own route declarations (`AppType`, from the routes' zod schemas): a path,
 * a parameter, a body or a response field the API does not have is a type error in the admin.
 */
export const api = hc<AppType>('/api', { fetch: apiFetch });

/** The body of a successful answer, typed by the route's declared success responses. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- hono/client's own bound for a response
export const ok = <T extends ClientResponse<any>>(response: Promise<T>) => parseResponse(response);

/** A fresh key per user action: a retried request (same key) has one effect on the server. */
export const idempotencyKey = () => (crypto.randomUUID ? crypto.randomUUID() : `${Date.now()}-${Math.random()}`);

/** The headers of a write: its Idempotency-Key (one per user action, or the caller's to reuse on retry). */
export const write = (key: string = idempotencyKey()) => ({ headers: { 'Idempotency-Key': key } });

/** The JSON body a route reads, as its schema takes it (a field with a default may be left out). */
export type JsonOf<Endpoint> = InferRequestType<Endpoint> extends { json: infer Body } ? Body : never;

/** The query a route reads, as its schema takes it. */
export type QueryOf<Endpoint> = InferRequestType<Endpoint> extends { query: infer Query } ? Query : never;
