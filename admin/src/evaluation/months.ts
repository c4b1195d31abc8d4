const BEIJING = 8 * 3_600_000;

/** The month now (YYYY-MM); months are Beijing months, as the API counts them (kpis.ts periodRange). */
export const thisMonth = (now = Date.now()) => new Date(now + BEIJING).toISOString().slice(0, 7);

/** The month `n` months after `month` (before, for a negative n). */
export function addMonths(month: string, n: number): string {
  const [year, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(year, m - 1 + n, 1)).toISOString().slice(0, 7);
}

/** The last month that has ended: what the KPIs and the disclosure default to. */
export const lastMonth = (now = Date.now()) => addMonths(thisMonth(now), -1);

export const isMonth = (value: string) => /^\d{4}-(0[1-9]|1[0-2])$/.test(value);

/** How many months from `from` to `to`, both included (0 when `to` is before `from`). */
export function monthsIn(from: string, to: string): number {
  const index = (month: string) => {
    const [year, m] = month.split('-').map(Number) as [number, number];
    return year * 12 + m;
  };
  return Math.max(0, index(to) - index(from) + 1);
}
