import type { FieldDb, OutboxItem, Photo, Place, ReportBody, VisitBody } from './db.ts';

const newKey = () => (crypto.randomUUID ? crypto.randomUUID() : `${Date.now()}-${Math.random().toString(36).slice(2)}`);

/** What every new item starts with: its own key, waiting, nothing landed yet. */
const fresh = () =>
  ({
    key: newKey(),
    status: 'WAITING' as const,
    createdAt: new Date().toISOString(),
    progress: { attachmentIds: [] as string[] },
    attempts: 0,
    revision: 0,
  }) satisfies Partial<OutboxItem>;

/**
 * An outreach report, or a self-application registered at the station: opens a case when it is sent;
 * its photos and place go on the case as the site visit (`siteNote`).
 */
export async function recordReport(
  db: FieldDb,
  input: { report: ReportBody; siteNote: string; photos: Photo[]; place?: Place },
): Promise<OutboxItem> {
  const item: OutboxItem = {
    ...fresh(),
    kind: 'REPORT',
    label: String(input.report.person?.name ?? ''),
    report: input.report,
    siteNote: input.siteNote,
    photos: input.photos,
    ...(input.place ? { place: input.place } : {}),
  };
  item.seq = await db.outbox.add(item);
  return item;
}

/** A home visit on a case on the phone, recorded on the case's version as the phone last saw it. */
export async function recordVisit(
  db: FieldDb,
  input: {
    caseId: string;
    caseNo: string;
    personName: string;
    version: number;
    visit: VisitBody;
    photos: Photo[];
    place?: Place;
  },
): Promise<OutboxItem> {
  const item: OutboxItem = {
    ...fresh(),
    kind: 'VISIT',
    label: `${input.caseNo} ${input.personName}`,
    caseId: input.caseId,
    caseNo: input.caseNo,
    ifVersion: input.version,
    visit: input.visit,
    photos: input.photos,
    ...(input.place ? { place: input.place } : {}),
  };
  item.seq = await db.outbox.add(item);
  return item;
}

/** The worker's decision on a held item sends a new request: a new key suffix, waiting again. */
async function decide(db: FieldDb, seq: number, change: (item: OutboxItem) => Partial<OutboxItem>) {
  await db.transaction('rw', db.outbox, async () => {
    const item = await db.outbox.get(seq);
    if (!item || item.status !== 'CONFLICT') return;
    await db.outbox.put({
      ...item,
      ...change(item),
      status: 'WAITING',
      conflict: undefined,
      lastError: undefined,
      revision: item.revision + 1,
    });
  });
}

/**
 * A visit the case no longer takes (closed meanwhile) goes as a written note (补记), which a closed case
 * still takes: its text says when and where the visit was. Its photos stay out (a closed case takes no
 * new files); the worker was told so before choosing this.
 */
export function sendAsNote(db: FieldDb, seq: number, wording: (visit: VisitBody) => string) {
  return decide(db, seq, (item) => ({
    visit: { kind: 'NOTE', text: wording(item.visit!) },
    photos: [],
    progress: { ...item.progress, attachmentIds: [] },
  }));
}

/** A possible duplicate is someone else: register the reported person anyway. */
export function registerAnyway(db: FieldDb, seq: number) {
  return decide(db, seq, (item) => ({ report: { ...item.report!, confirmNotDuplicate: true } }));
}

/** The reported person is this registry record: open the case for them instead of a new record. */
export function openForRegistered(db: FieldDb, seq: number, personId: string) {
  return decide(db, seq, (item) => {
    const { person: _person, confirmNotDuplicate: _confirm, ...rest } = item.report!;
    return { report: { ...rest, personId } };
  });
}

/** The worker lets the item go: it is removed from the phone, never sent. */
export async function discard(db: FieldDb, seq: number) {
  await db.outbox.delete(seq);
}
