import type { TProblem } from '@guanai/api/types';
import { fetchUtils, HttpError, type TranslateFunction } from 'react-admin';

/** The API's problem+json (its declared `Problem`), as far as an answer carries it. */
export type Problem = Partial<TProblem>;

/** The short name of a problem type (urn:guanai:problem:task-taken → task-taken). */
export const problemKey = (problem: Problem | undefined) => problem?.type?.split(':').pop();

/** The API's own words: its detail, and each field's reason unless the detail already lists them. */
export function problemText(problem: Problem | undefined): string {
  const fields = problem?.errors?.map((e) => `${e.field}: ${e.reason}`).join('; ') ?? '';
  const detail = problem?.detail ?? '';
  return [detail, fields && !detail.includes(fields) ? fields : ''].filter(Boolean).join(' — ');
}

/**
 * What went wrong, for a notification: the problem type in the user's language when we know it,
 * then the API's own detail and field reasons (worded for the case at hand, e.g. "you already hold this task").
 */
export function problemMessage(error: unknown, translate: TranslateFunction): string {
  const problem = (error as { body?: Problem } | undefined)?.body;
  const key = problemKey(problem);
  const known = key ? translate(`guanai.problems.${key}`, { _: '' }) : '';
  const detail = problemText(problem) || (error as Error | undefined)?.message || '';
  return known && detail
    ? translate('guanai.notifications.reasonWithDetail', { reason: known, detail })
    : known || detail;
}

/** fetch with the session cookie; a problem+json answer becomes an HttpError carrying the problem. */
export async function httpClient(url: string, options: fetchUtils.Options = {}) {
  const headers = new Headers(options.headers ?? { Accept: 'application/json' });
  try {
    return await fetchUtils.fetchJson(url, { ...options, headers, credentials: 'include' });
  } catch (error) {
    if (error instanceof HttpError && error.body && typeof error.body === 'object') {
      const problem = error.body as Problem;
      throw new HttpError(problemText(problem) || error.message, error.status, problem);
    }
    throw error;
  }
}
