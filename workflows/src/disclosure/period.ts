/** The month before the given instant, in Beijing time: YYYY-MM (workflow-safe: no Node APIs). */
export function previousPeriod(at: Date): string {
  const beijing = new Date(at.getTime() + 8 * 3_600_000);
  const year = beijing.getUTCFullYear();
  const month = beijing.getUTCMonth(); // 0-based, so it is already the previous month counted from 1
  return month === 0 ? `${year - 1}-12` : `${year}-${String(month).padStart(2, '0')}`;
}
