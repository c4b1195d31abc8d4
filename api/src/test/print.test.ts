import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { json, q, signIn, startHarness, type Harness, type Session } from './harness.ts';
import { ledgerFixture } from './ledger-fixture.ts';

/**
 * Paperwork to print (issue 17 §4): a unit's monthly ledger (月度救助台账) as JSON with exact subtotals and
 * total, and a case's summary (案件摘要 / 申请审批表) — the person masked, never a full identity number,
 * each read audited as an export is. Expectations are worked out from the fixture by hand.
 */
let h: Harness;
const s: Record<string, Session> = {};
const userIds: Record<string, string> = {};
const MONTH = '2026-10';

interface Person {
  caseId: string;
  name: string;
  idNumber: string;
  phone: string;
}
let a: Person; // 锦官驿街道 (caseworker's township): ¥1,234.50 + ¥0.10 + ¥0.20 in October, ¥300 in September, 2.5 hours
let b: Person; // 东湖街道 (caseworker2's): ¥800 in October
let townshipId: string; // 锦官驿街道

const maskedId = (id: string) => `${id.slice(0, 4)}${'*'.repeat(id.length - 8)}${id.slice(-4)}`;

beforeAll(async () => {
  h = await startHarness();
  for (const name of ['caseworker', 'caseworker2', 'district.supervisor', 'partner', 'admin']) {
    s[name] = await signIn(h.app, name);
    userIds[name] = (await h.db.user.findUniqueOrThrow({ where: { username: name } })).id;
  }
  const fx = ledgerFixture(h.db, h.keys);
  const medical = (await h.db.resource.findFirstOrThrow({ where: { name: '大病医疗爱心援助' } })).id;
  const visits = (await h.db.resource.findFirstOrThrow({ where: { name: '独居老人上门探访' } })).id;
  townshipId = (await fx.unit('510104017000')).id;
  a = await fx.caseFor('甲打印', '510104017001', '2026-09-01T02:00:00Z');
  b = await fx.caseFor('乙打印', '510104018001', '2026-09-02T02:00:00Z');
  // 0.1 + 0.2 is 0.30000000000000004 in floats: the ledger's sums are exact decimals.
  await fx.delivered(a.caseId, medical, 'MEDICAL', [
    { kind: 'MONEY', amount: 1234.5, on: `${MONTH}-05` },
    { kind: 'MONEY', amount: 0.1, on: `${MONTH}-06` },
    { kind: 'MONEY', amount: 0.2, on: `${MONTH}-07` },
    { kind: 'MONEY', amount: 300, on: '2026-09-28' },
  ]);
  await fx.delivered(a.caseId, visits, 'CARE', [{ kind: 'SERVICE', hours: 2.5, on: `${MONTH}-12` }]);
  await fx.delivered(b.caseId, medical, 'MEDICAL', [{ kind: 'MONEY', amount: 800, on: `${MONTH}-20` }]);
  const caseworker = userIds.caseworker!;
  const supervisor = userIds['district.supervisor']!;
  const row = await h.db.case.findUniqueOrThrow({ where: { id: a.caseId } });
  // The machine's context, as the projection writes it, with a structured plan (helper B's items).
  await h.db.case.update({
    where: { id: a.caseId },
    data: {
      data: {
        screeningOutcome: 'RESIDUAL_NEED',
        referrals: [{ scheme: 'DIBAO', outcome: 'GRANTED', department: '锦江区民政局', referenceNo: 'JJ-2026-17' }],
        assessments: [
          {
            at: '2026-09-05T02:00:00Z',
            by: caseworker,
            needs: [{ category: 'MEDICAL', severity: 'HIGH', description: '住院费用' }],
          },
        ],
        plan: {
          summary: '医疗救助并申请慈善援助',
          submittedAt: '2026-09-06T02:00:00Z',
          submittedBy: caseworker,
          approvedAt: '2026-09-07T02:00:00Z',
          returns: [{ at: '2026-09-06T05:00:00Z', by: supervisor, reason: '补充费用明细' }],
          items: [
            {
              id: 'i1',
              needCategory: 'MEDICAL',
              goal: '住院费用有着落',
              action: '申请大病医疗爱心援助',
              responsible: { kind: 'PARTNER', id: 'p1', name: '成都市慈善总会' },
              targetDate: '2026-10-31',
            },
          ],
        },
        escalations: [
          {
            fromUnitId: row.originUnitId,
            toUnitId: row.owningUnitId,
            reason: '社区无力解决',
            at: '2026-09-04T02:00:00Z',
            by: caseworker,
            outcome: 'ACCEPTED',
          },
        ],
        closureReason: null,
      },
    },
  });
});
afterAll(async () => h?.stop());

const lastAudit = (action: string, who: string) =>
  h.db.auditEntry.findFirstOrThrow({ where: { action, actorId: userIds[who] }, orderBy: { at: 'desc' } });

describe('GET /api/deliveries (月度救助台账, to print)', () => {
  it('a township’s month: its rows oldest first, masked, exact subtotals per case and total, audited', async () => {
    const filter = { month: MONTH, unitId: townshipId };
    const res = await s.caseworker!.request('GET', `/api/deliveries${q({ filter })}`);
    expect(res.status).toBe(200);
    const ledger = await json(res);
    expect(ledger.unit).toMatchObject({ id: townshipId, code: '510104017000' });
    expect(ledger.month).toBe(MONTH);
    expect(ledger.rows.map((r: { deliveredOn: string; amount: string | null }) => [r.deliveredOn, r.amount])).toEqual([
      [`${MONTH}-05`, '1234.50'],
      [`${MONTH}-06`, '0.10'],
      [`${MONTH}-07`, '0.20'],
      [`${MONTH}-12`, null],
    ]);
    expect(ledger.rows[0]).toMatchObject({
      personName: '甲打印',
      personIdMasked: maskedId(a.idNumber),
      kindLabel: '资金',
    });
    expect(ledger.cases).toEqual([
      expect.objectContaining({ personName: '甲打印', deliveries: 4, amount: '1234.80', hours: '2.5' }),
    ]);
    expect(ledger.total).toEqual({ deliveries: 4, amount: '1234.80', hours: '2.5' });
    const text = JSON.stringify(ledger);
    expect(text).not.toContain(a.idNumber);
    expect(text).not.toContain(a.phone);
    expect((await lastAudit('delivery.print', 'caseworker')).detail).toEqual({ filter, rows: 4 });
  });

  it('the district: both townships’ cases, a subtotal each, the total across them', async () => {
    const ledger = await json(
      await s['district.supervisor']!.request('GET', `/api/deliveries${q({ filter: { month: MONTH } })}`),
    );
    const mine = ledger.cases.filter((c: { personName: string }) => ['甲打印', '乙打印'].includes(c.personName));
    expect(mine.map((c: { personName: string; amount: string }) => [c.personName, c.amount])).toEqual([
      ['甲打印', '1234.80'],
      ['乙打印', '800.00'],
    ]);
  });

  it('a partner: its own resources’ rows, never an identity number nor a case id', async () => {
    const ledger = await json(await s.partner!.request('GET', `/api/deliveries${q({ filter: { month: MONTH } })}`));
    const mine = ledger.rows.filter((r: { personName: string }) => ['甲打印', '乙打印'].includes(r.personName));
    expect(mine.map((r: { amount: string }) => r.amount)).toEqual(['1234.50', '0.10', '0.20', '800.00']);
    expect(
      mine.every((r: { personIdMasked: unknown; caseId: unknown }) => r.personIdMasked === null && r.caseId === null),
    ).toBe(true);
  });

  it('a bad month is a 422 naming filter.month and audits nothing; an admin may not read it (403)', async () => {
    const before = await h.db.auditEntry.count({ where: { action: 'delivery.print' } });
    const res = await s.caseworker!.request('GET', `/api/deliveries${q({ filter: { month: '2026-13' } })}`);
    expect(res.status).toBe(422);
    expect((await json(res)).errors.map((e: { field: string }) => e.field)).toContain('filter.month');
    expect(await h.db.auditEntry.count({ where: { action: 'delivery.print' } })).toBe(before);
    expect((await s.admin!.request('GET', '/api/deliveries')).status).toBe(403);
  });
});

describe('GET /api/cases/:id/paperwork (案件摘要 / 申请审批表)', () => {
  it('the person masked (no full identity number or phone anywhere), context, plan items, deliveries; audited', async () => {
    const res = await s.caseworker!.request('GET', `/api/cases/${a.caseId}/paperwork`);
    expect(res.status).toBe(200);
    const paper = await json(res);
    expect(paper.person).toMatchObject({ name: '甲打印', idNumberMasked: maskedId(a.idNumber) });
    expect(paper.person.phoneMasked).toBe(`${a.phone.slice(0, 3)}****${a.phone.slice(-4)}`);
    const text = JSON.stringify(paper);
    expect(text).not.toContain(a.idNumber);
    expect(text).not.toContain(a.phone);
    expect(paper.screening).toEqual({
      outcome: 'RESIDUAL_NEED',
      referrals: [{ scheme: 'DIBAO', outcome: 'GRANTED', department: '锦江区民政局', referenceNo: 'JJ-2026-17' }],
    });
    expect(paper.assessment.needs).toEqual([{ category: 'MEDICAL', severity: 'HIGH', description: '住院费用' }]);
    expect(paper.plan).toMatchObject({ summary: '医疗救助并申请慈善援助', returns: [{ reason: '补充费用明细' }] });
    expect(paper.plan.items[0]).toMatchObject({ goal: '住院费用有着落', responsible: { name: '成都市慈善总会' } });
    expect(paper.escalations[0]).toMatchObject({ reason: '社区无力解决', outcome: 'ACCEPTED' });
    expect(paper.deliveries.map((d: { deliveredOn: string }) => d.deliveredOn)).toEqual([
      '2026-09-28',
      `${MONTH}-05`,
      `${MONTH}-06`,
      `${MONTH}-07`,
      `${MONTH}-12`,
    ]);
    expect(paper.deliveryTotal).toBe('1534.80');
    expect(paper.closure).toBeNull();
    expect((await lastAudit('case.print', 'caseworker')).target).toBe(`case:${a.caseId}`);
  });

  it('a case outside my jurisdiction is a 404; a partner may not read paperwork (403)', async () => {
    expect((await s.caseworker2!.request('GET', `/api/cases/${a.caseId}/paperwork`)).status).toBe(404);
    expect((await s.partner!.request('GET', `/api/cases/${a.caseId}/paperwork`)).status).toBe(403);
  });
});
