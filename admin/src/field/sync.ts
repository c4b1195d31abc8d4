import type { TCase, TDuplicate } from '@guanai/api/types';
import { api, ok } from '../providers/api.ts';
import { problemKey, problemText, type Problem } from '../providers/http.ts';
import { SENT_KEPT, type Conflict, type FieldDb, type OutboxItem } from './db.ts';

/** Why a run stopped before the outbox was empty: no network, signed out, or the API is unavailable. */
export type SyncStop = 'OFFLINE' | 'SIGNED_OUT' | 'UNAVAILABLE';

export interface SyncOutcome {
  /** Another tab (or run) was sending: this one did nothing. */
  busy?: boolean;
  sent: number;
  /** Items held for the worker's decision in this run. */
  held: number;
  stopped?: SyncStop;
}

/** An error the API answered (react-admin's HttpError: status and problem), or none (no network). */
interface Answered {
  status?: number;
  body?: Problem & { current?: TCase; duplicates?: TDuplicate[] };
  message?: string;
}

/** A request that must stop the run (the next run retries it as it is), not a decision for the worker. */
class Stop extends Error {
  constructor(
    readonly reason: SyncStop,
    message: string,
  ) {
    super(message);
  }
}

/** The item needs the worker: the case moved, the person may be registered already, or the API refused it. */
class Held extends Error {
  constructor(readonly conflict: Conflict) {
    super(conflict.detail);
  }
}

const caseSummary = (c: TCase): NonNullable<Conflict['current']> => ({
  id: c.id,
  caseNo: c.caseNo,
  state: c.state,
  status: c.status,
  closureReason: c.closureReason,
  version: c.version,
});

/** What an answer means for the outbox: stop and retry later, or hold the item for the worker. */
async function classify(error: unknown, caseId: string | undefined): Promise<Stop | Held> {
  const { status, body, message } = (error ?? {}) as Answered;
  if (status === undefined) return new Stop('OFFLINE', message ?? 'no network');
  if (status === 401) return new Stop('SIGNED_OUT', problemText(body) || 'signed out');
  if (status >= 500 || status === 429 || status === 408)
    return new Stop('UNAVAILABLE', problemText(body) || `${status}`);
  const detail = problemText(body) || message || `${status}`;
  const kind = problemKey(body);
  if (status === 412 && body?.current)
    return new Held({ reason: 'CASE_MOVED', detail, current: caseSummary(body.current) });
  if (kind === 'possible-duplicate' || kind === 'duplicate-person')
    return new Held({ reason: 'POSSIBLE_DUPLICATE', detail, duplicates: body?.duplicates ?? [] });
  if (kind === 'duplicate-case') return new Held({ reason: 'DUPLICATE_CASE', detail });
  if (status === 409 && kind === 'not-allowed-in-state' && caseId) {
    // The case no longer takes it (closed meanwhile): say how it is now.
    const current = await ok(api.cases[':id'].$get({ param: { id: caseId } })).catch(() => null);
    return new Held({ reason: 'CASE_MOVED', detail, ...(current ? { current: caseSummary(current) } : {}) });
  }
  return new Held({ reason: 'REFUSED', detail });
}

const keyed = (key: string) => ({ headers: { 'Idempotency-Key': key } });

/** Stores the item's photos on the case, one request each, skipping those already stored. */
async function uploadPhotos(db: FieldDb, item: OutboxItem, caseId: string): Promise<string[]> {
  const ids = [...item.progress.attachmentIds];
  for (const [i, photo] of item.photos.entries()) {
    if (ids[i]) continue;
    const stored = await ok(
      api.cases[':id'].attachments.$post(
        { param: { id: caseId } },
        {
          headers: {
            'Content-Type': photo.type,
            'X-Filename': encodeURIComponent(photo.name),
            'Idempotency-Key': `${item.key}:photo:${i}`,
          },
          init: { body: photo.blob },
        },
      ),
    );
    ids[i] = stored.id;
    await db.outbox.update(item.seq!, { 'progress.attachmentIds': [...ids] } as never);
  }
  return ids;
}

/** Sends one item, step by step; each step is keyed from the item, so a step sent twice lands once. */
async function send(db: FieldDb, item: OutboxItem): Promise<{ caseId: string; caseNo?: string; asNote?: boolean }> {
  if (item.kind === 'REPORT') {
    let { caseId } = item.progress;
    let caseNo = item.caseNo;
    if (!caseId) {
      const opened = await ok(api.cases.$post({ json: item.report! }, keyed(`${item.key}:case:${item.revision}`)));
      caseId = opened.id;
      caseNo = opened.caseNo;
      await db.outbox.update(item.seq!, { 'progress.caseId': caseId, caseId, caseNo } as never);
    }
    if (item.photos.length > 0 || item.place) {
      const attachmentIds = await uploadPhotos(db, item, caseId);
      await ok(
        api.cases[':id'].notes.$post(
          {
            param: { id: caseId },
            header: {},
            json: {
              text: item.siteNote ?? item.report!.situation,
              kind: 'VISIT',
              attachmentIds,
              visitedAt: item.createdAt,
              ...(item.place ? { place: item.place } : {}),
            },
          },
          keyed(`${item.key}:site`),
        ),
      );
    }
    return { caseId, ...(caseNo ? { caseNo } : {}) };
  }
  const caseId = item.caseId!;
  const visit = item.visit!;
  const attachmentIds = visit.kind === 'VISIT' ? await uploadPhotos(db, item, caseId) : [];
  // A visit carries the version it was recorded on; a note sent after a conflict does not (it does not depend on it).
  const header: { 'if-match'?: string } =
    visit.kind === 'VISIT' && item.ifVersion !== undefined ? { 'if-match': `"${item.ifVersion}"` } : {};
  const after = await ok(
    api.cases[':id'].notes.$post(
      {
        param: { id: caseId },
        header,
        json: { ...visit, attachmentIds, ...(item.place && visit.kind === 'VISIT' ? { place: item.place } : {}) },
      },
      keyed(`${item.key}:note:${item.revision}`),
    ),
  );
  await db.cases.update(caseId, { version: after.version, state: after.state });
  return {
    caseId,
    ...(item.caseNo ? { caseNo: item.caseNo } : {}),
    ...(visit.kind === 'NOTE' ? { asNote: true } : {}),
  };
}

/** Only one tab of this browser sends at a time (Web Locks); elsewhere one run per page. */
let running: Promise<SyncOutcome> | null = null;
async function exclusively(run: () => Promise<SyncOutcome>): Promise<SyncOutcome> {
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  if (locks) {
    const outcome = await locks.request('guanai-outbox', { ifAvailable: true }, async (lock) =>
      lock ? run() : { busy: true, sent: 0, held: 0 },
    );
    return outcome;
  }
  if (running) return { busy: true, sent: 0, held: 0 };
  running = run().finally(() => {
    running = null;
  });
  return running;
}

/**
 * Sends what waits in the outbox, oldest first, each item exactly once: an item is removed only when
 * everything it asked for has landed. An item the server refuses for a reason the worker must weigh
 * (the case moved, a possible duplicate) is held with that reason, and the next item goes on; no
 * network, a lapsed session or an unavailable API stops the run, and the next run resumes there.
 */
export function syncOutbox(db: FieldDb): Promise<SyncOutcome> {
  return exclusively(async () => {
    const outcome: SyncOutcome = { sent: 0, held: 0 };
    for (;;) {
      const item = await db.outbox.where('status').equals('WAITING').first();
      if (!item) return outcome;
      try {
        const landed = await send(db, item);
        const sentAt = new Date().toISOString();
        await db.transaction('rw', db.outbox, db.sent, async () => {
          await db.outbox.delete(item.seq!);
          await db.sent.put({
            key: item.key,
            kind: item.kind,
            label: item.label,
            caseId: landed.caseId,
            ...(landed.caseNo ? { caseNo: landed.caseNo } : {}),
            createdAt: item.createdAt,
            sentAt,
            ...(landed.asNote ? { asNote: true } : {}),
          });
          const old = await db.sent.orderBy('sentAt').reverse().offset(SENT_KEPT).primaryKeys();
          await db.sent.bulkDelete(old);
        });
        outcome.sent += 1;
      } catch (error) {
        const decision = await classify(error, item.caseId ?? item.progress.caseId);
        if (decision instanceof Stop) {
          await db.outbox.update(item.seq!, { attempts: item.attempts + 1, lastError: decision.message });
          return { ...outcome, stopped: decision.reason };
        }
        await db.outbox.update(item.seq!, {
          status: 'CONFLICT',
          conflict: decision.conflict,
          lastError: decision.message,
        });
        outcome.held += 1;
      }
    }
  });
}
