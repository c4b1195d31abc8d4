/**
 * Working-day arithmetic in China's calendar (Asia/Shanghai, UTC+8, no daylight saving):
 * Monday–Friday are working days except statutory holidays; some weekend days are make-up
 * working days (调休). Pure: the calendar is data passed in.
 */
export interface WorkCalendar {
  /** YYYY-MM-DD days off (法定节假日 and the days joined to them). */
  holidays: readonly string[];
  /** YYYY-MM-DD weekend days that are working days (调休上班). */
  workdays: readonly string[];
}

export const EMPTY_CALENDAR: WorkCalendar = { holidays: [], workdays: [] };

const CST_OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 24 * 3_600_000;

/** The Shanghai calendar date of an instant, as YYYY-MM-DD. */
export function shanghaiDate(ms: number): string {
  return new Date(ms + CST_OFFSET_MS).toISOString().slice(0, 10);
}

export function isWorkingDay(date: string, calendar: WorkCalendar): boolean {
  if (calendar.workdays.includes(date)) return true;
  if (calendar.holidays.includes(date)) return false;
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

/**
 * The instant `days` working days after `startMs`, at the same time of day: each following
 * calendar day that is a working day counts one.
 */
export function addWorkingDays(startMs: number, days: number, calendar: WorkCalendar): number {
  let at = startMs;
  let left = days;
  // A bound that no real duration reaches, so bad data cannot loop forever.
  for (let guard = 0; left > 0 && guard < 3660; guard++) {
    at += DAY_MS;
    if (isWorkingDay(shanghaiDate(at), calendar)) left -= 1;
  }
  return at;
}
