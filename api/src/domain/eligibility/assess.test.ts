import { describe, expect, it } from 'vitest';
import { assessEligibility, type HouseholdFacts } from './assess.ts';
import { fenOf, formatFen } from './money.ts';
import type { EligibilityStandardRow } from './standard-in-force.ts';

const JINJIANG = 'd-jinjiang';
const WUHOU = 'd-wuhou';

const standard = (
  row: Partial<EligibilityStandardRow> & Pick<EligibilityStandardRow, 'id'>,
): EligibilityStandardRow => ({
  scheme: 'DIBAO',
  districtId: null,
  districtName: null,
  effectiveFrom: '2025-07-01',
  incomePerPerson: '1100.00',
  assetsPerPerson: null,
  requireNoAbleWorker: false,
  requireNoSupporter: false,
  sourceDocument: '成民发〔2025〕8号',
  ...row,
});

// The city's 低保 standard ¥1,100 from 2025-07-01, raised to ¥1,150 from 2026-07-01; 锦江区 ¥1,180 from 2026-07-01.
const standards = [
  standard({ id: 'city-2025' }),
  standard({
    id: 'city-2026',
    effectiveFrom: '2026-07-01',
    incomePerPerson: '1150.00',
    sourceDocument: '成民发〔2026〕9号',
  }),
  standard({
    id: 'jinjiang-2026',
    districtId: JINJIANG,
    districtName: '锦江区',
    effectiveFrom: '2026-07-01',
    incomePerPerson: '1180.00',
    sourceDocument: '锦民发〔2026〕12号',
  }),
];

const adult = { birthDate: '1980-05-01', canWork: true };
const household = (monthlyIncome: string | null, size = 3, more: Partial<HouseholdFacts> = {}): HouseholdFacts => ({
  members: Array.from({ length: size }, () => adult),
  monthlyIncome,
  assets: null,
  hasSupporter: null,
  ...more,
});

const dibao = (facts: HouseholdFacts, date: string, districtId: string | null = JINJIANG, rows = standards) =>
  assessEligibility({ household: facts, districtId, date, standards: rows }).find((s) => s.scheme === 'DIBAO');

describe('money in fen', () => {
  it('parses yuan without float error and formats with thousands', () => {
    expect(fenOf('2100')).toBe(210000);
    expect(fenOf('3299.99')).toBe(329999);
    expect(fenOf('0.1')).toBe(10);
    expect(fenOf(0.1 + 0.2)).toBe(30);
    expect(fenOf('-1.5')).toBe(-150);
    expect(formatFen(-150)).toBe('-¥1.50');
    expect(() => fenOf('1,000')).toThrow();
    expect(() => fenOf('1.001')).toThrow();
    expect(formatFen(118000)).toBe('¥1,180.00');
    expect(formatFen(5)).toBe('¥0.05');
    expect(formatFen(123456789)).toBe('¥1,234,567.89');
  });
});

describe('§二 无缝衔接 §四(二) eligibility against the standards in force', () => {
  it('worked example: a household of 3 with ¥2,100/month in 锦江区 on 2026-07-01 is eligible for 低保', () => {
    // ¥2,100 ÷ 3 = ¥700 per head; 锦江区's standard from 2026-07-01 is ¥1,180; 700 < 1,180 → YES.
    expect(dibao(household('2100'), '2026-07-01')).toEqual({
      scheme: 'DIBAO',
      eligible: 'YES',
      reasons: [
        '家庭月人均收入 ¥700.00（¥2,100.00 ÷ 3 人） 低于 锦江区 低保标准 ¥1,180.00（2026-07-01 起，锦民发〔2026〕12号）',
      ],
      standardId: 'jinjiang-2026',
    });
  });

  it('boundary: income per head exactly at the standard is not below it (NO); one fen under is (YES); one fen over is NO', () => {
    // 锦江区 ¥1,180 × 3 = ¥3,540.00: exactly at → not below.
    expect(dibao(household('3540.00'), '2026-07-01')).toMatchObject({ eligible: 'NO' });
    expect(dibao(household('3540.00'), '2026-07-01')!.reasons[0]).toContain(
      '家庭月人均收入 ¥1,180.00（¥3,540.00 ÷ 3 人） 不低于',
    );
    // ¥3,539.99 ÷ 3 = ¥1,179.9966…: below, shown rounded down as ¥1,179.99 (never "¥1,180.00 低于 ¥1,180.00").
    const under = dibao(household('3539.99'), '2026-07-01')!;
    expect(under.eligible).toBe('YES');
    expect(under.reasons[0]).toContain('家庭月人均收入 ¥1,179.99（¥3,539.99 ÷ 3 人） 低于');
    // ¥3,540.01: a fen over the household's limit.
    expect(dibao(household('3540.01'), '2026-07-01')).toMatchObject({ eligible: 'NO' });
    // One person: ¥1,180.00 NO, ¥1,179.99 YES, ¥1,180.01 NO.
    expect(dibao(household('1180.00', 1), '2026-07-01')!.eligible).toBe('NO');
    expect(dibao(household('1179.99', 1), '2026-07-01')!.eligible).toBe('YES');
    expect(dibao(household('1180.01', 1), '2026-07-01')!.eligible).toBe('NO');
  });

  it('a standard that changes on a date: the day before the raise the old one, on the date the new one', () => {
    // 武侯区 has no override: the city's ¥1,100 until 2026-06-30, ¥1,150 from 2026-07-01.
    // A household of 2 with ¥2,250: ¥1,125 per head — above ¥1,100, below ¥1,150.
    const before = dibao(household('2250', 2), '2026-06-30', WUHOU)!;
    expect(before).toMatchObject({ eligible: 'NO', standardId: 'city-2025' });
    expect(before.reasons[0]).toBe(
      '家庭月人均收入 ¥1,125.00（¥2,250.00 ÷ 2 人） 不低于 全市 低保标准 ¥1,100.00（2025-07-01 起，成民发〔2025〕8号）',
    );
    const on = dibao(household('2250', 2), '2026-07-01', WUHOU)!;
    expect(on).toMatchObject({ eligible: 'YES', standardId: 'city-2026' });
    expect(on.reasons[0]).toContain('低于 全市 低保标准 ¥1,150.00（2026-07-01 起，成民发〔2026〕9号）');
  });

  it('district override vs city: 锦江区 ¥1,180 wins over the city ¥1,150 from its date; before it, the city’s applies', () => {
    // ¥1,160 per head: above the city's ¥1,150, below 锦江区's ¥1,180.
    expect(dibao(household('1160', 1), '2026-07-01', JINJIANG)).toMatchObject({
      eligible: 'YES',
      standardId: 'jinjiang-2026',
    });
    expect(dibao(household('1160', 1), '2026-07-01', WUHOU)).toMatchObject({ eligible: 'NO', standardId: 'city-2026' });
    // Before 锦江区's own standard, 锦江区 households are judged on the city's.
    expect(dibao(household('1160', 1), '2026-06-30', JINJIANG)).toMatchObject({ standardId: 'city-2025' });
    // A district's own standard wins even when the city raises its own later.
    const later = [
      ...standards,
      standard({ id: 'city-2027', effectiveFrom: '2027-01-01', incomePerPerson: '1200.00' }),
    ];
    expect(dibao(household('1190', 1), '2027-01-02', JINJIANG, later)).toMatchObject({
      eligible: 'NO',
      standardId: 'jinjiang-2026',
    });
    expect(dibao(household('1190', 1), '2027-01-02', WUHOU, later)).toMatchObject({
      eligible: 'YES',
      standardId: 'city-2027',
    });
  });

  it('no standard in force yet: no suggestion for the scheme', () => {
    expect(dibao(household('100'), '2025-06-30')).toBeUndefined();
  });

  it('missing data: unknown income or assets is UNKNOWN, but a NO on another criterion stays NO', () => {
    const withAssets = [standard({ id: 'a', assetsPerPerson: '26400.00' })];
    expect(dibao(household(null), '2026-01-01', null, withAssets)).toMatchObject({
      eligible: 'UNKNOWN',
      reasons: [
        '家庭月收入未登记，无法与 全市 低保标准 ¥1,100.00（2025-07-01 起，成民发〔2025〕8号） 比较',
        '家庭财产未登记，无法与 全市 低保人均财产限额 ¥26,400.00 比较',
      ],
    });
    expect(dibao(household('9000'), '2026-01-01', null, withAssets)!.eligible).toBe('NO');
    // Assets: at most the limit per head (¥26,400 × 3 = ¥79,200).
    expect(dibao(household('900', 3, { assets: '79200' }), '2026-01-01', null, withAssets)!.eligible).toBe('YES');
    const over = dibao(household('900', 3, { assets: '79200.01' }), '2026-01-01', null, withAssets)!;
    expect(over.eligible).toBe('NO');
    expect(over.reasons[1]).toBe('家庭人均财产 ¥26,400.01（¥79,200.01 ÷ 3 人） 超过 全市 低保人均财产限额 ¥26,400.00');
  });

  it('特困 (三无): no able worker of working age and no able supporter, besides income', () => {
    const tekun = [standard({ id: 't', scheme: 'TEKUN', requireNoAbleWorker: true, requireNoSupporter: true })];
    const assess = (facts: HouseholdFacts) =>
      assessEligibility({ household: facts, districtId: null, date: '2026-03-01', standards: tekun })[0]!;
    // A widow of 78 living alone, ¥600 a month, no supporter.
    const alone = {
      members: [{ birthDate: '1948-01-01', canWork: null }],
      monthlyIncome: '600',
      assets: null,
      hasSupporter: false,
    };
    expect(assess(alone)).toMatchObject({
      scheme: 'TEKUN',
      eligible: 'YES',
      reasons: [
        expect.stringContaining('低于 全市 特困供养标准 ¥1,100.00'),
        '家庭成员均无劳动能力或不在劳动年龄（16–59 岁）内',
        '无法定赡养、抚养、扶养义务人，或其无履行义务能力',
      ],
    });
    // A son of 40 able to work makes it NO; his ability not recorded makes it UNKNOWN; a supporter makes it NO.
    const son = (canWork: boolean | null) => ({
      ...alone,
      members: [...alone.members, { birthDate: '1986-02-28', canWork }],
    });
    expect(assess(son(true)).eligible).toBe('NO');
    expect(assess(son(null)).eligible).toBe('UNKNOWN');
    expect(assess(son(false)).eligible).toBe('YES');
    expect(assess({ ...alone, hasSupporter: true }).eligible).toBe('NO');
    expect(assess({ ...alone, hasSupporter: null }).eligible).toBe('UNKNOWN');
    // Working age by the day: 16 on the date counts, 15 the day before does not.
    const teen = (birthDate: string) => ({ ...alone, members: [{ birthDate, canWork: null }] });
    expect(assess(teen('2010-03-02')).eligible).toBe('YES');
    expect(assess(teen('2010-03-01')).eligible).toBe('UNKNOWN');
  });
});
