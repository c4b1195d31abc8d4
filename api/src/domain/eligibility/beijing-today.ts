/** Today's date in Beijing (UTC+8, no daylight saving), YYYY-MM-DD: the day a standard is in force on. */
export const beijingToday = (now = new Date()) => new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
