/** A 'YYYY-MM-DD' of a request as a date column's value: undefined stays (no change), null clears. */
export const asDate = (value: string | null | undefined) =>
  value === undefined ? undefined : value === null ? null : new Date(`${value}T00:00:00Z`);
