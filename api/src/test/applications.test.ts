import { createHash, randomUUID } from 'node:crypto';
import { pino } from 'pino';
import { verifyAuditChain } from '@guanai/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app.ts';
import { derivedKey } from '../auth/derived-key.ts';
import { createProofOfWork } from '../domain/applications/proof-of-work.ts';
import { pgFileStore } from '../files/file-store.ts';
import type { ResponseMismatch } from '../openapi/response-check.ts';
import { json, q, residentId, signIn, startHarness, type Harness, type Session } from './harness.ts';

/**
 * §四(一) 个人申请, online (issue 16): a resident applies on the public page without an account, the
 * application waits in its community station's queue, and the station turns it into a case or
 * declines it with a reason the applicant reads by the reference number. The app is built here with
 * a light proof of work and low limits (AppDeps.applications), behind one trusted proxy, so that each
 * test is its own client address (X-Forwarded-For).
 */
let h: Harness;
let app: ReturnType<typeof createApp>['app'];
const mismatches: ResponseMismatch[] = [];
const s: Record<string, Session> = {};
const unit: Record<string, string> = {};
const BITS = 6;

beforeAll(async () => {
  h = await startHarness();
  ({ app } = createApp({
    db: h.db,
    temporal: h.env.client,
    keys: h.keys,
    logger: pino({ level: 'silent' }),
    taskQueue: h.taskQueue,
    files: pgFileStore(h.db),
    responseMismatches: mismatches,
    applications: {
      challengeBits: BITS,
      submissions: { limit: 2, windowMs: 3_600_000 },
      lookups: { limit: 3, windowMs: 3_600_000 },
    },
    trustedProxies: 1,
  }));
  for (const [code, key] of [
    ['510104017001', 'home'], // 水井坊社区, the demo station's
    ['510104017002', 'sibling'], // another community of 锦官驿街道
    ['510104018001', 'elsewhere'], // a community of 东湖街道
  ] as const)
    unit[key] = (await h.db.orgUnit.findUniqueOrThrow({ where: { code } })).id;
  // A station worker of the sibling community, signed in like the demo users.
  const station = await h.db.user.findUniqueOrThrow({ where: { username: 'station' } });
  await h.db.user.create({
    data: {
      username: 'station.sibling',
      displayName: '站长 邻社区',
      role: 'STATION_WORKER',
      orgUnitId: unit.sibling!,
      passwordHash: station.passwordHash,
    },
  });
  for (const name of ['station', 'station.sibling', 'caseworker', 'caseworker2', 'supervisor', 'discoverer', 'manager'])
    s[name] = await signIn(app, name);
});
afterAll(async () => {
  await h?.stop();
  expect(mismatches).toEqual([]);
});

/** The client side of the proof of work, as the contract states it. */
function solve(nonce: string, bits: number, from = 0): number {
  for (let solution = from; ; solution++) {
    const digest = createHash('sha256').update(`${nonce}:${solution}`).digest();
    let zeros = 0;
    for (const byte of digest) {
      if (byte === 0) {
        zeros += 8;
        continue;
      }
      zeros += Math.clz32(byte) - 24;
      break;
    }
    if (zeros >= bits) return solution;
  }
}

const publicRequest = async (address: string, method: string, path: string, body?: unknown): Promise<Response> =>
  app.request(path, {
    method,
    headers: {
      'X-Forwarded-For': address,
      ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  });

/** A challenge from the API, answered: what the form sends. */
async function challenge(address: string) {
  const { token, nonce, bits } = await askChallenge(address);
  return { token, solution: solve(nonce, bits) };
}

async function askChallenge(address: string): Promise<{ token: string; nonce: string; bits: number }> {
  const res = await publicRequest(address, 'GET', '/api/public/applications/challenge');
  expect(res.status).toBe(200);
  const asked = await json(res);
  expect(Object.keys(asked).sort()).toEqual(['bits', 'nonce', 'token']);
  expect(asked.bits).toBe(BITS);
  return asked;
}

/** A number that does not solve the challenge. */
function wrongSolution(nonce: string, bits: number): number {
  for (let guess = 0; ; guess++) if (solve(nonce, bits, guess) !== guess) return guess;
}

const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(200, 7)]);
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(200, 9)]);

const form = (overrides: Record<string, unknown> = {}) => ({
  name: '刘秀英',
  phone: '138 0013 5678',
  communityId: unit.home,
  situation: '丈夫去年病逝，本人患糖尿病无法工作，独自抚养两个孩子，房租已欠三个月。',
  applicant: 'SELF',
  documents: [{ filename: '诊断书.jpg', contentType: 'image/jpeg', data: JPEG.toString('base64') }],
  ...overrides,
});

/** A valid application from `address`; its reference and id. */
async function apply(address: string, overrides: Record<string, unknown> = {}) {
  const res = await publicRequest(address, 'POST', '/api/public/applications', {
    ...form(overrides),
    challenge: await challenge(address),
  });
  expect(res.status, await res.clone().text()).toBe(201);
  const receipt = await json(res);
  const { id } = await h.db.application.findUniqueOrThrow({ where: { reference: receipt.reference } });
  return { ...receipt, id: id as string } as { reference: string; status: string; submittedAt: string; id: string };
}

const fields = async (res: Response) => {
  expect(res.status, 'a 422 naming the fields').toBe(422);
  const problem = await json(res);
  return Object.fromEntries((problem.errors as { field: string; reason: string }[]).map((e) => [e.field, e.reason]));
};

let seq = 0;
/** A person for a case, new to the registry each time. */
const person = () => ({
  name: '刘秀英',
  idNumber: residentId(`51010419800101${String(100 + ++seq).padStart(3, '0')}`),
  hukou: 'CHENGDU',
});

describe('§四(一) 个人申请: the public application', () => {
  it('lists every community with its township and district for the picker, and nothing else', async () => {
    const res = await publicRequest('10.0.0.1', 'GET', '/api/public/communities');
    expect(res.status).toBe(200);
    const communities = await json(res);
    const home = communities.find((c: { id: string }) => c.id === unit.home);
    expect(home).toEqual({
      id: unit.home,
      name: '水井坊社区',
      township: { id: expect.any(String), name: '锦官驿街道' },
      district: { id: expect.any(String), name: '锦江区' },
    });
    expect(communities.length).toBe(await h.db.orgUnit.count({ where: { level: 'COMMUNITY' } }));
  });

  it('lands as SUBMITTED with a reference number (SQ- and 50 random bits) and stores the phone only encrypted', async () => {
    const receipt = await apply('10.0.1.1');
    expect(Object.keys(receipt).sort()).toEqual(['id', 'reference', 'status', 'submittedAt']);
    expect(receipt.reference).toMatch(/^SQ-[0-9A-HJKMNP-TV-Z]{10}$/);
    expect(receipt.status).toBe('SUBMITTED');
    const row = await h.db.application.findUniqueOrThrow({ where: { id: receipt.id }, include: { documents: true } });
    expect(row).toMatchObject({ phoneMasked: '138****5678', communityId: unit.home, status: 'SUBMITTED' });
    expect(row.phoneEnc).not.toContain('13800135678');
    expect(row.documents).toMatchObject([{ filename: '诊断书.jpg', contentType: 'image/jpeg', size: JPEG.length }]);
    expect(Buffer.from(row.documents[0]!.bytes).equals(JPEG)).toBe(true);
  });

  it('refuses an empty body, naming every required field', async () => {
    const reasons = await fields(await publicRequest('10.0.2.1', 'POST', '/api/public/applications', {}));
    expect(Object.keys(reasons).sort()).toEqual(
      ['applicant', 'challenge', 'communityId', 'name', 'phone', 'situation'].sort(),
    );
  });

  it('refuses junk, naming each field and why, and writes nothing', async () => {
    const before = await h.db.application.count();
    const oversize = Buffer.concat([JPEG, Buffer.alloc(2 * 1024 * 1024)]);
    const reasons = await fields(
      await publicRequest('10.0.2.2', 'POST', '/api/public/applications', {
        ...form({
          name: '',
          phone: '12345',
          situation: '难'.repeat(2001),
          applicant: 'RELATIVE',
          documents: [
            { filename: 'a.gif', contentType: 'image/gif', data: JPEG.toString('base64') },
            { filename: 'b.jpg', contentType: 'image/jpeg', data: PNG.toString('base64') },
            { filename: 'c.png', contentType: 'image/png', data: oversize.toString('base64') },
          ],
        }),
        challenge: { token: 'x', solution: -1 },
      }),
    );
    expect(reasons).toEqual({
      name: 'is required',
      phone: 'must be a mainland mobile number (11 digits starting 13–19) or a landline with its area code',
      situation: 'must be at most 2000 characters',
      applicantName: 'is required when someone applies for another person',
      'documents.0.contentType': 'must be one of image/jpeg, image/png, image/webp',
      'documents.1.data': 'is a image/png image, not the image/jpeg that contentType says',
      'documents.2.data': 'is larger than 2 MB',
      'challenge.solution': 'must not be negative',
    });
    // Bytes that are no photo at all, four photos, not base64.
    const more = await fields(
      await publicRequest('10.0.2.2', 'POST', '/api/public/applications', {
        ...form({
          documents: [
            { filename: 'a.jpg', contentType: 'image/jpeg', data: Buffer.from('just text').toString('base64') },
            { filename: 'b.jpg', contentType: 'image/jpeg', data: 'not base64!' },
          ],
        }),
        challenge: await challenge('10.0.2.2'),
      }),
    );
    expect(more).toEqual({
      'documents.0.data': 'is not a image/jpeg image (nor any photo this form takes)',
      'documents.1.data': 'must be the file in base64',
    });
    const four = Array.from({ length: 4 }, (_, i) => ({
      filename: `${i}.jpg`,
      contentType: 'image/jpeg',
      data: JPEG.toString('base64'),
    }));
    expect(
      await fields(
        await publicRequest('10.0.2.2', 'POST', '/api/public/applications', {
          ...form({ documents: four }),
          challenge: await challenge('10.0.2.2'),
        }),
      ),
    ).toEqual({ documents: 'at most 3 photos' });
    // A body larger than three photos' worth is refused before it is read.
    const huge = Buffer.concat([JPEG, Buffer.alloc(2 * 1024 * 1024 - JPEG.length - 10)]).toString('base64');
    const tooLarge = await publicRequest('10.0.2.2', 'POST', '/api/public/applications', {
      ...form({ documents: four.map((d) => ({ ...d, data: huge })) }),
      challenge: await challenge('10.0.2.2'),
    });
    expect(Object.keys(await fields(tooLarge))).toEqual(['documents']);
    // Not JSON at all.
    expect((await publicRequest('10.0.2.2', 'POST', '/api/public/applications', '{')).status).toBeLessThan(500);
    expect(await h.db.application.count()).toBe(before);
  });

  it('refuses an unknown community and a wrong solution together, then a bad, an expired and a reused challenge', async () => {
    const address = '10.0.3.1';
    const before = await h.db.application.count();
    const fresh = await askChallenge(address);
    expect(
      await fields(
        await publicRequest(address, 'POST', '/api/public/applications', {
          ...form({ communityId: randomUUID() }),
          challenge: { token: fresh.token, solution: wrongSolution(fresh.nonce, fresh.bits) },
        }),
      ),
    ).toEqual({
      communityId: 'is not a community (村/社区) of the network',
      'challenge.solution': 'does not solve the challenge',
    });
    // A township is not a community.
    const township = await h.db.orgUnit.findUniqueOrThrow({ where: { code: '510104017000' } });
    expect(
      await fields(
        await publicRequest(address, 'POST', '/api/public/applications', {
          ...form({ communityId: township.id }),
          challenge: await challenge(address),
        }),
      ),
    ).toEqual({ communityId: 'is not a community (村/社区) of the network' });
    // A token changed by the client (a lower difficulty) is not the API's.
    const [nonce, , expires, mac] = fresh.token.split('.');
    const forged = { token: [nonce, 0, expires, mac].join('.'), solution: 0 };
    expect(
      await fields(await publicRequest(address, 'POST', '/api/public/applications', { ...form(), challenge: forged })),
    ).toEqual({ 'challenge.token': 'is not a challenge this service gave; ask for a new one' });
    // A token this API signed that has run out.
    const old = createProofOfWork({
      secret: () => derivedKey(h.keys, 'application-challenge'),
      bits: BITS,
      ttlMs: -60_000,
    }).issue();
    expect(
      await fields(
        await publicRequest(address, 'POST', '/api/public/applications', {
          ...form(),
          challenge: { token: old.token, solution: solve(old.nonce, old.bits) },
        }),
      ),
    ).toEqual({ 'challenge.token': 'has expired; ask for a new challenge' });
    expect(await h.db.application.count()).toBe(before);
    // Each challenge is accepted once.
    const once = await challenge(address);
    expect(
      (await publicRequest(address, 'POST', '/api/public/applications', { ...form(), challenge: once })).status,
    ).toBe(201);
    expect(
      await fields(await publicRequest(address, 'POST', '/api/public/applications', { ...form(), challenge: once })),
    ).toEqual({ 'challenge.token': 'was already used; ask for a new challenge' });
    expect(await h.db.application.count()).toBe(before + 1);
  });

  it('limits applications per client address (429 with Retry-After), counted per address', async () => {
    await apply('10.0.4.1');
    await apply('10.0.4.1');
    const limited = await publicRequest('10.0.4.1', 'POST', '/api/public/applications', {
      ...form(),
      challenge: await challenge('10.0.4.1'),
    });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(3500);
    expect((await json(limited)).type).toBe('urn:guanai:problem:application-rate-limited');
    // What a client writes into X-Forwarded-For itself does not make it someone else.
    const spoofed = await app.request('/api/public/applications', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': '192.0.2.7, 10.0.4.1' },
      body: JSON.stringify({ ...form(), challenge: await challenge('10.0.4.1') }),
    });
    expect(spoofed.status).toBe(429);
    // Another address is not held back.
    await apply('10.0.4.2');
    // Nothing of the address is stored in clear.
    const hits = await h.db.rateLimitHit.findMany({ where: { bucket: 'application-submit' } });
    expect(hits.some((hit) => hit.key.includes('10.0.4.1'))).toBe(false);
  });

  it('two requests answering one challenge at once: one application', async () => {
    const address = '10.0.5.1';
    const answer = await challenge(address);
    const before = await h.db.application.count();
    const results = await Promise.all(
      [0, 1].map(() => publicRequest(address, 'POST', '/api/public/applications', { ...form(), challenge: answer })),
    );
    expect(results.map((r) => r.status).sort()).toEqual([201, 422]);
    expect(await h.db.application.count()).toBe(before + 1);
  });
});

describe('§四(一) 个人申请: the outcome by reference number', () => {
  it('a declined application’s reason is readable by its reference number, and nothing else', async () => {
    const submitted = await apply('10.0.6.1');
    const read = async (reference: string, address = '10.0.6.1') =>
      publicRequest(address, 'GET', `/api/public/applications/${encodeURIComponent(reference)}`);
    const waiting = await json(await read(submitted.reference));
    expect(waiting).toEqual({
      reference: submitted.reference,
      status: 'SUBMITTED',
      submittedAt: submitted.submittedAt,
      decidedAt: null,
      declineReason: null,
    });
    const declined = await s.station!.request('POST', `/api/applications/${submitted.id}/decline`, {
      reason: '经电话核实，申请人已纳入低保并按月领取，暂不符合关爱援助条件。',
    });
    expect(declined.status, await declined.clone().text()).toBe(200);
    const outcome = await json(await read(submitted.reference));
    expect(Object.keys(outcome).sort()).toEqual(['decidedAt', 'declineReason', 'reference', 'status', 'submittedAt']);
    expect(outcome).toMatchObject({
      status: 'DECLINED',
      declineReason: '经电话核实，申请人已纳入低保并按月领取，暂不符合关爱援助条件。',
      decidedAt: expect.any(String),
    });
    // Typed as a person types it: lower case, without the dash, O for 0 and I or L for 1.
    const typed = submitted.reference.slice(3).toLowerCase().replace(/0/g, 'o').replace(/1/g, 'l');
    expect(await json(await read(`sq ${typed}`))).toEqual(outcome);
    // The staff answer of the same application is behind a session.
    expect((await app.request(`/api/applications/${submitted.id}`)).status).toBe(401);
  });

  it('an unknown reference is a 404; a malformed one a 422; guessing is rate-limited per address', async () => {
    const address = '10.0.7.1';
    const read = (reference: string) => publicRequest(address, 'GET', `/api/public/applications/${reference}`);
    expect(await fields(await read('12345'))).toEqual({
      reference: 'is not a reference number (SQ- and ten letters and digits, e.g. SQ-7K3M9Q2XHP)',
    });
    for (const guess of ['SQ-0000000000', 'SQ-0000000001', 'SQ-0000000002'])
      expect((await read(guess)).status).toBe(404);
    const limited = await read('SQ-0000000003');
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    // Another address still reads its own application.
    const mine = await apply('10.0.7.2');
    expect((await publicRequest('10.0.7.2', 'GET', `/api/public/applications/${mine.reference}`)).status).toBe(200);
  });
});

describe('§四(一) 个人申请: the station verifies', () => {
  it('the queue shows the phone masked; the full phone only through the audited reveal, with a reason', async () => {
    const submitted = await apply('10.0.8.1', {
      phone: '139-1234-5678',
      applicant: 'RELATIVE',
      applicantName: '刘小明',
    });
    const list = await s.station!.request('GET', `/api/applications${q({ filter: { status: 'SUBMITTED' } })}`);
    expect(list.status).toBe(200);
    const item = (await json(list)).find((a: { id: string }) => a.id === submitted.id);
    expect(item).toMatchObject({
      reference: submitted.reference,
      name: '刘秀英',
      phone: '139****5678',
      applicant: 'RELATIVE',
      applicantName: '刘小明',
      community: { id: unit.home, name: '水井坊社区' },
      status: 'SUBMITTED',
      decidedBy: null,
      caseId: null,
      documents: [{ filename: '诊断书.jpg', contentType: 'image/jpeg', size: JPEG.length }],
    });
    expect(
      JSON.stringify(await json(await s.station!.request('GET', `/api/applications/${submitted.id}`))),
    ).not.toMatch(/13912345678/);
    // Without a reason, none; the manager (not a worker) may not; another township's caseworker cannot see it.
    expect((await s.station!.request('GET', `/api/applications/${submitted.id}/phone`)).status).toBe(422);
    const why = `?reason=${encodeURIComponent('电话核实申请人身份')}`;
    expect((await s.manager!.request('GET', `/api/applications/${submitted.id}/phone${why}`)).status).toBe(403);
    expect((await s.caseworker2!.request('GET', `/api/applications/${submitted.id}/phone${why}`)).status).toBe(404);
    const revealed = await s.station!.request('GET', `/api/applications/${submitted.id}/phone${why}`);
    expect(await json(revealed)).toEqual({ phone: '13912345678' });
    const station = await h.db.user.findUniqueOrThrow({ where: { username: 'station' } });
    expect(
      await h.db.auditEntry.findFirstOrThrow({
        where: { action: 'application.phone.view', target: `application:${submitted.id}` },
      }),
    ).toMatchObject({ actorId: station.id, reason: '电话核实申请人身份' });
    // The photo, for whoever sees the application.
    const photo = await s.station!.request(
      'GET',
      `/api/applications/${submitted.id}/documents/${item.documents[0].id}`,
    );
    expect(photo.status).toBe(200);
    expect(photo.headers.get('content-type')).toBe('image/jpeg');
    expect(Buffer.from(await photo.arrayBuffer()).equals(JPEG)).toBe(true);
    expect(
      (
        await s['station.sibling']!.request(
          'GET',
          `/api/applications/${submitted.id}/documents/${item.documents[0].id}`,
        )
      ).status,
    ).toBe(404);
  });

  it('accept opens a SELF_APPLICATION case in the station’s community that names the application; it reads ACCEPTED', async () => {
    const submitted = await apply('10.0.9.1');
    const res = await s.station!.request('POST', `/api/applications/${submitted.id}/accept`, {
      person: person(),
      situation: '丈夫病逝，本人患病，独自抚养两个孩子',
      confirmNotDuplicate: true,
    });
    expect(res.status, await res.clone().text()).toBe(201);
    const opened = await json(res);
    expect(opened).toMatchObject({ origin: 'SELF_APPLICATION', originUnitId: unit.home, applicationId: submitted.id });
    expect(await h.db.case.findUniqueOrThrow({ where: { id: opened.id } })).toMatchObject({
      applicationId: submitted.id,
      origin: 'SELF_APPLICATION',
    });
    const after = await json(await s.station!.request('GET', `/api/applications/${submitted.id}`));
    expect(after).toMatchObject({
      status: 'ACCEPTED',
      caseId: opened.id,
      caseNo: opened.caseNo,
      decidedAt: expect.any(String),
      decidedBy: { name: '站长 王芳' },
      declineReason: null,
    });
    // The accept is audited as the request it is (who, which application); the case's projection marked it.
    expect(
      await h.db.auditEntry.count({
        where: { action: 'POST /api/applications/:id/accept', target: `/api/applications/${submitted.id}/accept` },
      }),
    ).toBe(1);
    const outcome = await json(
      await publicRequest('10.0.9.1', 'GET', `/api/public/applications/${submitted.reference}`),
    );
    expect(outcome).toMatchObject({ status: 'ACCEPTED', declineReason: null });
    expect(JSON.stringify(outcome)).not.toContain(opened.caseNo); // the public never sees the case
  });

  it('accept twice with the same Idempotency-Key opens one case; again with another key is a 409', async () => {
    const submitted = await apply('10.0.10.1');
    const body = { person: person(), situation: '独居老人，行动不便', confirmNotDuplicate: true };
    const key = randomUUID();
    const first = await s.station!.request('POST', `/api/applications/${submitted.id}/accept`, body, {
      'Idempotency-Key': key,
    });
    const second = await s.station!.request('POST', `/api/applications/${submitted.id}/accept`, body, {
      'Idempotency-Key': key,
    });
    expect([first.status, second.status]).toEqual([201, 201]);
    expect((await json(second)).id).toBe((await json(first)).id);
    expect(await h.db.case.count({ where: { applicationId: submitted.id } })).toBe(1);
    const again = await s.station!.request('POST', `/api/applications/${submitted.id}/accept`, {
      ...body,
      person: person(),
    });
    expect(again.status).toBe(409);
    expect((await json(again)).type).toBe('urn:guanai:problem:application-decided');
    expect(
      (await s.station!.request('POST', `/api/applications/${submitted.id}/decline`, { reason: '重复申请' })).status,
    ).toBe(409);
    expect(await h.db.case.count({ where: { applicationId: submitted.id } })).toBe(1);
  });

  it('decline then accept is a 409, and the decline is audited with its reason', async () => {
    const submitted = await apply('10.0.11.1');
    const reason = '申请人已迁出本社区，请向现居住地社区申请';
    const declined = await s.station!.request('POST', `/api/applications/${submitted.id}/decline`, { reason });
    expect(await json(declined)).toMatchObject({ status: 'DECLINED', declineReason: reason, caseId: null });
    const accept = await s.station!.request('POST', `/api/applications/${submitted.id}/accept`, {
      person: person(),
      situation: '困难',
      confirmNotDuplicate: true,
    });
    expect(accept.status).toBe(409);
    expect(
      (await s.station!.request('POST', `/api/applications/${submitted.id}/decline`, { reason: '再次不予受理' }))
        .status,
    ).toBe(409);
    expect(await h.db.case.count({ where: { applicationId: submitted.id } })).toBe(0);
    const station = await h.db.user.findUniqueOrThrow({ where: { username: 'station' } });
    expect(
      await h.db.auditEntry.findMany({
        where: { action: 'application.decline', target: `application:${submitted.id}` },
      }),
    ).toMatchObject([{ actorId: station.id, reason, detail: { reference: submitted.reference } }]);
    expect(await verifyAuditChain(h.db)).toMatchObject({ ok: true });
    // A reason the applicant could not understand is refused.
    const short = await apply('10.0.11.2');
    expect(
      await fields(await s.station!.request('POST', `/api/applications/${short.id}/decline`, { reason: '否' })),
    ).toEqual({ reason: 'say in at least 4 characters why (the applicant reads it)' });
  });

  it('accept and decline at the same moment: one of them, never both', async () => {
    const submitted = await apply('10.0.12.1');
    const [accept, decline] = await Promise.all([
      s.station!.request('POST', `/api/applications/${submitted.id}/accept`, {
        person: person(),
        situation: '突发重病',
        confirmNotDuplicate: true,
      }),
      s.station!.request('POST', `/api/applications/${submitted.id}/decline`, { reason: '材料不全，请补充后再申请' }),
    ]);
    const won = accept.status === 201 ? 'accept' : 'decline';
    expect([accept.status, decline.status]).toEqual(won === 'accept' ? [201, 409] : [409, 200]);
    const row = await h.db.application.findUniqueOrThrow({ where: { id: submitted.id }, include: { case: true } });
    if (won === 'accept')
      expect(row).toMatchObject({ status: 'ACCEPTED', declineReason: null, case: { origin: 'SELF_APPLICATION' } });
    else expect(row).toMatchObject({ status: 'DECLINED', case: null });
  });

  it('another community’s station worker neither sees nor decides it; township staff see it but do not decide', async () => {
    const submitted = await apply('10.0.13.1');
    const other = s['station.sibling']!;
    expect((await other.request('GET', `/api/applications/${submitted.id}`)).status).toBe(404);
    const listed = await json(await other.request('GET', `/api/applications${q({ range: [0, 499] })}`));
    expect(listed.map((a: { id: string }) => a.id)).not.toContain(submitted.id);
    expect(
      (
        await other.request('POST', `/api/applications/${submitted.id}/accept`, {
          person: person(),
          situation: '困难',
          confirmNotDuplicate: true,
        })
      ).status,
    ).toBe(404);
    expect(
      (await other.request('POST', `/api/applications/${submitted.id}/decline`, { reason: '不是本社区' })).status,
    ).toBe(404);
    // The township's caseworker and supervisor see their communities' queue; the station decides.
    for (const name of ['caseworker', 'supervisor']) {
      expect((await s[name]!.request('GET', `/api/applications/${submitted.id}`)).status, name).toBe(200);
      expect(
        (await s[name]!.request('POST', `/api/applications/${submitted.id}/decline`, { reason: '不予受理' })).status,
        name,
      ).toBe(403);
    }
    expect((await s.caseworker2!.request('GET', `/api/applications/${submitted.id}`)).status).toBe(404);
    expect((await s.discoverer!.request('GET', '/api/applications')).status).toBe(403);
    expect(await h.db.application.findUniqueOrThrow({ where: { id: submitted.id } })).toMatchObject({
      status: 'SUBMITTED',
    });
  });
});

describe('§四(一) 个人申请: the station’s home', () => {
  it('applicationsToVerify is the total of the list it links to (SUBMITTED in my community)', async () => {
    await apply('10.0.14.1', { communityId: unit.sibling });
    await apply('10.0.14.2', { communityId: unit.elsewhere });
    const home = await json(await s.station!.request('GET', '/api/home'));
    expect(home.applicationsToVerify.link).toEqual({ to: 'applications', filter: { status: 'SUBMITTED' } });
    const list = await s.station!.request(
      'GET',
      `/api/applications${q({ filter: home.applicationsToVerify.link.filter, range: [0, 0] })}`,
    );
    const total = Number(list.headers.get('content-range')!.split('/')[1]);
    expect(home.applicationsToVerify.value).toBe(total);
    expect(total).toBe(
      await h.db.application.count({ where: { communityId: unit.home, status: 'SUBMITTED', case: { is: null } } }),
    );
    expect(total).toBeGreaterThan(0);
    // The sibling station counts its own.
    const sibling = await json(await s['station.sibling']!.request('GET', '/api/home'));
    expect(sibling.applicationsToVerify.value).toBe(
      await h.db.application.count({ where: { communityId: unit.sibling, status: 'SUBMITTED' } }),
    );
    // A discoverer's home has no such figure (it cannot open the list).
    expect(await json(await s.discoverer!.request('GET', '/api/home'))).not.toHaveProperty('applicationsToVerify');
  });
});
