import { fetchUtils, HttpError } from 'react-admin';

export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  errors?: { field: string; reason: string }[];
}

/** The short name of a problem type (urn:guanai:problem:task-taken → task-taken). */
export const problemKey = (problem: Problem | undefined) => problem?.type?.split(':').pop();

/** fetch with the session cookie; a problem+json answer becomes an HttpError carrying the problem. */
export async function httpClient(url: string, options: fetchUtils.Options = {}) {
  const headers = new Headers(options.headers ?? { Accept: 'application/json' });
  try {
    return await fetchUtils.fetchJson(url, { ...options, headers, credentials: 'include' });
  } catch (error) {
    if (error instanceof HttpError && error.body && typeof error.body === 'object') {
      const problem = error.body as Problem;
      const fields = problem.errors?.map((e) => `${e.field}: ${e.reason}`).join('; ');
      throw new HttpError(problem.detail ?? fields ?? error.message, error.status, problem);
    }
    throw error;
  }
}
