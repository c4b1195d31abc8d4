/**
 * Minutes as hours with two decimals, "2.50", computed in whole numbers (no float sums): hundredths of
 * an hour rounded half up. A volunteer's total is never below zero; a negative figure (one correction
 * entry) keeps its sign.
 */
export function formatHours(minutes: number): string {
  const sign = minutes < 0 ? '-' : '';
  const hundredths = Math.floor((Math.abs(minutes) * 100 + 30) / 60);
  return `${sign}${Math.floor(hundredths / 100)}.${String(hundredths % 100).padStart(2, '0')}`;
}
