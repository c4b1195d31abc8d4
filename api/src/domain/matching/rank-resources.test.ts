import { describe, expect, it } from 'vitest';
import { eligibilityChecks, rankResources, type RankedResource, type Subject } from './rank-resources.ts';

/** A catalogue built for the test: 锦江区 (510104) › 锦官驿街道 (017) › 水井坊社区 (001); another township 018. */
const CITY = { id: 'city', name: '成都市', level: 'CITY', path: '510100000000/' };
const DISTRICT = { id: 'jj', name: '锦江区', level: 'DISTRICT', path: '510100000000/510104000000/' };
const TOWNSHIP = { id: 'jgy', name: '锦官驿街道', level: 'TOWNSHIP', path: '510100000000/510104000000/510104017000/' };
const OTHER_TOWNSHIP = {
  id: 'dh',
  name: '东湖街道',
  level: 'TOWNSHIP',
  path: '510100000000/510104000000/510104018000/',
};
const COMMUNITY = `${TOWNSHIP.path}510104017001/`;

function resource(name: string, over: Partial<RankedResource> = {}): RankedResource {
  return {
    id: name,
    kind: 'CHARITY_PROJECT',
    name,
    providerName: '慈善会',
    status: 'PUBLISHED',
    categories: ['MEDICAL'],
    eligibility: {},
    capacity: null,
    reservedPlaces: 0,
    budget: null,
    reservedAmount: 0,
    validFrom: '2026-01-01',
    validTo: '2026-12-31',
    coverage: CITY,
    ...over,
  };
}

const subject: Subject = {
  hukou: 'CHENGDU',
  age: 72,
  incomePerHead: 900,
  tags: ['SERIOUS_ILLNESS', 'ELDERLY_ALONE'],
  communityPath: COMMUNITY,
  owningPath: TOWNSHIP.path,
};
const need = { index: 0, category: 'MEDICAL', severity: 'HIGH' };
const TODAY = '2026-11-29';
const rank = (resources: RankedResource[], who: Subject = subject) => rankResources([need], resources, who, TODAY)[0]!;
const names = (m: ReturnType<typeof rank>) => m.candidates.map((c) => c.resource.name);
const excludedFor = (m: ReturnType<typeof rank>, name: string) =>
  m.excluded.find((e) => e.resource.name === name)?.reasons.map((r) => r.code);

describe('§四(六) 供需对接: ranking resources for a need', () => {
  it('coverage order: same township first, then district, then city', () => {
    const m = rank([
      resource('全市大病援助', { coverage: CITY }),
      resource('街道医疗基金', { coverage: TOWNSHIP }),
      resource('区慈善医疗', { coverage: DISTRICT }),
    ]);
    expect(names(m)).toEqual(['街道医疗基金', '区慈善医疗', '全市大病援助']);
    expect(m.candidates.map((c) => [c.rank, c.tier])).toEqual([
      [1, 'TOWNSHIP'],
      [2, 'DISTRICT'],
      [3, 'CITY'],
    ]);
    expect(m.candidates[0]!.checks.find((c) => c.code === 'COVERAGE')!.text).toContain('锦官驿街道');
    expect(m.escalationOffered).toBe(false);
  });

  it('excludes a resource of another township, of another category, not published or out of date, saying why', () => {
    const m = rank([
      resource('东湖医疗', { coverage: OTHER_TOWNSHIP }),
      resource('助学', { categories: ['EDUCATION'] }),
      resource('暂停项目', { status: 'PAUSED' }),
      resource('过期项目', { validTo: '2026-06-30' }),
      resource('未开始', { validFrom: '2027-01-01' }),
    ]);
    expect(m.candidates).toEqual([]);
    expect(excludedFor(m, '东湖医疗')).toEqual(['COVERAGE']);
    expect(excludedFor(m, '助学')).toEqual(['CATEGORY']);
    expect(excludedFor(m, '暂停项目')).toEqual(['STATUS']);
    expect(excludedFor(m, '过期项目')).toEqual(['VALIDITY']);
    expect(excludedFor(m, '未开始')).toEqual(['VALIDITY']);
  });

  it('leaves out what neither answers the need nor serves the community', () => {
    const m = rank([resource('东湖助学', { coverage: OTHER_TOWNSHIP, categories: ['EDUCATION'] })]);
    expect(m.excluded).toEqual([]);
  });

  it('eligibility edge cases: age bounds are inclusive, income at the threshold passes, one cent over fails', () => {
    expect(eligibilityChecks({ minAge: 72 }, subject)[0]!.result).toBe('PASS');
    expect(eligibilityChecks({ maxAge: 72 }, subject)[0]!.result).toBe('PASS');
    expect(eligibilityChecks({ minAge: 73 }, subject)[0]!.result).toBe('FAIL');
    expect(eligibilityChecks({ maxIncomePerHead: 900 }, subject)[0]!.result).toBe('PASS');
    expect(eligibilityChecks({ maxIncomePerHead: 899.99 }, subject)[0]).toMatchObject({
      result: 'FAIL',
      code: 'INCOME',
      text: '人均月收入 ¥900 > ¥899.99',
    });
    expect(eligibilityChecks({ hukou: ['CHENGDU'] }, { ...subject, hukou: 'OTHER' })[0]!.result).toBe('FAIL');
    expect(eligibilityChecks({ disability: true }, subject)[0]!.result).toBe('FAIL');
    expect(eligibilityChecks({ disability: true }, { ...subject, tags: ['DISABILITY'] })[0]!.result).toBe('PASS');
    expect(eligibilityChecks({ tagsAny: ['DIBAO', 'TEKUN'] }, subject)[0]!.result).toBe('FAIL');
    expect(eligibilityChecks({ tagsAny: ['DIBAO', 'SERIOUS_ILLNESS'] }, subject)[0]!.params.matched).toBe(
      'SERIOUS_ILLNESS',
    );
    expect(eligibilityChecks({}, subject)).toEqual([]);
  });

  it('an unrecorded age or income is not a refusal: the candidate stays, after those fully known, marked to check', () => {
    const unknown = { ...subject, age: null, incomePerHead: null };
    const m = rank(
      [
        resource('老人医疗', { eligibility: { minAge: 60 }, coverage: TOWNSHIP }),
        resource('无条件医疗', { coverage: TOWNSHIP }),
      ],
      unknown,
    );
    expect(names(m)).toEqual(['无条件医疗', '老人医疗']);
    expect(m.candidates[1]!.checks.find((c) => c.code === 'AGE')).toMatchObject({
      result: 'UNKNOWN',
      text: expect.stringContaining('需核实'),
    });
  });

  it('ineligible people are excluded with every failed rule', () => {
    const m = rank([
      resource('困境儿童医疗', { eligibility: { maxAge: 17, hukou: ['OTHER'], tagsAny: ['UNSUPPORTED_CHILD'] } }),
    ]);
    expect(excludedFor(m, '困境儿童医疗')).toEqual(['HUKOU', 'AGE', 'TAGS']);
  });

  it('capacity: a full resource is excluded; among equals, the one with more left ranks first', () => {
    const m = rank([
      resource('满员', { coverage: TOWNSHIP, capacity: 10, reservedPlaces: 10 }),
      resource('快满', { coverage: TOWNSHIP, capacity: 10, reservedPlaces: 9 }),
      resource('充足', { coverage: TOWNSHIP, capacity: 10, reservedPlaces: 2 }),
      resource('没钱了', { coverage: TOWNSHIP, budget: 5000, reservedAmount: 5000 }),
    ]);
    expect(names(m)).toEqual(['充足', '快满']);
    expect(m.candidates.map((c) => c.remainingPlaces)).toEqual([8, 1]);
    expect(excludedFor(m, '满员')).toEqual(['PLACES']);
    expect(excludedFor(m, '没钱了')).toEqual(['BUDGET']);
    expect(m.excluded.find((e) => e.resource.name === '满员')!.reasons[0]!.text).toBe('名额已满（10/10）');
  });

  it('§四 escalation: no resource at the case’s own tier offers escalation to the next tier', () => {
    expect(rank([resource('全市大病援助', { coverage: CITY })]).escalationOffered).toBe(true);
    expect(rank([]).escalationOffered).toBe(true);
    expect(rank([resource('街道医疗基金', { coverage: TOWNSHIP })]).escalationOffered).toBe(false);
    // A case the city owns has no tier above it.
    expect(rank([], { ...subject, owningPath: CITY.path }).escalationOffered).toBe(false);
    // Owned by the district: its own resources count as its tier.
    expect(
      rank([resource('区慈善医疗', { coverage: DISTRICT })], { ...subject, owningPath: DISTRICT.path })
        .escalationOffered,
    ).toBe(false);
  });
});
