import type { AuthProvider } from 'react-admin';
import { API_URL } from './dataProvider.ts';
import { httpClient, problemMessage } from './http.ts';
import { i18nProvider } from './i18nProvider.ts';

export interface Me {
  id: string;
  username: string;
  displayName: string;
  role: string;
  orgUnit: { id: string; code: string; name: string; level: string };
  /** The `"METHOD /api/path/:param"` keys of the routes this user's role may call (policy.ts). */
  can: string[];
}

/** What usePermissions() gives: the role, and the routes it may call (see useCan). */
export interface Permissions {
  role: string;
  can: string[];
}

let me: Me | null = null;

async function fetchMe({ fresh = false } = {}): Promise<Me> {
  if (me && !fresh) return me;
  const { json } = await httpClient(`${API_URL}/auth/me`);
  me = json as Me;
  return me;
}

/** Forgets who is signed in (tests render a fresh app per user). */
export const forgetIdentity = () => {
  me = null;
};

/** Sessions live in an HttpOnly cookie; the browser keeps nothing else. */
export const authProvider: AuthProvider = {
  async login({ username, password }: { username: string; password: string }) {
    try {
      const { json } = await httpClient(`${API_URL}/auth/login`, {
        method: 'POST',
        headers: new Headers({ 'Content-Type': 'application/json' }),
        body: JSON.stringify({ username, password }),
      });
      me = json as Me;
    } catch (error) {
      // The login form shows the message as is: 401 wrong password, 429 rate limited (with the API's wait time).
      throw new Error(problemMessage(error, i18nProvider.translate));
    }
  },
  async logout() {
    me = null;
    await httpClient(`${API_URL}/auth/logout`, { method: 'POST' }).catch(() => undefined);
  },
  /** Asks the server on every navigation, so an expired or revoked session is noticed at once. */
  async checkAuth() {
    await fetchMe({ fresh: true });
  },
  async checkError(error: { status?: number }) {
    if (error?.status === 401) {
      me = null;
      throw error;
    }
  },
  async getIdentity() {
    const user = await fetchMe();
    return {
      id: user.id,
      fullName: `${user.displayName} · ${user.orgUnit.name}`,
      role: user.role,
      orgUnitId: user.orgUnit.id,
      orgUnitLevel: user.orgUnit.level,
    };
  },
  async getPermissions(): Promise<Permissions> {
    const { role, can } = await fetchMe();
    return { role, can: can ?? [] };
  },
};
