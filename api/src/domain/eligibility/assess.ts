import type { EligibilitySuggestion, EligibilityVerdict } from '@guanai/workflows';
import { GOV_SCHEMES, type GovScheme } from '@guanai/workflows/vocabulary';
import { fenOf, formatFen } from './money.ts';
import { standardInForce, type EligibilityStandardRow } from './standard-in-force.ts';

/** The household as screening sees it: its members, its income and assets, its supporter. */
export interface HouseholdFacts {
  /** The members living together (the person alone when no household is registered). */
  members: { birthDate: string | null; canWork: boolean | null }[];
  /** Yuan per month for the whole household, a decimal string; null: not known. */
  monthlyIncome: string | null;
  /** Yuan of financial assets in total; null: not known. */
  assets: string | null;
  /** 特困: a legal supporter able to support them (法定赡养、抚养、扶养义务人); null: not known. */
  hasSupporter: boolean | null;
}

/** The schemes' names as the reasons give them. */
export const SCHEME_NAMES: Record<GovScheme, string> = {
  DIBAO: '低保',
  TEKUN: '特困供养',
  LINSHI: '临时救助',
  YILIAO: '医疗救助',
  JIAOYU: '教育救助',
  ZHUFANG: '住房救助',
  JIUYE: '就业救助',
  SHOUZAI: '受灾人员救助',
};

/** 劳动年龄: from 16 to before 60, the age band in which a member is judged able to work. */
export const WORKING_AGE = { from: 16, below: 60 } as const;

function ageOn(birthDate: string, date: string): number {
  const years = Number(date.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return date.slice(5) < birthDate.slice(5) ? years - 1 : years;
}

/** A member able to work: recorded as such, or of working age with nothing recorded (unknown). */
function ableToWork(member: HouseholdFacts['members'][number], date: string): boolean | null {
  if (member.canWork === false) return false;
  if (member.birthDate) {
    const age = ageOn(member.birthDate, date);
    if (age < WORKING_AGE.from || age >= WORKING_AGE.below) return false;
  }
  return member.canWork;
}

interface Check {
  verdict: EligibilityVerdict;
  reason: string;
}

/**
 * §二 无缝衔接, §四(二): which government schemes the household appears eligible for on `date`
 * (YYYY-MM-DD, Beijing), against the standards in force for its district (an override wins over
 * the city's), and why, with the figures. A suggestion: the worker confirms or overrides it.
 * One per scheme that has a standard in force. Every criterion of the standard is checked; any NO
 * makes the scheme NO, else any missing figure makes it UNKNOWN, else YES.
 *
 * Money is compared in integer fen without dividing: income per head is below the standard
 * exactly when the household income is below the standard times the members. The income per head
 * shown is rounded down to the fen, so that the figure never contradicts the verdict.
 */
export function assessEligibility({
  household,
  districtId,
  date,
  standards,
}: {
  household: HouseholdFacts;
  districtId: string | null;
  date: string;
  standards: readonly EligibilityStandardRow[];
}): EligibilitySuggestion[] {
  const members = Math.max(1, household.members.length);
  return GOV_SCHEMES.flatMap((scheme) => {
    const standard = standardInForce({ standards, scheme, districtId, date });
    if (!standard) return [];
    const checks = checksOf(household, members, date, standard);
    const eligible: EligibilityVerdict = checks.some((c) => c.verdict === 'NO')
      ? 'NO'
      : checks.some((c) => c.verdict === 'UNKNOWN')
        ? 'UNKNOWN'
        : 'YES';
    return [{ scheme, eligible, reasons: checks.map((c) => c.reason), standardId: standard.id }];
  });
}

function checksOf(household: HouseholdFacts, members: number, date: string, standard: EligibilityStandardRow): Check[] {
  const area = standard.districtName ?? '全市';
  const name = SCHEME_NAMES[standard.scheme];
  const source = `（${standard.effectiveFrom} 起，${standard.sourceDocument}）`;
  const checks: Check[] = [];

  const limitFen = fenOf(standard.incomePerPerson);
  const limit = `${area} ${name}标准 ${formatFen(limitFen)}${source}`;
  if (household.monthlyIncome === null) {
    checks.push({ verdict: 'UNKNOWN', reason: `家庭月收入未登记，无法与 ${limit} 比较` });
  } else {
    const incomeFen = fenOf(household.monthlyIncome);
    const perHead = `家庭月人均收入 ${formatFen(Math.floor(incomeFen / members))}（${formatFen(incomeFen)} ÷ ${members} 人）`;
    checks.push(
      incomeFen < limitFen * members
        ? { verdict: 'YES', reason: `${perHead} 低于 ${limit}` }
        : { verdict: 'NO', reason: `${perHead} 不低于 ${limit}` },
    );
  }

  if (standard.assetsPerPerson !== null) {
    const assetLimitFen = fenOf(standard.assetsPerPerson);
    const assetLimit = `${area} ${name}人均财产限额 ${formatFen(assetLimitFen)}`;
    if (household.assets === null) {
      checks.push({ verdict: 'UNKNOWN', reason: `家庭财产未登记，无法与 ${assetLimit} 比较` });
    } else {
      const assetsFen = fenOf(household.assets);
      const perHead = `家庭人均财产 ${formatFen(Math.ceil(assetsFen / members))}（${formatFen(assetsFen)} ÷ ${members} 人）`;
      checks.push(
        assetsFen <= assetLimitFen * members
          ? { verdict: 'YES', reason: `${perHead} 不超过 ${assetLimit}` }
          : { verdict: 'NO', reason: `${perHead} 超过 ${assetLimit}` },
      );
    }
  }

  if (standard.requireNoAbleWorker) {
    const able = household.members.map((m) => ableToWork(m, date));
    const band = `${WORKING_AGE.from}–${WORKING_AGE.below - 1} 岁`;
    const yes = able.filter((a) => a === true).length;
    const unknown = able.filter((a) => a === null).length;
    checks.push(
      yes > 0
        ? { verdict: 'NO', reason: `家庭中有 ${yes} 人在劳动年龄（${band}）内且有劳动能力` }
        : unknown > 0
          ? { verdict: 'UNKNOWN', reason: `${unknown} 名劳动年龄（${band}）内家庭成员的劳动能力未登记` }
          : { verdict: 'YES', reason: `家庭成员均无劳动能力或不在劳动年龄（${band}）内` },
    );
  }

  if (standard.requireNoSupporter) {
    checks.push(
      household.hasSupporter === null
        ? { verdict: 'UNKNOWN', reason: '法定赡养、抚养、扶养义务人情况未登记' }
        : household.hasSupporter
          ? { verdict: 'NO', reason: '有具备履行能力的法定赡养、抚养、扶养义务人' }
          : { verdict: 'YES', reason: '无法定赡养、抚养、扶养义务人，或其无履行义务能力' },
    );
  }
  return checks;
}
