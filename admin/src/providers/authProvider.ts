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

/**
 * Who is signed in, as far as the admin needs it: the identity it shows and the role's routes (`can`:
 * the `"METHOD /api/path/:param"` keys of the routes their role may call) — no username, no partner.
 */
type Session = Pick<TMe, 'id' | 'displayName' | 'role' | 'can'> & {
  orgUnit: Pick<TMe['orgUnit'], 'id' | 'name' | 'level'>;
};

/**
 * The last session the API confirmed, kept in localStorage for the installable app (issue 16): a reload
 * with no network opens the app as the same user instead of the sign-in page. Only what `Session` holds,
 * nothing personal beyond the user's own name; used only when the API cannot be reached, never when it
 * answers (a 401 forgets it), and forgotten on sign-out.
 */
export const SESSION_KEY = 'guanai.session';

/** The signed-in user, once asked in this page. */
let me: Session | null = null;

const sessionOf = (user: TMe): Session => ({
  id: user.id,
  displayName: user.displayName,
  role: user.role,
  orgUnit: { id: user.orgUnit.id, name: user.orgUnit.name, level: user.orgUnit.level },
  can: user.can ?? [],
});

function remember(session: Session) {
  try {
    localStorage.setItem(SESSION_KEY, JSON.stringify(session));
  } catch {
    // Storage full or refused (private mode): the app still works online.
  }
}

function remembered(): Session | null {
  try {
    const stored = JSON.parse(localStorage.getItem(SESSION_KEY) ?? 'null') as Session | null;
    return stored?.id && stored.role && stored.orgUnit && Array.isArray(stored.can) ? stored : null;
  } catch {
    return null;
  }
}

function forget() {
  me = null;
  try {
    localStorage.removeItem(SESSION_KEY);
  } catch {
    // nothing kept
  }
}

/** The request never reached the API: fetch rejects with a TypeError, or the browser knows it is offline. */
const unreachable = (error: unknown) =>
  error instanceof TypeError || (typeof navigator !== 'undefined' && !navigator.onLine);

async function fetchMe({ fresh = false } = {}): Promise<Session> {
  if (me && !fresh) return me;
  try {
    me = sessionOf(await ok(api.auth.me.$get()));
    remember(me);
    return me;
  } catch (error) {
    const status = (error as { status?: number } | undefined)?.status;
    if (status === 401) forget();
    else if (status === undefined && unreachable(error)) {
      const last = remembered();
      if (last) return (me = last);
    }
    throw error;
  }
}

/** Forgets who is signed in (tests render a fresh app per user). */
export const forgetIdentity = () => {
  me = null;
};

/** Sessions live in an HttpOnly cookie; the browser keeps only the last identity (see SESSION_KEY). */
export const authProvider: AuthProvider = {
  async login({ username, password }: { username: string; password: string }) {
    try {
      me = sessionOf(await ok(api.auth.login.$post({ json: { username, password } })));
      remember(me);
    } catch (error) {
      // The login form shows the message as is: 401 wrong password, 429 rate limited (with the API's wait time).
      throw new Error(problemMessage(error, i18nProvider.translate));
    }
  },
  async logout() {
    const userId = me?.id ?? remembered()?.id;
    forget();
    // The cases kept on the phone for offline work go with the session; unsent reports and visits stay.
    // (Imported when needed: the field store's library binds to IndexedDB as it loads.)
    if (userId)
      await import('../field/db.ts').then(({ forgetFieldCache }) => forgetFieldCache(userId)).catch(() => undefined);
    await api.auth.logout.$post().catch(() => undefined);
  },
  /**
   * Asks the server on every navigation, so an expired or revoked session is noticed at once; with no
   * network, the last confirmed session stands (the installable app opens offline).
   */
  async checkAuth() {
    await fetchMe({ fresh: true });
  },
  async checkError(error: { status?: number }) {
    if (error?.status === 401) {
      forget();
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
      orgUnitName: user.orgUnit.name,
      orgUnitLevel: user.orgUnit.level,
    };
  },
  async getPermissions(): Promise<Permissions> {
    const { role, can } = await fetchMe();
    return { role, can };
  },
};
