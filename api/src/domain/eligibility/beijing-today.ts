import { beijingDate } from '../beijing-date.ts';

/** Today's date in Beijing (UTC+8, no daylight saving), YYYY-MM-DD: the day a standard is in force on. */
export const beijingToday = (now = new Date()) => beijingDate(now);
