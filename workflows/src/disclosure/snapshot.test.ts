import { describe, expect, it } from 'vitest';
import { previousPeriod } from './period.ts';
import { discloseMonth, snapshotHash, type LedgerRow } from './snapshot.ts';

const row = (
  personId: string,
  name: string,
  township: string,
  category: string,
  over: Partial<LedgerRow> = {},
): LedgerRow => ({
  recipientName: name,
  personId,
  township,
  category,
  resourceId: 'r1',
  resource: '大病医疗爱心援助',
  kind: 'MONEY',
  amount: 1000,
  hours: null,
  quantity: null,
  deliveredOn: '2026-10-15',
  ...over,
});

describe('§四(七) 过程信息公开: a month’s disclosure', () => {
  it('masks every name (张*明) and shows township, category, resource, amount and month — nothing else', () => {
    const { rows } = discloseMonth(
      '2026-10',
      [
        row('p1', '张三明', '锦官驿街道', 'MEDICAL'),
        row('p2', '李四', '锦官驿街道', 'MEDICAL'),
        row('p3', '欧阳小明', '锦官驿街道', 'MEDICAL'),
      ],
      [],
      3,
    );
    expect(rows.map((r) => r.recipient).sort()).toEqual(['张*明', '李*', '欧**明'].sort());
    expect(Object.keys(rows[0]!).sort()).toEqual([
      'amount',
      'category',
      'hours',
      'kind',
      'month',
      'quantity',
      'recipient',
      'resource',
      'township',
    ]);
  });

  it('suppression at the threshold: a township with exactly the threshold of recipients in a category is shown, one fewer is withheld and counted', () => {
    const atThreshold = [
      row('p1', '张三', '锦官驿街道', 'MEDICAL'),
      row('p2', '李四', '锦官驿街道', 'MEDICAL'),
      row('p3', '王五', '锦官驿街道', 'MEDICAL'),
    ];
    const belowThreshold = [
      row('q1', '赵六', '东湖街道', 'MEDICAL'),
      row('q2', '钱七', '东湖街道', 'MEDICAL', { amount: 300 }),
      row('q2', '钱七', '东湖街道', 'MEDICAL', { amount: 200 }),
    ];
    const disclosed = discloseMonth('2026-10', [...atThreshold, ...belowThreshold], [], 3);
    expect(disclosed.rows.map((r) => r.township)).toEqual(['锦官驿街道', '锦官驿街道', '锦官驿街道']);
    // Three rows withheld (two recipients; one got two deliveries): counted, not shown.
    expect(disclosed.suppressed).toBe(3);
    // The same township in another category is its own group.
    expect(
      discloseMonth('2026-10', [...atThreshold, row('p4', '孙八', '锦官驿街道', 'HOUSING')], [], 3).suppressed,
    ).toBe(1);
    // A threshold of 1 shows everyone.
    expect(discloseMonth('2026-10', belowThreshold, [], 1).suppressed).toBe(0);
  });

  it('a project that helped fewer people than the threshold publishes no count', () => {
    const projects = [
      { resourceId: 'r1', name: 'A', raised: 1000, disbursed: 300, balance: 700, helped: 2 },
      { resourceId: 'r2', name: 'B', raised: 0, disbursed: 0, balance: 0, helped: 3 },
    ];
    expect(discloseMonth('2026-10', [], projects, 3).projects.map((p) => p.helped)).toEqual([null, 3]);
  });

  it('only the month’s deliveries, in a stable order, so the same ledger gives the same hash', () => {
    const ledger = [
      row('p1', '张三', '锦官驿街道', 'MEDICAL'),
      row('p2', '李四', '锦官驿街道', 'MEDICAL', { deliveredOn: '2026-09-30' }),
    ];
    const a = discloseMonth('2026-10', ledger, [], 1);
    const b = discloseMonth('2026-10', [...ledger].reverse(), [], 1);
    expect(a.rows).toHaveLength(1);
    expect(snapshotHash(null, '2026-10', 1, a)).toBe(snapshotHash(null, '2026-10', 1, b));
    expect(snapshotHash('x', '2026-10', 1, a)).not.toBe(snapshotHash(null, '2026-10', 1, a));
  });

  it('§四(三) 募捐: a month’s refunds and reversals are listed as corrections — the key only when there are any, so earlier months hash as before', () => {
    const correction = {
      campaign: '助学圆梦公益募捐',
      receiptNo: 'JZ2026-000007',
      kind: 'REVERSAL' as const,
      amount: '-33.33',
      reason: '重复登记',
      date: '2026-12-03',
    };
    const without = discloseMonth('2026-11', [], [], 3);
    expect(without).not.toHaveProperty('corrections');
    // A correction recorded in December leaves November's content (and hash) exactly as before.
    const november = discloseMonth('2026-11', [], [], 3, [correction]);
    expect(november).not.toHaveProperty('corrections');
    expect(snapshotHash(null, '2026-11', 1, november)).toBe(snapshotHash(null, '2026-11', 1, without));
    const refund = { ...correction, kind: 'REFUND' as const, amount: '-0.10', date: '2026-12-01' };
    const december = discloseMonth('2026-12', [], [], 3, [correction, refund]);
    expect(december.corrections).toEqual(
      [refund, correction].sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))),
    );
    expect(discloseMonth('2026-12', [], [], 3, [refund, correction])).toEqual(december);
    expect(snapshotHash(null, '2026-12', 1, december)).not.toBe(snapshotHash(null, '2026-12', 1, without));
  });

  it('a scheduled run publishes the month before it, in Beijing time', () => {
    expect(previousPeriod(new Date('2026-12-01T02:00:00+08:00'))).toBe('2026-11');
    expect(previousPeriod(new Date('2026-11-30T17:00:00Z'))).toBe('2026-11'); // 01:00 on 1 Dec in Beijing
    expect(previousPeriod(new Date('2027-01-01T02:00:00+08:00'))).toBe('2026-12');
  });
});
