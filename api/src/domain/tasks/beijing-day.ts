const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** China keeps one time zone (Asia/Shanghai, UTC+8) with no daylight saving, so a fixed offset is exact. */
const BEIJING_OFFSET = 8 * HOUR;

/** The end of the Beijing calendar day that `now` falls in (the next Beijing midnight), as an instant. */
export function endOfBeijingDay(now: Date): Date {
  const beijing = now.getTime() + BEIJING_OFFSET;
  return new Date(beijing - (((beijing % DAY) + DAY) % DAY) + DAY - BEIJING_OFFSET);
}
