import type { AuthProvider } from 'react-admin';
import { httpClient } from './http.ts';
import { API_URL } from './dataProvider.ts';

export interface Me {
  id: string;
  username: string;
  displayName: string;
  role: string;
  orgUnit: { id: string; name: string; level: string };
}

let me: Me | null = null;

async function fetchMe(): Promise<Me> {
  if (me) return me;
  const { json } = await httpClient(`${API_URL}/auth/me`);
  me = json as Me;
  return me;
}

/** Sessions live in an HttpOnly cookie; the browser keeps nothing else. */
export const authProvider: AuthProvider = {
  async login({ username, password }: { username: string; password: string }) {
    const { json } = await httpClient(`${API_URL}/auth/login`, {
      method: 'POST',
      headers: new Headers({ 'Content-Type': 'application/json' }),
      body: JSON.stringify({ username, password }),
    });
    me = json as Me;
  },
  async logout() {
    me = null;
    await httpClient(`${API_URL}/auth/logout`, { method: 'POST' }).catch(() => undefined);
  },
  async checkAuth() {
    await fetchMe();
  },
  async checkError(error: { status?: number }) {
    if (error?.status === 401) {
      me = null;
      throw error;
    }
  },
  async getIdentity() {
    const user = await fetchMe();
    return { id: user.id, fullName: `${user.displayName} · ${user.orgUnit.name}` };
  },
  async getPermissions() {
    return (await fetchMe()).role;
  },
};
