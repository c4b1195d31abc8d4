import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DisclosureInput, PublishResult } from '@guanai/workflows';
import { json, signIn, startHarness, type Harness, type Session } from './harness.ts';
import { ledgerFixture } from './ledger-fixture.ts';

/**
 * §四(三) 募捐 and §四(七) 过程信息公开: a campaign's donations ledger — receipts, refunds and reversals as
 * new entries — and the public figures and the monthly disclosure read from it, to the cent. Months
 * are counted from today (Beijing time): `lastMonth` is the month before, `thisMonth` the one a
 * correction recorded today falls in (run in December 2026: November, then December).
 */
let h: Harness;
let manager: Session;
let partner: Session;
let fixture: ReturnType<typeof ledgerFixture>;
let charity: string;
let city: string;
let township: string;

const beijingNow = () => new Date(Date.now() + 8 * 3_600_000);
const thisMonth = () => beijingNow().toISOString().slice(0, 7);
const today = () => beijingNow().toISOString().slice(0, 10);
const lastMonth = () => {
  const now = beijingNow();
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 15)).toISOString().slice(0, 7);
};
const monthEnd = (period: string) => {
  const [y, m] = period.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 1)).toISOString().slice(0, 10);
};

beforeAll(async () => {
  h = await startHarness();
  manager = await signIn(h.app, 'manager');
  partner = await signIn(h.app, 'partner');
  fixture = ledgerFixture(h.db, h.keys);
  charity = (await h.db.partner.findUniqueOrThrow({ where: { name: '成都市慈善总会' } })).id;
  city = (await fixture.unit('510100000000')).id;
  township = (await fixture.unit('510104017000')).id;
});
afterAll(async () => h?.stop());

let n = 0;
/** A new fundraising campaign by the city's manager; published unless told otherwise. */
async function campaign(over: Record<string, unknown> = {}, publish = true): Promise<string> {
  n += 1;
  const res = await manager.request('POST', '/api/resources', {
    kind: 'FUNDRAISING',
    name: `募捐测试 ${n}`,
    providerId: charity,
    coverageUnitId: city,
    categories: ['EDUCATION'],
    campaignType: 'PUBLIC',
    target: 10000,
    deadline: '2030-12-31',
    ...over,
  });
  expect(res.status, await res.clone().text()).toBe(201);
  const id = (await json(res)).id as string;
  if (publish)
    expect((await manager.request('POST', `/api/resources/${id}/status`, { status: 'PUBLISHED' })).status).toBe(200);
  return id;
}

const donate = (who: Session, resourceId: string, amount: number, receivedOn = today(), donorName = '爱心人士') =>
  who.request('POST', `/api/resources/${resourceId}/donations`, { donorName, amount, receivedOn });

async function donated(resourceId: string, amount: number, receivedOn = today()) {
  const res = await donate(partner, resourceId, amount, receivedOn);
  expect(res.status, await res.clone().text()).toBe(201);
  return (await json(res)) as { id: string; receiptNo: string };
}

/** The ledger summed here, in SQL, independently of the code under test: raised, spent, balance as text. */
async function ledgerSums(resourceId: string, before = '9999-12-31') {
  const [row] = await h.db.$queryRaw<{ raised: string; spent: string; balance: string }[]>`
    WITH r AS (SELECT COALESCE(SUM(amount), 0) AS v FROM donation WHERE resource_id = ${resourceId}::uuid AND received_on < ${before}::date),
         s AS (SELECT COALESCE(SUM(d.amount), 0) AS v FROM delivery d JOIN "match" m ON m.id = d.match_id
               WHERE m.resource_id = ${resourceId}::uuid AND m.status = 'ACCEPTED' AND d.kind = 'MONEY' AND d.delivered_on < ${before}::date)
    SELECT to_char(r.v, 'FM999999999990.00') AS raised, to_char(s.v, 'FM999999999990.00') AS spent,
           to_char(r.v - s.v, 'FM999999999990.00') AS balance FROM r, s`;
  return row!;
}

const publicFigures = async (id: string) =>
  (await json(await h.app.request('/api/public/campaigns'))).find((c: { id: string }) => c.id === id);

/** Publishes a month through the disclosure workflow on the real Temporal server (the route refuses a month not yet ended). */
const publishMonth = (period: string) =>
  h.env.client.workflow.execute<(input: DisclosureInput) => Promise<PublishResult>>('disclosureWorkflow', {
    taskQueue: h.taskQueue,
    workflowId: `fundraising-disclosure-${period}-${Math.random().toString(36).slice(2)}`,
    args: [{ period, threshold: 3 }],
  });

describe('§四(三) 募捐: the donations ledger', () => {
  it('donations go only to a published campaign: a DRAFT and a CLOSED one refuse them with a 4xx and write no row, take no receipt number', async () => {
    const draft = await campaign({}, false);
    const counter = async () => h.db.donationReceiptCounter.findMany({ orderBy: { year: 'asc' } });
    const before = await counter();
    const refused = await donate(manager, draft, 100);
    expect(refused.status).toBe(409);
    expect((await json(refused)).detail).toContain('DRAFT');
    const closed = await campaign();
    expect((await manager.request('POST', `/api/resources/${closed}/status`, { status: 'CLOSED' })).status).toBe(200);
    const refusedClosed = await donate(partner, closed, 100);
    expect(refusedClosed.status).toBe(409);
    expect((await json(refusedClosed)).detail).toContain('CLOSED');
    expect(await h.db.donation.count({ where: { resourceId: { in: [draft, closed] } } })).toBe(0);
    expect(await counter()).toEqual(before);
    expect(await publicFigures(draft)).toBeUndefined(); // a draft is not shown
    expect(await publicFigures(closed)).toMatchObject({ raised: '0.00', spent: '0.00', balance: '0.00' });
  });

  it('each donation gets a receipt number JZ<year>-nnnnnn, sequential without gaps (a refused one takes none); a retry keeps its number', async () => {
    const id = await campaign();
    const year = beijingNow().getUTCFullYear();
    const first = await donated(id, 10);
    expect(first.receiptNo).toMatch(new RegExp(`^JZ${year}-\\d{6}$`));
    // A refused donation (bad amount) and a retried one (same Idempotency-Key) take no new number.
    expect((await donate(partner, id, -5)).status).toBe(422);
    const keyed = () =>
      partner.request(
        'POST',
        `/api/resources/${id}/donations`,
        { donorName: '某企业', amount: 20, receivedOn: today() },
        { 'Idempotency-Key': 'receipt-retry' },
      );
    const second = await json(await keyed());
    expect(await json(await keyed())).toEqual(second);
    const third = await donated(id, 30);
    const all = await h.db.donation.findMany({ where: { kind: 'DONATION' }, select: { receiptNo: true } });
    const numbers = all.map((d) => Number(d.receiptNo!.slice(-6))).sort((a, b) => a - b);
    expect(numbers).toEqual(numbers.map((_, i) => i + 1));
    expect([first, second, third].map((d) => Number(d.receiptNo.slice(-6)))).toEqual([
      Number(first.receiptNo.slice(-6)),
      Number(first.receiptNo.slice(-6)) + 1,
      Number(first.receiptNo.slice(-6)) + 2,
    ]);
    // The list shows each entry's kind and receipt number.
    expect(await json(await partner.request('GET', `/api/resources/${id}/donations`))).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ id: first.id, kind: 'DONATION', receiptNo: first.receiptNo, reversesId: null }),
      ]),
    );
  });

  it('a reversal (冲正) is a new entry with a reason — none: 422 naming `reason` and no row — the original unchanged; the database refuses UPDATE and DELETE', async () => {
    const id = await campaign();
    const gift = await donated(id, 33.33);
    const original = await h.db.donation.findUniqueOrThrow({ where: { id: gift.id } });
    for (const body of [{}, { reason: '   ' }]) {
      const res = await manager.request('POST', `/api/donations/${gift.id}/reversals`, body);
      expect(res.status).toBe(422);
      expect((await json(res)).errors.map((e: { field: string }) => e.field)).toContain('reason');
    }
    expect(await h.db.donation.count({ where: { reversesId: gift.id } })).toBe(0);
    // Someone else's campaign: the other partner sees no such donation to reverse.
    expect(
      (
        await (
          await signIn(h.app, 'partner.sw')
        ).request('POST', `/api/donations/${gift.id}/reversals`, { reason: 'x' })
      ).status,
    ).toBe(404);
    const res = await partner.request('POST', `/api/donations/${gift.id}/reversals`, { reason: '重复登记' });
    expect(res.status).toBe(201);
    const reversal = await json(res);
    expect(reversal.amount).toBe('-33.33');
    expect(await h.db.donation.findUniqueOrThrow({ where: { id: reversal.id } })).toMatchObject({
      kind: 'REVERSAL',
      reversesId: gift.id,
      reason: '重复登记',
      receiptNo: null,
    });
    expect(await h.db.donation.findUniqueOrThrow({ where: { id: gift.id } })).toEqual(original);
    // Once: nothing remains to reverse or refund.
    expect((await manager.request('POST', `/api/donations/${gift.id}/reversals`, { reason: '再次' })).status).toBe(409);
    expect(
      (await manager.request('POST', `/api/donations/${gift.id}/refunds`, { amount: 1, reason: '退回' })).status,
    ).toBe(409);
    // A correction is not itself corrected.
    expect((await manager.request('POST', `/api/donations/${reversal.id}/reversals`, { reason: 'x' })).status).toBe(
      409,
    );
    await expect(h.db.$executeRaw`UPDATE donation SET amount = 1 WHERE id = ${gift.id}::uuid`).rejects.toThrow(
      /append-only/,
    );
    await expect(h.db.$executeRaw`DELETE FROM donation WHERE id = ${reversal.id}::uuid`).rejects.toThrow(/append-only/);
    expect(await h.db.donation.count({ where: { OR: [{ id: gift.id }, { reversesId: gift.id }] } })).toBe(2);
  });

  it('refunds (退款) may be partial, never beyond what remains (422 `amount`), nor below what matches hold (409)', async () => {
    const id = await campaign();
    const gift = await donated(id, 100);
    const refund = (amount: number, reason = '捐赠人申请退回') =>
      manager.request('POST', `/api/donations/${gift.id}/refunds`, { amount, reason });
    const beyond = await refund(100.01);
    expect(beyond.status).toBe(422);
    expect((await json(beyond)).errors[0].field).toBe('amount');
    expect((await refund(40)).status).toBe(201);
    const over = await refund(60.01);
    expect(over.status).toBe(422);
    expect((await json(over)).errors[0].field).toBe('amount');
    expect((await manager.request('POST', `/api/donations/${gift.id}/refunds`, { amount: 1 })).status).toBe(422);
    // Matches hold ¥50 of the ¥60 left in the budget: giving back ¥20 would break the promise.
    await h.db.$executeRaw`UPDATE resource SET reserved_amount = 50 WHERE id = ${id}::uuid`;
    const held = await refund(20);
    expect(held.status).toBe(409);
    expect((await json(held)).type).toContain('below-reserved');
    expect((await refund(10)).status).toBe(201);
    expect(Number((await h.db.resource.findUniqueOrThrow({ where: { id } })).budget)).toBe(50);
    const receipt = await json(await manager.request('GET', `/api/donations/${gift.id}`));
    expect(receipt).toMatchObject({ amount: '100.00', remaining: '50.00' });
    expect(receipt.corrections.map((c: { amount: string }) => c.amount)).toEqual(['-40.00', '-10.00']);
    expect(await h.db.donation.count({ where: { reversesId: gift.id } })).toBe(2);
  });
});

describe('§四(七) 过程信息公开: public figures and the disclosure come from the ledger alone, to the cent', () => {
  it('GET /api/public/campaigns: raised, spent and balance equal the ledger summed in SQL; a reversal changes the balance at once', async () => {
    const id = await campaign();
    const gifts = [];
    for (const amount of [0.1, 0.2, 33.33, 0.1, 1200.5]) gifts.push(await donated(id, amount));
    const c = await fixture.caseFor('钱小梅', '510104017001', `${lastMonth()}-02T02:00:00Z`);
    await fixture.delivered(c.caseId, id, 'EDUCATION', [
      { kind: 'MONEY', amount: 0.2, on: today() },
      { kind: 'MONEY', amount: 33.33, on: today() },
      { kind: 'SERVICE', on: today() },
    ]);
    const before = await publicFigures(id);
    expect(before).toMatchObject(await ledgerSums(id));
    expect(before).toMatchObject({ raised: '1234.23', spent: '33.53', balance: '1200.70', target: '10000.00' });
    expect(before).toMatchObject({ type: 'PUBLIC', beneficiary: null });
    expect(
      (await partner.request('POST', `/api/donations/${gifts[1]!.id}/reversals`, { reason: '银行退票' })).status,
    ).toBe(201);
    const after = await publicFigures(id);
    expect(after).toMatchObject({ raised: '1234.03', balance: '1200.50' });
    expect(after).toMatchObject(await ledgerSums(id));
  });

  it('a reversal recorded this month of last month’s donation: last month re-publishes UNCHANGED, this month lists it under corrections and its figures reflect it', async () => {
    const [prev, cur] = [lastMonth(), thisMonth()];
    const id = await campaign({ name: '冲正公示测试' });
    const gift = await donated(id, 33.33, `${prev}-10`);
    await donated(id, 0.1, `${prev}-11`);
    await donated(id, 0.2, `${prev}-12`);
    const c = await fixture.caseFor('孙晓燕', '510104017002', `${prev}-02T02:00:00Z`);
    await fixture.delivered(c.caseId, id, 'EDUCATION', [{ kind: 'MONEY', amount: 0.1, on: `${prev}-20` }]);
    const published = await json(await manager.request('POST', `/api/disclosures/${prev}/publish`));
    expect(['ORIGINAL', 'CORRECTION']).toContain(published.kind);
    const projectOf = async (period: string) =>
      (await json(await h.app.request(`/api/public/disclosures/${period}`))).projects.find(
        (p: { resourceId: string }) => p.resourceId === id,
      );
    const asPublished = await projectOf(prev);
    // The snapshot's figures as of the month's end equal the ledger summed in SQL, to the cent.
    const sums = await ledgerSums(id, monthEnd(prev));
    expect(asPublished).toMatchObject({
      raised: Number(sums.raised),
      disbursed: Number(sums.spent),
      balance: Number(sums.balance),
    });
    expect(asPublished).toMatchObject({ raised: 33.63, disbursed: 0.1, balance: 33.53 });
    const prevDisclosure = await json(await h.app.request(`/api/public/disclosures/${prev}`));

    expect(
      (await manager.request('POST', `/api/donations/${gift.id}/reversals`, { reason: '误将他项目款项登记于此' }))
        .status,
    ).toBe(201);
    // The ledger as of last month's end did not change: publishing it again adds nothing.
    expect(await json(await manager.request('POST', `/api/disclosures/${prev}/publish`))).toMatchObject({
      version: published.version,
      kind: 'UNCHANGED',
    });
    expect(await json(await h.app.request(`/api/public/disclosures/${prev}`))).toEqual(prevDisclosure);
    expect(prevDisclosure).not.toHaveProperty('corrections');
    // This month's disclosure shows it as a correction of the ledger, not an edit.
    expect(await publishMonth(cur)).toMatchObject({ period: cur, kind: 'ORIGINAL' });
    const disclosure = await json(await h.app.request(`/api/public/disclosures/${cur}`));
    expect(disclosure.corrections).toContainEqual({
      campaign: '冲正公示测试',
      receiptNo: gift.receiptNo,
      kind: 'REVERSAL',
      amount: '-33.33',
      reason: '误将他项目款项登记于此',
      date: today(),
    });
    const curSums = await ledgerSums(id, monthEnd(cur));
    expect(await projectOf(cur)).toMatchObject({
      raised: Number(curSums.raised),
      disbursed: Number(curSums.spent),
      balance: Number(curSums.balance),
    });
    expect(await projectOf(cur)).toMatchObject({ raised: 0.3, disbursed: 0.1, balance: 0.2 });
    expect(await publicFigures(id)).toMatchObject({ raised: '0.30', spent: '0.10', balance: '0.20' });
    // Stored, hashed and chained like every snapshot: re-publishing this month is unchanged too.
    expect(await publishMonth(cur)).toMatchObject({ kind: 'UNCHANGED' });
  });
});

describe('§四(三) 定向募捐: a directed campaign names its beneficiary; the receipt names no person', () => {
  it('a DIRECTED campaign without a case or (category and township) is 422 naming `beneficiaryCaseId`, on create and on update; a PUBLIC one names none', async () => {
    const directed = { campaignType: 'DIRECTED' };
    for (const extra of [{}, { beneficiaryCategory: 'EDUCATION' }, { beneficiaryTownshipId: township }]) {
      const res = await manager.request('POST', '/api/resources', {
        kind: 'FUNDRAISING',
        name: '定向募捐：无受益人',
        providerId: charity,
        coverageUnitId: city,
        categories: ['EDUCATION'],
        target: 1000,
        deadline: '2030-12-31',
        ...directed,
        ...extra,
      });
      expect(res.status).toBe(422);
      expect((await json(res)).errors[0].field).toBe('beneficiaryCaseId');
    }
    expect(await h.db.resource.count({ where: { name: '定向募捐：无受益人' } })).toBe(0);
    const group = await campaign({ ...directed, beneficiaryCategory: 'EDUCATION', beneficiaryTownshipId: township });
    const cleared = await manager.request('PUT', `/api/resources/${group}`, { beneficiaryTownshipId: null });
    expect(cleared.status).toBe(422);
    expect((await json(cleared)).errors[0].field).toBe('beneficiaryCaseId');
    const publicOne = await manager.request('PUT', `/api/resources/${group}`, { campaignType: 'PUBLIC' });
    expect(publicOne.status).toBe(422);
    expect((await json(publicOne)).errors[0].field).toBe('beneficiaryCategory');
    expect(await h.db.resource.findUniqueOrThrow({ where: { id: group } })).toMatchObject({
      campaignType: 'DIRECTED',
      beneficiaryTownshipId: township,
    });
    expect(await publicFigures(group)).toMatchObject({
      type: 'DIRECTED',
      beneficiary: { category: 'EDUCATION', township: '锦官驿街道' },
    });
  });

  it('a campaign directed to a case: its receipt shows the category and township, never the person', async () => {
    const c = await fixture.caseFor('欧阳春花', '510104017003', `${lastMonth()}-03T02:00:00Z`);
    const id = await campaign({
      campaignType: 'DIRECTED',
      name: '定向募捐：助学',
      beneficiaryCaseId: c.caseId,
      beneficiaryCategory: 'EDUCATION',
    });
    const gift = await donated(id, 500);
    const res = await partner.request('GET', `/api/donations/${gift.id}`);
    expect(res.status).toBe(200);
    const receipt = await json(res);
    expect(receipt).toMatchObject({
      receiptNo: gift.receiptNo,
      donorName: '爱心人士',
      amount: '500.00',
      kind: 'DONATION',
      campaign: { id, name: '定向募捐：助学', type: 'DIRECTED', provider: '成都市慈善总会' },
      beneficiary: { category: 'EDUCATION', township: '锦官驿街道' },
      recordedBy: '慈善会 吴军',
      corrections: [],
      remaining: '500.00',
    });
    // A reason is published with the month's disclosure: naming the beneficiary is refused, and nothing is written.
    for (const reason of [`退给${c.name}家属`, `联系电话${c.phone}`]) {
      const named = await manager.request('POST', `/api/donations/${gift.id}/reversals`, { reason });
      expect(named.status).toBe(422);
      expect((await json(named)).errors[0].field).toBe('reason');
    }
    expect(await h.db.donation.count({ where: { reversesId: gift.id } })).toBe(0);
    const text = JSON.stringify(receipt) + JSON.stringify(await json(await h.app.request('/api/public/campaigns')));
    for (const secret of [c.name, '欧*花', c.idNumber, c.phone, c.caseId, c.personId, '测试路'])
      expect(text).not.toContain(secret);
  });
});
