import type { EligibilityDecision, EligibilityRecord, EligibilitySuggestion } from '@guanai/workflows';
import type { GovScheme } from '@guanai/workflows/vocabulary';
import { AppError, type FieldError } from '../../errors/app-error.ts';

/**
 * §二 无缝衔接: the SCREENED event's eligibility record, from the API's own suggestions (computed at
 * completion, never the client's) and the worker's decisions. Referring where a suggestion says NO,
 * or not referring where it says YES, is an override and needs a reason: a 422 naming
 * form.eligibility.decisions.<i>.overrideReason (or form.eligibility.decisions when the decision is
 * missing). An UNKNOWN suggestion is the worker's call either way. Null when no scheme has a
 * standard in force (nothing was suggested).
 */
export function screeningEligibility({
  suggestions,
  referrals,
  decisions,
}: {
  suggestions: readonly EligibilitySuggestion[];
  referrals: readonly GovScheme[];
  decisions: readonly { scheme: GovScheme; refer: boolean; overrideReason?: string | undefined }[] | undefined;
}): EligibilityRecord | null {
  if (suggestions.length === 0) return null;
  const errors: FieldError[] = [];
  const recorded: EligibilityDecision[] = suggestions.map((suggestion) => {
    const refer = referrals.includes(suggestion.scheme);
    const index = decisions?.findIndex((d) => d.scheme === suggestion.scheme) ?? -1;
    const reason = index >= 0 ? decisions![index]!.overrideReason?.trim() : undefined;
    const overrides = (suggestion.eligible === 'YES' && !refer) || (suggestion.eligible === 'NO' && refer);
    if (overrides && !reason)
      errors.push(
        index >= 0
          ? {
              field: `form.eligibility.decisions.${index}.overrideReason`,
              reason: `${refer ? 'referring' : 'not referring'} ${suggestion.scheme} overrides the suggestion (${suggestion.eligible}): give a reason`,
            }
          : {
              field: 'form.eligibility.decisions',
              reason: `confirm or override the suggestion for ${suggestion.scheme} (${suggestion.eligible}): ${refer ? 'referring' : 'not referring'} it needs a reason`,
            },
      );
    return { scheme: suggestion.scheme, refer, ...(reason ? { overrideReason: reason } : {}) };
  });
  if (errors.length)
    throw new AppError('VALIDATION', { message: errors.map((e) => `${e.field}: ${e.reason}`).join('; '), errors });
  return { suggestions: [...suggestions], decisions: recorded };
}
