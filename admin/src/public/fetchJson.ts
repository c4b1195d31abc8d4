import { useEffect, useState } from 'react';

/** An answer of the API other than 2xx, with its problem detail when it sent one. */
export class ApiError extends Error {
  readonly status: number;
  constructor(status: number, detail: string) {
    super(detail);
    this.status = status;
  }
}

/** The public API, without a session. */
export async function fetchJson<T>(path: string, init: RequestInit = {}): Promise<T> {
  const response = await fetch(path, {
    ...init,
    headers: {
      Accept: 'application/json',
      ...(init.body ? { 'Content-Type': 'application/json' } : {}),
      ...init.headers,
    },
  });
  if (!response.ok) {
    const problem = (await response.json().catch(() => undefined)) as { detail?: string } | undefined;
    throw new ApiError(response.status, problem?.detail ?? response.statusText);
  }
  return (response.status === 204 ? undefined : await response.json()) as T;
}

/** A GET that loads when `path` is given and again whenever it changes. */
export function useFetch<T>(path: string | null) {
  const [state, setState] = useState<{ path: string | null; data?: T; error?: ApiError | Error }>({ path: null });
  useEffect(() => {
    if (!path) return;
    let live = true;
    fetchJson<T>(path).then(
      (data) => live && setState({ path, data }),
      (error: Error) => live && setState({ path, error }),
    );
    return () => {
      live = false;
    };
  }, [path]);
  const current = state.path === path;
  return {
    data: current ? state.data : undefined,
    error: current ? state.error : undefined,
    loading: !!path && !current,
  };
}
