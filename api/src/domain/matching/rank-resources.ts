/**
 * 供需对接 (§四(六)): ranks the catalogue's resources for each need of a case, and says why each
 * candidate ranks where it does and why each excluded one was excluded. Pure: the API loads the
 * case, the person and the resources, this decides.
 */

import type { Hukou } from '@guanai/workflows/vocabulary';

/** The tiers a resource covers, nearest first: the order candidates rank in. */
export const TIERS = ['TOWNSHIP', 'DISTRICT', 'CITY'] as const;
export type Tier = (typeof TIERS)[number];
export const CHECK_RESULTS = ['PASS', 'FAIL', 'UNKNOWN'] as const;
export type CheckResult = (typeof CHECK_RESULTS)[number];
/** The rules a resource is checked against, in the order a caseworker reads them. */
export const CHECK_CODES = [
  'STATUS',
  'VALIDITY',
  'CATEGORY',
  'COVERAGE',
  'HUKOU',
  'AGE',
  'INCOME',
  'DISABILITY',
  'TAGS',
  'PLACES',
  'BUDGET',
] as const;

/** One reason, as a code with its figures (for the admin to word in either language) and in Chinese. */
export interface Check {
  code: (typeof CHECK_CODES)[number];
  result: CheckResult;
  params: Record<string, string | number | null>;
  text: string;
}

/** Eligibility rules of a resource, as data. */
export interface Eligibility {
  hukou?: Hukou[];
  minAge?: number;
  maxAge?: number;
  /** Yuan per person per month. */
  maxIncomePerHead?: number;
  disability?: boolean;
  tagsAny?: string[];
}

export interface RankedResource {
  id: string;
  kind: string;
  name: string;
  providerName: string;
  status: string;
  categories: string[];
  eligibility: Eligibility;
  capacity: number | null;
  reservedPlaces: number;
  budget: number | null;
  reservedAmount: number;
  validFrom: string | null;
  validTo: string | null;
  coverage: { id: string; name: string; level: string; path: string };
}

export interface Subject {
  hukou: Hukou;
  /** Whole years, or null when the birth date is not recorded. */
  age: number | null;
  /** Household income per head, yuan per month, or null when unknown. */
  incomePerHead: number | null;
  tags: string[];
  /** Materialised path of the community the person lives in. */
  communityPath: string;
  /** Materialised path of the unit that owns the case (its tier). */
  owningPath: string;
}

export interface NeedToMatch {
  index: number;
  category: string;
  severity: string;
  description?: string;
}

export interface Candidate {
  resource: RankedResource;
  rank: number;
  tier: Tier;
  remainingPlaces: number | null;
  remainingAmount: number | null;
  /** Every rule checked, passed or unknown; unknowns are for the caseworker to verify. */
  checks: Check[];
}

export interface Excluded {
  resource: RankedResource;
  /** The rules it failed. */
  reasons: Check[];
}

export interface NeedMatching {
  need: NeedToMatch;
  candidates: Candidate[];
  excluded: Excluded[];
  /** No candidate at the case's own tier: the machine offers escalation to the next tier. */
  escalationOffered: boolean;
}

const tierOf = (level: string): Tier => (level === 'CITY' ? 'CITY' : level === 'DISTRICT' ? 'DISTRICT' : 'TOWNSHIP');
const TIER_ZH: Record<Tier, string> = { TOWNSHIP: '本乡镇(街道)', DISTRICT: '本区(市)县', CITY: '全市' };
const yuan = (n: number) => `¥${n.toLocaleString('en-US', { maximumFractionDigits: 2 })}`;

function check(code: Check['code'], result: CheckResult, text: string, params: Check['params'] = {}): Check {
  return { code, result, params, text };
}

/** The eligibility rules of a resource against the person: one check per rule the resource has. */
export function eligibilityChecks(rules: Eligibility, subject: Subject): Check[] {
  const checks: Check[] = [];
  if (rules.hukou?.length) {
    const ok = rules.hukou.includes(subject.hukou);
    checks.push(
      check(
        'HUKOU',
        ok ? 'PASS' : 'FAIL',
        ok ? '户籍符合' : `户籍不符：要求${rules.hukou.map((h) => (h === 'CHENGDU' ? '成都' : '外地')).join('或')}户籍`,
        { required: rules.hukou.join(','), actual: subject.hukou },
      ),
    );
  }
  if (rules.minAge !== undefined || rules.maxAge !== undefined) {
    const range = `${rules.minAge ?? 0}–${rules.maxAge ?? '∞'}`;
    if (subject.age === null)
      checks.push(
        check('AGE', 'UNKNOWN', `年龄未登记，需核实（要求 ${range} 岁）`, {
          min: rules.minAge ?? null,
          max: rules.maxAge ?? null,
          actual: null,
        }),
      );
    else {
      const ok =
        (rules.minAge === undefined || subject.age >= rules.minAge) &&
        (rules.maxAge === undefined || subject.age <= rules.maxAge);
      checks.push(
        check('AGE', ok ? 'PASS' : 'FAIL', `${subject.age} 岁${ok ? '，在' : '，不在'} ${range} 岁范围内`, {
          min: rules.minAge ?? null,
          max: rules.maxAge ?? null,
          actual: subject.age,
        }),
      );
    }
  }
  if (rules.maxIncomePerHead !== undefined) {
    if (subject.incomePerHead === null)
      checks.push(
        check('INCOME', 'UNKNOWN', `家庭收入未登记，需核实（人均不高于 ${yuan(rules.maxIncomePerHead)}/月）`, {
          max: rules.maxIncomePerHead,
          actual: null,
        }),
      );
    else {
      const ok = subject.incomePerHead <= rules.maxIncomePerHead;
      checks.push(
        check(
          'INCOME',
          ok ? 'PASS' : 'FAIL',
          `人均月收入 ${yuan(subject.incomePerHead)}${ok ? ' ≤ ' : ' > '}${yuan(rules.maxIncomePerHead)}`,
          { max: rules.maxIncomePerHead, actual: subject.incomePerHead },
        ),
      );
    }
  }
  if (rules.disability) {
    const ok = subject.tags.includes('DISABILITY');
    checks.push(check('DISABILITY', ok ? 'PASS' : 'FAIL', ok ? '持残疾标签' : '仅面向残疾人', {}));
  }
  if (rules.tagsAny?.length) {
    const hits = rules.tagsAny.filter((t) => subject.tags.includes(t));
    checks.push(
      check(
        'TAGS',
        hits.length ? 'PASS' : 'FAIL',
        hits.length ? `符合对象类别：${hits.join('、')}` : `要求对象类别之一：${rules.tagsAny.join('、')}`,
        { required: rules.tagsAny.join(','), matched: hits.join(',') },
      ),
    );
  }
  return checks;
}

/** Every check of one resource for one need, in the order a caseworker reads them. */
function checksFor(resource: RankedResource, need: NeedToMatch, subject: Subject, today: string): Check[] {
  const checks: Check[] = [];
  checks.push(
    resource.status === 'PUBLISHED'
      ? check('STATUS', 'PASS', '已发布', { status: resource.status })
      : check('STATUS', 'FAIL', `项目状态为 ${resource.status}，暂不可对接`, { status: resource.status }),
  );
  const inDates =
    (!resource.validFrom || resource.validFrom <= today) && (!resource.validTo || today <= resource.validTo);
  checks.push(
    check(
      'VALIDITY',
      inDates ? 'PASS' : 'FAIL',
      inDates ? '在有效期内' : `不在有效期内（${resource.validFrom ?? '…'} 至 ${resource.validTo ?? '…'}）`,
      { from: resource.validFrom, to: resource.validTo },
    ),
  );
  const fits = resource.categories.includes(need.category);
  checks.push(
    check(
      'CATEGORY',
      fits ? 'PASS' : 'FAIL',
      fits
        ? `可解决 ${need.category} 类需求`
        : `不解决 ${need.category} 类需求（解决 ${resource.categories.join('、')}）`,
      { need: need.category, answers: resource.categories.join(',') },
    ),
  );
  const covers = subject.communityPath.startsWith(resource.coverage.path);
  const tier = tierOf(resource.coverage.level);
  checks.push(
    check(
      'COVERAGE',
      covers ? 'PASS' : 'FAIL',
      covers ? `覆盖${TIER_ZH[tier]}（${resource.coverage.name}）` : `服务范围 ${resource.coverage.name} 不含该社区`,
      { unit: resource.coverage.name, tier },
    ),
  );
  checks.push(...eligibilityChecks(resource.eligibility, subject));
  if (resource.capacity !== null) {
    const left = resource.capacity - resource.reservedPlaces;
    checks.push(
      check(
        'PLACES',
        left > 0 ? 'PASS' : 'FAIL',
        left > 0 ? `剩余名额 ${left}/${resource.capacity}` : `名额已满（${resource.capacity}/${resource.capacity}）`,
        { left, capacity: resource.capacity },
      ),
    );
  }
  if (resource.budget !== null) {
    const left = resource.budget - resource.reservedAmount;
    checks.push(
      check('BUDGET', left > 0 ? 'PASS' : 'FAIL', left > 0 ? `剩余资金 ${yuan(left)}` : '资金已用完', {
        left,
        budget: resource.budget,
      }),
    );
  }
  return checks;
}

/**
 * Ranks the resources for each need: only published, valid resources that answer the need's
 * category, cover the person's community, accept the person and have places or money left are
 * candidates. They rank by coverage (same township first, then district, then city), then with
 * every rule known before those needing a check, then by the share of capacity or budget left.
 */
export function rankResources(
  needs: NeedToMatch[],
  resources: RankedResource[],
  subject: Subject,
  today: string,
): NeedMatching[] {
  return needs.map((need) => {
    const candidates: Omit<Candidate, 'rank'>[] = [];
    const excluded: Excluded[] = [];
    for (const resource of resources) {
      const checks = checksFor(resource, need, subject, today);
      const failed = checks.filter((c) => c.result === 'FAIL');
      // A resource that neither answers the need nor serves the community is not worth a line.
      if (failed.some((c) => c.code === 'CATEGORY') && failed.some((c) => c.code === 'COVERAGE')) continue;
      if (failed.length > 0) {
        excluded.push({ resource, reasons: failed });
        continue;
      }
      candidates.push({
        resource,
        tier: tierOf(resource.coverage.level),
        remainingPlaces: resource.capacity === null ? null : resource.capacity - resource.reservedPlaces,
        remainingAmount: resource.budget === null ? null : resource.budget - resource.reservedAmount,
        checks,
      });
    }
    const share = (c: Omit<Candidate, 'rank'>) =>
      Math.min(
        c.resource.capacity ? (c.remainingPlaces ?? 0) / c.resource.capacity : 1,
        c.resource.budget ? (c.remainingAmount ?? 0) / c.resource.budget : 1,
      );
    const unknowns = (c: Omit<Candidate, 'rank'>) => c.checks.filter((k) => k.result === 'UNKNOWN').length;
    candidates.sort(
      (a, b) =>
        TIERS.indexOf(a.tier) - TIERS.indexOf(b.tier) ||
        unknowns(a) - unknowns(b) ||
        share(b) - share(a) ||
        a.resource.name.localeCompare(b.resource.name),
    );
    // The nearest misses first: fewest failed rules.
    excluded.sort((a, b) => a.reasons.length - b.reasons.length || (a.resource.id < b.resource.id ? -1 : 1));
    const atOwnTier = candidates.some((c) => c.resource.coverage.path.startsWith(subject.owningPath));
    return {
      need,
      candidates: candidates.map((c, i) => ({ ...c, rank: i + 1 })),
      excluded,
      escalationOffered: !atOwnTier && subject.owningPath.split('/').filter(Boolean).length > 1,
    };
  });
}
