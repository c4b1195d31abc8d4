import { useEffect, useMemo } from 'react';
import { useGetIdentity } from 'react-admin';
import { useCan } from '../providers/useCan.ts';
import type { FieldDb } from './db.ts';
import { useFieldDb, useLive, useOnline } from './hooks.ts';
import { refreshFieldData, type Unit } from './refresh.ts';
import { syncOutbox, type SyncOutcome } from './sync.ts';

/** How often the outbox is tried again while items wait (and the phone says it is online). */
export const RETRY_MS = 15_000;

export interface SyncStatus extends SyncOutcome {
  at: string;
}

/** One run: send what waits, then refresh the offline data; the outcome is kept for the screens. */
export async function syncNow(db: FieldDb, unit: Unit | undefined): Promise<SyncStatus> {
  const outcome = await syncOutbox(db);
  if (outcome.busy) return { ...outcome, at: new Date().toISOString() }; // the run in progress reports
  const status: SyncStatus = { ...outcome, at: new Date().toISOString() };
  await db.refdata.put({ key: 'sync', value: status, fetchedAt: status.at });
  if (!outcome.stopped && unit) await refreshFieldData(db, unit).catch(() => undefined); // offline data stays as it was
  return status;
}

/** The signed-in user's unit, from the identity (kept for offline use by the auth provider). */
export function useUnit(): Unit | undefined {
  const { identity } = useGetIdentity();
  const { orgUnitId, orgUnitName, orgUnitLevel } = (identity ?? {}) as Record<string, string | undefined>;
  return useMemo(
    () => (orgUnitId && orgUnitLevel ? { id: orgUnitId, name: orgUnitName ?? '', level: orgUnitLevel } : undefined),
    [orgUnitId, orgUnitName, orgUnitLevel],
  );
}

/**
 * Sends the outbox whenever it can: when the app opens, when the network returns, when an item is
 * recorded while online, and every RETRY_MS while items wait. Mounted once in the layout, for every
 * signed-in user, so that nothing recorded waits for a particular screen to be opened.
 */
export function FieldSync() {
  const can = useCan();
  // Everyone's outbox is sent; the offline data is kept only for those who work in the field.
  const fieldWorker = can('POST /api/cases/:id/notes');
  const db = useFieldDb();
  const online = useOnline();
  const unit = useUnit();
  const keptFor = fieldWorker ? unit : undefined;
  const waiting = useLive(db, (d) => d.outbox.where('status').equals('WAITING').count(), 0);
  useEffect(() => {
    if (!db || !online) return;
    // A failed run is retried by the timer; its reason is kept by syncNow.
    void syncNow(db, keptFor).catch(() => undefined);
    if (waiting === 0) return;
    const timer = setInterval(() => void syncNow(db, keptFor).catch(() => undefined), RETRY_MS);
    return () => clearInterval(timer);
  }, [db, online, keptFor, waiting]);
  return null;
}
