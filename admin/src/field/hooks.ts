import { liveQuery } from 'dexie';
import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { useGetIdentity } from 'react-admin';
import { fieldDb, type FieldDb } from './db.ts';

/**
 * The signed-in user's store on this phone (null until the identity is known — also offline, from the
 * remembered session — and where the browser has no IndexedDB).
 */
export function useFieldDb(): FieldDb | null {
  const { identity } = useGetIdentity();
  const id = identity?.id === undefined || typeof indexedDB === 'undefined' ? null : String(identity.id);
  return useMemo(() => (id ? fieldDb(id) : null), [id]);
}

/**
 * A query of the phone's store that follows its changes (Dexie's liveQuery): the outbox count updates
 * the moment an item is recorded or sent, in this tab and in others.
 */
export function useLive<T>(db: FieldDb | null, query: (db: FieldDb) => Promise<T>, initial: T, key = ''): T {
  const [value, setValue] = useState<T>(initial);
  useEffect(() => {
    if (!db) return;
    const subscription = liveQuery(() => query(db)).subscribe({
      next: setValue,
      error: () => setValue(initial),
    });
    return () => subscription.unsubscribe();
    // The query is keyed by `key` (its parameters); a new closure each render must not resubscribe.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [db, key]);
  return value;
}

const subscribeOnline = (onChange: () => void) => {
  window.addEventListener('online', onChange);
  window.addEventListener('offline', onChange);
  return () => {
    window.removeEventListener('online', onChange);
    window.removeEventListener('offline', onChange);
  };
};

/** Whether the browser has a network (it may still not reach the API; the outbox finds out). */
export function useOnline(): boolean {
  return useSyncExternalStore(
    subscribeOnline,
    () => navigator.onLine,
    () => true,
  );
}
