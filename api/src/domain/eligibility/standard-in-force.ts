import type { GovScheme } from '@guanai/workflows/vocabulary';

/** A scheme's standard as the domain reads it: dates YYYY-MM-DD, amounts in yuan as decimal strings. */
export interface EligibilityStandardRow {
  id: string;
  scheme: GovScheme;
  /** null: city-wide. */
  districtId: string | null;
  /** The district's name for the reasons (锦江区); null for the city's. */
  districtName: string | null;
  effectiveFrom: string;
  incomePerPerson: string;
  assetsPerPerson: string | null;
  requireNoAbleWorker: boolean;
  requireNoSupporter: boolean;
  sourceDocument: string;
}

/**
 * The standard of a scheme in force on a date for a district: the district's own (an override wins
 * over the city's) whose effective date is the latest on or before the date, else the city's so
 * chosen; undefined when neither has one yet. A standard is never edited once in force, so a later
 * row supersedes the earlier on its date.
 */
export function standardInForce({
  standards,
  scheme,
  districtId,
  date,
}: {
  standards: readonly EligibilityStandardRow[];
  scheme: GovScheme;
  districtId: string | null;
  date: string;
}): EligibilityStandardRow | undefined {
  const latest = (rows: EligibilityStandardRow[]) =>
    rows.reduce<EligibilityStandardRow | undefined>(
      (best, row) => (!best || row.effectiveFrom > best.effectiveFrom ? row : best),
      undefined,
    );
  const effective = standards.filter((s) => s.scheme === scheme && s.effectiveFrom <= date);
  return (
    (districtId ? latest(effective.filter((s) => s.districtId === districtId)) : undefined) ??
    latest(effective.filter((s) => s.districtId === null))
  );
}
