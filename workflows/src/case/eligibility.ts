import type { GovScheme } from './types.ts';

/**
 * Screening against the government schemes' standards (§二 无缝衔接, §四(二)): what the API computed
 * from the household and the standards in force, what the worker decided for each scheme, and the
 * referrals as sent. Types only: the machine records them, the API computes and validates them.
 */

/** Appears eligible, appears not, or cannot tell (data missing). */
export type EligibilityVerdict = 'YES' | 'NO' | 'UNKNOWN';

export interface EligibilitySuggestion {
  scheme: GovScheme;
  eligible: EligibilityVerdict;
  /** In Chinese, with the figures: 家庭月人均收入 ¥700.00 低于 锦江区 低保标准 ¥1,180.00（2026-07-01 起，…） */
  reasons: string[];
  /** The standard compared with (救助标准); null when none is in force. */
  standardId: string | null;
}

/** The worker confirms a suggestion or overrides it: refers where it says NO, or not where it says YES, with a reason. */
export interface EligibilityDecision {
  scheme: GovScheme;
  refer: boolean;
  overrideReason?: string;
}

export interface EligibilityRecord {
  suggestions: EligibilitySuggestion[];
  decisions: EligibilityDecision[];
}

/** A referral as sent: the receiving department, the date, and its reference number (转介单号). */
export interface ReferralDetail {
  scheme: GovScheme;
  department: string;
  /** YYYY-MM-DD */
  referredOn: string;
  referenceNo?: string;
}
