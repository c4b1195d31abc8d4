import { ApiError } from '../fetchJson.ts';

/** A refusal of the public API: its status, the fields it named and, for a 429, how long to wait. */
export class PublicApiError extends ApiError {
  constructor(
    status: number,
    detail: string,
    readonly errors: { field: string; reason: string }[],
    readonly retryAfterSeconds: number | null,
  ) {
    super(status, detail);
  }
}

/** The public API, without a session; a refusal keeps the problem's field errors and Retry-After. */
export async function callApi<T>(path: string, init: RequestInit = {}): Promise<T> {
  const response = await fetch(path, {
    ...init,
    headers: { Accept: 'application/json', ...(init.body ? { 'Content-Type': 'application/json' } : {}) },
  });
  if (!response.ok) {
    const problem = (await response.json().catch(() => undefined)) as
      { detail?: string; errors?: { field: string; reason: string }[] } | undefined;
    const retryAfter = Number(response.headers.get('Retry-After'));
    throw new PublicApiError(
      response.status,
      problem?.detail ?? response.statusText,
      problem?.errors ?? [],
      Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : null,
    );
  }
  return (await response.json()) as T;
}

/** Minutes to wait, as people read them: at least one. */
export const minutesOf = (error: PublicApiError) => Math.max(1, Math.ceil((error.retryAfterSeconds ?? 60) / 60));

const REFERENCES = 'guanai.apply.references';

/** The references this browser was given, the latest first (the status view offers them). */
export function rememberedReferences(): string[] {
  try {
    const stored: unknown = JSON.parse(localStorage.getItem(REFERENCES) ?? '[]');
    return Array.isArray(stored) ? stored.filter((r): r is string => typeof r === 'string') : [];
  } catch {
    return [];
  }
}

export function rememberReference(reference: string) {
  const kept = [reference, ...rememberedReferences().filter((r) => r !== reference)].slice(0, 5);
  localStorage.setItem(REFERENCES, JSON.stringify(kept));
}
