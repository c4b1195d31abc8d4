import 'fake-indexeddb/auto';
import { http, HttpResponse } from 'msw';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { server } from '../test/server.ts';
import { forgetFieldCache, openFieldDb, type FieldDb } from './db.ts';
import { recordReport, recordVisit, registerAnyway, sendAsNote } from './outbox.ts';
import { syncOutbox } from './sync.ts';

/**
 * The outbox (issue 16): items recorded offline are sent in order, each exactly once (every request
 * keyed from the item's own key), a run stopped half-way resumes where it stopped, and a case that
 * moved meanwhile is held for the worker instead of being written over.
 */
let db: FieldDb;
let n = 0;
beforeEach(() => {
  db = openFieldDb(`test-${++n}`);
});

const cached = (id: string, version: number) => ({
  id,
  caseNo: 'GA-2026-000009',
  personName: '丁',
  state: 'screening',
  status: 'OPEN' as const,
  version,
  originUnitName: '水井坊社区',
  updatedAt: '2026-11-30T00:00:00.000Z',
  emergency: false,
  fetchedAt: '2026-11-30T00:00:00.000Z',
});
afterEach(async () => {
  db.close();
  await db.delete();
});

const photo = (name: string) => ({ name, type: 'image/jpeg', blob: new Blob([new Uint8Array([0xff, 0xd8, 0xff, n])]) });
const report = (name: string) => ({
  report: { person: { name, hukou: 'CHENGDU' as const }, situation: `${name}独居`, emergency: false },
  siteNote: `现场记录：${name}`,
  photos: [] as ReturnType<typeof photo>[],
});
const opened = (id: string, caseNo: string) => ({ id, caseNo, version: 2 });

type Reply = { status: number; body: unknown };

/**
 * The API as the outbox meets it: every write by its Idempotency-Key, answered once and replayed
 * after. `refuse` answers a request otherwise (a 412, a 409, no network) before the API does.
 */
function api(
  refuse: (path: string, request: Request, body: unknown) => Reply | 'NETWORK' | undefined = () => undefined,
) {
  const answered = new Map<string, { status: number; body: unknown }>();
  const requests: { method: string; path: string; key: string | null; ifMatch: string | null; body: unknown }[] = [];
  let cases = 0;
  let attachments = 0;
  const once = async (request: Request, path: string, answer: (body: unknown) => { status: number; body: unknown }) => {
    const key = request.headers.get('Idempotency-Key');
    const body = request.headers.get('Content-Type')?.includes('json') ? await request.json() : null;
    requests.push({ method: request.method, path, key, ifMatch: request.headers.get('If-Match'), body });
    const first = key ? answered.get(key) : undefined;
    const refused = first ? undefined : refuse(path, request, body);
    if (refused === 'NETWORK') return HttpResponse.error();
    const reply = first ?? refused ?? answer(body);
    if (key && !first) answered.set(key, reply);
    return HttpResponse.json(reply.body as never, { status: reply.status });
  };
  server.use(
    http.post('*/api/cases', ({ request }) =>
      once(request, '/api/cases', () => ({ status: 201, body: opened(`case-${++cases}`, `GA-2026-00000${cases}`) })),
    ),
    http.post('*/api/cases/:id/attachments', ({ request, params }) =>
      once(request, `/api/cases/${String(params.id)}/attachments`, () => ({
        status: 201,
        body: { id: `att-${++attachments}`, filename: 'p.jpg', contentType: 'image/jpeg', size: 4 },
      })),
    ),
    http.post('*/api/cases/:id/notes', ({ request, params }) =>
      once(request, `/api/cases/${String(params.id)}/notes`, () => ({
        status: 201,
        body: { caseId: params.id, state: 'screening', version: 5 },
      })),
    ),
  );
  return { requests, writes: () => requests.filter((r) => r.method === 'POST') };
}

describe('the outbox', () => {
  it('sends three reports and a visit with a photo in the order recorded, each once, and empties', async () => {
    const { requests } = api();
    await recordReport(db, report('甲'));
    await recordReport(db, {
      ...report('乙'),
      photos: [photo('a.jpg')],
      place: { lat: 30.6, lng: 104.1, accuracyM: 9 },
    });
    await recordReport(db, report('丙'));
    await db.cases.put(cached('case-9', 4));
    await recordVisit(db, {
      caseId: 'case-9',
      caseNo: 'GA-2026-000009',
      personName: '丁',
      version: 4,
      visit: { kind: 'VISIT', text: '入户走访', visitedAt: '2026-11-30T01:00:00.000Z' },
      photos: [photo('v.jpg')],
    });

    expect(await syncOutbox(db)).toEqual({ sent: 4, held: 0 });
    expect(requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      'POST /api/cases',
      'POST /api/cases',
      'POST /api/cases/case-2/attachments',
      'POST /api/cases/case-2/notes',
      'POST /api/cases',
      'POST /api/cases/case-9/attachments',
      'POST /api/cases/case-9/notes',
    ]);
    // Every request has its own key; the site visit of the second report carries its photo and place.
    expect(new Set(requests.map((r) => r.key)).size).toBe(requests.length);
    expect(requests[3]!.body).toMatchObject({ kind: 'VISIT', attachmentIds: ['att-1'], place: { lat: 30.6 } });
    // The visit carries the version it was recorded on.
    expect(requests[6]!.ifMatch).toBe('"4"');
    expect(requests[6]!.body).toMatchObject({
      kind: 'VISIT',
      attachmentIds: ['att-2'],
      visitedAt: '2026-11-30T01:00:00.000Z',
    });
    expect(await db.outbox.count()).toBe(0);
    expect((await db.sent.toArray()).map((s) => s.label).sort()).toEqual(['GA-2026-000009 丁', '丙', '乙', '甲']);
    expect((await db.cases.get('case-9'))!.version).toBe(5);
  });

  it('a run cut off half-way resumes where it stopped: nothing that landed is sent again as new', async () => {
    let cut = true;
    const { writes } = api((path) => {
      if (!path.endsWith('/attachments') || !cut) return undefined;
      cut = false;
      return 'NETWORK'; // the signal drops during the upload
    });
    await recordReport(db, { ...report('戊'), photos: [photo('x.jpg')] });
    expect(await syncOutbox(db)).toEqual({ sent: 0, held: 0, stopped: 'OFFLINE' });
    const [waiting] = await db.outbox.toArray();
    expect(waiting).toMatchObject({ status: 'WAITING', attempts: 1, progress: { caseId: 'case-1' } });

    expect(await syncOutbox(db)).toEqual({ sent: 1, held: 0 });
    // One case opened: the second run did not open another, and every step kept its key.
    expect(writes().filter((r) => r.path === '/api/cases')).toHaveLength(1);
    expect(writes().map((r) => r.path)).toEqual([
      '/api/cases',
      '/api/cases/case-1/attachments',
      '/api/cases/case-1/attachments',
      '/api/cases/case-1/notes',
    ]);
    const uploads = writes().filter((r) => r.path.endsWith('attachments'));
    expect(uploads[0]!.key).toBe(uploads[1]!.key);
  });

  it('a visit on a case closed meanwhile is held with the case as it is now; sent as a note it lands once', async () => {
    const { writes } = api((path, request) => {
      if (!path.endsWith('/notes') || !request.headers.get('If-Match')) return undefined;
      return {
        status: 412,
        body: {
          type: 'urn:guanai:problem:stale-version',
          title: 'The case has changed',
          status: 412,
          detail: 'the case has changed since version 4 (it is at 7)',
          errors: [{ field: 'If-Match', reason: 'the case has changed since version 4 (it is at 7)' }],
          current: {
            id: 'case-9',
            caseNo: 'GA-2026-000009',
            state: 'closed',
            status: 'CLOSED',
            closureReason: 'moved',
            version: 7,
          },
        },
      };
    });
    const item = await recordVisit(db, {
      caseId: 'case-9',
      caseNo: 'GA-2026-000009',
      personName: '丁',
      version: 4,
      visit: { kind: 'VISIT', text: '入户走访：已搬走', visitedAt: '2026-11-30T01:00:00.000Z' },
      photos: [],
    });
    await recordReport(db, report('己'));
    // The held visit does not stop the report behind it.
    expect(await syncOutbox(db)).toEqual({ sent: 1, held: 1 });
    const held = await db.outbox.get(item.seq!);
    expect(held).toMatchObject({
      status: 'CONFLICT',
      conflict: { reason: 'CASE_MOVED', current: { status: 'CLOSED', closureReason: 'moved', version: 7 } },
    });

    await sendAsNote(db, item.seq!, (visit) => `${visit.text}（补记）`);
    expect(await syncOutbox(db)).toEqual({ sent: 1, held: 0 });
    const note = writes().at(-1)!;
    expect(note).toMatchObject({
      path: '/api/cases/case-9/notes',
      ifMatch: null,
      body: { kind: 'NOTE', text: '入户走访：已搬走（补记）' },
    });
    expect(note.key).not.toBe(writes().find((r) => r.ifMatch)!.key);
    expect(await db.outbox.count()).toBe(0);
    expect((await db.sent.get(item.key))!.asNote).toBe(true);
  });

  it('a possible duplicate is held; registered anyway, it goes again under a new key, once', async () => {
    const { writes } = api((path, _request, body) => {
      if (path !== '/api/cases' || (body as { confirmNotDuplicate?: boolean }).confirmNotDuplicate) return undefined;
      return {
        status: 409,
        body: {
          type: 'urn:guanai:problem:possible-duplicate',
          title: 'Conflict',
          status: 409,
          detail: 'this person may already be registered',
          duplicates: [{ id: 'p-1', name: '庚', idNumberMasked: null, communityName: '水井坊社区', match: 'PHONE' }],
        },
      };
    });
    const item = await recordReport(db, report('庚'));
    expect(await syncOutbox(db)).toEqual({ sent: 0, held: 1 });
    expect((await db.outbox.get(item.seq!))!.conflict).toMatchObject({
      reason: 'POSSIBLE_DUPLICATE',
      duplicates: [{ id: 'p-1' }],
    });
    await registerAnyway(db, item.seq!);
    expect(await syncOutbox(db)).toEqual({ sent: 1, held: 0 });
    const sentCase = writes().filter((r) => r.path === '/api/cases');
    expect(sentCase.map((r) => (r.body as { confirmNotDuplicate?: boolean }).confirmNotDuplicate)).toEqual([
      undefined,
      true,
    ]);
    expect(sentCase[0]!.key).not.toBe(sentCase[1]!.key);
  });

  it('a lapsed session stops the run and keeps everything waiting', async () => {
    api(() => ({ status: 401, body: { status: 401, detail: 'not signed in' } }));
    await recordReport(db, report('辛'));
    await recordReport(db, report('壬'));
    expect(await syncOutbox(db)).toEqual({ sent: 0, held: 0, stopped: 'SIGNED_OUT' });
    expect((await db.outbox.toArray()).map((i) => i.status)).toEqual(['WAITING', 'WAITING']);
  });

  it('signing out removes the cases kept on the phone, but keeps what waits to be sent', async () => {
    await db.cases.put(cached('case-9', 4));
    await db.refdata.put({ key: 'communities', value: [{ id: 'c1', name: '水井坊社区' }], fetchedAt: '' });
    await recordReport(db, report('癸'));
    await forgetFieldCache(`test-${n}`);
    expect(await db.cases.count()).toBe(0);
    expect(await db.refdata.count()).toBe(0);
    expect(await db.outbox.count()).toBe(1);
  });

  it('a second run while one is sending does nothing (one sender at a time), and nothing goes twice', async () => {
    const { writes } = api();
    await recordReport(db, report('子'));
    await recordReport(db, report('丑'));
    const [first, second] = await Promise.all([syncOutbox(db), syncOutbox(db)]);
    expect([first, second]).toEqual([
      { sent: 2, held: 0 },
      { busy: true, sent: 0, held: 0 },
    ]);
    expect(writes().filter((r) => r.path === '/api/cases')).toHaveLength(2);
  });
});
