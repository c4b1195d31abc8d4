import Dexie, { type EntityTable } from 'dexie';
import type { TCase, TDuplicate } from '@guanai/api/types';
import type { api, JsonOf } from '../providers/api.ts';

/** A place as the phone's geolocation gave it (WGS-84), with its accuracy in metres. */
export interface Place {
  lat: number;
  lng: number;
  accuracyM?: number;
}

/** A photo taken in the field, kept on the phone until it is sent. */
export interface Photo {
  name: string;
  type: string;
  blob: Blob;
}

/**
 * What waits in the outbox: an outreach report or a self-application registered at the station
 * (REPORT: opens a case), or a home visit on a case already on the phone (VISIT).
 */
export type OutboxKind = 'REPORT' | 'VISIT';

/**
 * Why an item needs the worker: the case moved meanwhile so that it no longer takes the item
 * (a visit on a case a supervisor closed), or the person may already be registered.
 */
export interface Conflict {
  reason: 'CASE_MOVED' | 'POSSIBLE_DUPLICATE' | 'DUPLICATE_CASE' | 'REFUSED';
  /** The API's own words. */
  detail: string;
  /** The case as it is now (the 412's `current`). */
  current?: Pick<TCase, 'id' | 'caseNo' | 'state' | 'status' | 'closureReason' | 'version'>;
  /** The registry records the reported person may be (a possible duplicate). */
  duplicates?: TDuplicate[];
}

/**
 * The body of POST /api/cases a report sends: a person new to the registry, or one already in it
 * (the worker said the reported person is this record), typed by the API's own declaration.
 */
export type ReportBody = JsonOf<(typeof api.cases)['$post']>;

/** The body of POST /api/cases/:id/notes a visit sends (its photos' ids are added when they are uploaded). */
export interface VisitBody {
  text: string;
  kind: 'VISIT' | 'NOTE';
  visitedAt?: string;
  place?: Place;
}

export interface OutboxItem {
  /** The order items were recorded in, and are sent in. */
  seq?: number;
  /** This item's own idempotency key: every request it makes is keyed from it, so it lands once. */
  key: string;
  kind: OutboxKind;
  /** WAITING to be sent, or held for the worker (CONFLICT) with the reason. */
  status: 'WAITING' | 'CONFLICT';
  createdAt: string;
  /** What the worker sees in the list: the person's name, or the case number. */
  label: string;
  /** A visit's case and the version it was recorded on (If-Match). */
  caseId?: string;
  caseNo?: string;
  ifVersion?: number;
  report?: ReportBody;
  visit?: VisitBody;
  /** A report's site note (its photos and place go on the opened case as a visit record). */
  siteNote?: string;
  place?: Place;
  photos: Photo[];
  /** What has landed so far: the case opened, the photos stored (by index). */
  progress: { caseId?: string; attachmentIds: string[] };
  attempts: number;
  lastError?: string;
  conflict?: Conflict;
  /** Bumped when the worker resolved a conflict differently (a new request: a new key suffix). */
  revision: number;
}

/** What landed, for the worker's "已发送" list (no photos, no body). */
export interface SentItem {
  key: string;
  kind: OutboxKind;
  label: string;
  caseId: string;
  caseNo?: string;
  createdAt: string;
  sentAt: string;
  /** Sent as a written note instead of a visit, after a conflict. */
  asNote?: boolean;
}

/** A case on the phone, for visits made offline: only what the list shows, and its version. */
export type CachedCase = Pick<
  TCase,
  'id' | 'caseNo' | 'personName' | 'state' | 'status' | 'version' | 'originUnitName' | 'updatedAt' | 'emergency'
> & { fetchedAt: string };

/** Reference data kept for offline use, by key (e.g. "communities"). */
export interface RefData {
  key: string;
  value: unknown;
  fetchedAt: string;
}

export type FieldDb = Dexie & {
  outbox: EntityTable<OutboxItem, 'seq'>;
  sent: EntityTable<SentItem, 'key'>;
  cases: EntityTable<CachedCase, 'id'>;
  refdata: EntityTable<RefData, 'key'>;
};

/**
 * The phone's own store (IndexedDB, through Dexie), one per user so that two workers sharing a phone
 * never see each other's outbox or cases. It survives closing the browser.
 */
export function openFieldDb(userId: string): FieldDb {
  const db = new Dexie(`guanai-field-${userId}`) as FieldDb;
  db.version(1).stores({
    outbox: '++seq, key, status',
    sent: 'key, sentAt',
    cases: 'id, updatedAt',
    refdata: 'key',
  });
  return db;
}

const opened = new Map<string, FieldDb>();

/** The signed-in user's store, opened once per page. */
export function fieldDb(userId: string): FieldDb {
  let db = opened.get(userId);
  if (!db) {
    db = openFieldDb(userId);
    opened.set(userId, db);
  }
  return db;
}

/**
 * On sign-out: the cases and reference data kept for offline work (personal data) are removed from
 * the phone; the outbox stays, so that nothing recorded is lost, and is sent when the user signs in again.
 */
export async function forgetFieldCache(userId: string): Promise<void> {
  if (typeof indexedDB === 'undefined') return;
  const db = fieldDb(userId);
  await db.transaction('rw', db.cases, db.refdata, db.sent, async () => {
    await Promise.all([db.cases.clear(), db.refdata.clear(), db.sent.clear()]);
  });
}

/** How many sent items the phone remembers. */
export const SENT_KEPT = 50;
