import type { TranslateFunction } from 'react-admin';
import { yuan } from '../choices.ts';
import type { Eligibility } from '../types.ts';

const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** Eligibility rules in words, one line per rule ("年龄 60–∞ 岁" reads badly, so each bound is worded). */
export function eligibilityLines(rules: Eligibility | null | undefined, translate: TranslateFunction): string[] {
  if (!rules) return [];
  const lines: string[] = [];
  if (rules.hukou?.length)
    lines.push(
      translate('guanai.matching.eligibility.hukou', {
        list: rules.hukou.map((h) => translate(`guanai.hukou.${h}`, { _: h })).join(' / '),
      }),
    );
  if (isNumber(rules.minAge) && isNumber(rules.maxAge))
    lines.push(translate('guanai.matching.eligibility.age', { min: rules.minAge, max: rules.maxAge }));
  else if (isNumber(rules.minAge)) lines.push(translate('guanai.matching.eligibility.minAge', { min: rules.minAge }));
  else if (isNumber(rules.maxAge)) lines.push(translate('guanai.matching.eligibility.maxAge', { max: rules.maxAge }));
  if (isNumber(rules.maxIncomePerHead))
    lines.push(translate('guanai.matching.eligibility.income', { amount: yuan(rules.maxIncomePerHead) }));
  if (rules.disability) lines.push(translate('guanai.matching.eligibility.disability'));
  if (rules.tagsAny?.length)
    lines.push(
      translate('guanai.matching.eligibility.tags', {
        list: rules.tagsAny.map((t) => translate(`guanai.tags.${t}`, { _: t })).join('、'),
      }),
    );
  return lines;
}

/** The rules as the API takes them: no empty lists, no blank bounds, `disability` only when required. */
export function cleanEligibility(rules: Eligibility | null | undefined): Eligibility {
  const out: Eligibility = {};
  if (rules?.hukou?.length) out.hukou = rules.hukou;
  if (isNumber(rules?.minAge)) out.minAge = rules.minAge;
  if (isNumber(rules?.maxAge)) out.maxAge = rules.maxAge;
  if (isNumber(rules?.maxIncomePerHead)) out.maxIncomePerHead = rules.maxIncomePerHead;
  if (rules?.disability === true) out.disability = true;
  if (rules?.tagsAny?.length) out.tagsAny = rules.tagsAny;
  return out;
}
