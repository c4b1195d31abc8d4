import type { TMe } from '@guanai/api/types';
import type { AuthProvider } from 'react-admin';
import { api, ok } from './api.ts';
import { problemMessage } from './http.ts';
import { i18nProvider } from './i18nProvider.ts';

/** What usePermissions() gives: the role, and the routes it may call (see useCan). */
export interface Permissions {
  role: string;
  can: string[];
}

/** The signed-in user, with `can`: the `"METHOD /api/path/:param"` keys of the routes their role may call. */
let me: TMe | null = null;

async function fetchMe({ fresh = false } = {}): Promise<TMe> {
  if (me && !fresh) return me;
  me = await ok(api.auth.me.$get());
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
      me = await ok(api.auth.login.$post({ json: { username, password } }));
    } catch (error) {
      // The login form shows the message as is: 401 wrong password, 429 rate limited (with the API's wait time).
      throw new Error(problemMessage(error, i18nProvider.translate));
    }
  },
  async logout() {
    me = null;
    await api.auth.logout.$post().catch(() => undefined);
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
