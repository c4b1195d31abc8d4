/** China keeps one time zone (Asia/Shanghai, UTC+8) without summer time: a fixed offset is exact. */
const BEIJING_MS = 8 * 3_600_000;
const DAY_MS = 24 * 3_600_000;

/** The Beijing calendar date an instant falls on, 'YYYY-MM-DD' (a volunteer's service day, a standard in force today). */
export const beijingDate = (at: Date): string => new Date(at.getTime() + BEIJING_MS).toISOString().slice(0, 10);

/** The instant a Beijing calendar date begins. */
export const startOfBeijingDate = (date: string): Date => new Date(Date.parse(`${date}T00:00:00Z`) - BEIJING_MS);

/** A 'YYYY-MM-DD' as a DATE column takes it (midnight UTC), and back. */
export const dateColumn = (date: string): Date => new Date(`${date}T00:00:00Z`);
export const dateOf = (column: Date): string => column.toISOString().slice(0, 10);

/** The Beijing date `days` after (or before) a date. */
export const addDays = (date: string, days: number): string =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
