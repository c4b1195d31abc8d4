const BEIJING_MS = 8 * 3_600_000;

/** The end of the Beijing calendar day `at` falls in (China keeps one time zone, UTC+8, no summer time). */
export function endOfBeijingDay(at: Date): Date {
  const local = new Date(at.getTime() + BEIJING_MS);
  return new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate() + 1) - BEIJING_MS);
}

/** The Beijing month `at` falls in, and the one before, as YYYY-MM (the KPIs' periods). */
export function beijingMonths(at: Date): { current: string; previous: string } {
  const local = new Date(at.getTime() + BEIJING_MS);
  const previous = new Date(Date.UTC(local.getUTCFullYear(), local.getUTCMonth() - 1, 1));
  return { current: local.toISOString().slice(0, 7), previous: previous.toISOString().slice(0, 7) };
}
