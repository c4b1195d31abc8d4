/**
 * Quiet hours (免打扰, issue 18): between `start` and `end` (minutes after midnight, Beijing time; the
 * window may cross midnight, 22:00–07:00 by default) a message that is not urgent waits until the window
 * ends. Pure: the time comes in.
 */
export interface QuietHours {
  enabled: boolean;
  /** Minutes after midnight, Asia/Shanghai. */
  start: number;
  end: number;
}

export const DEFAULT_QUIET_HOURS: QuietHours = { enabled: true, start: 22 * 60, end: 7 * 60 };

const CST_OFFSET_MS = 8 * 3_600_000;
const MINUTE_MS = 60_000;
const DAY_MINUTES = 24 * 60;

/** The instant a message may be sent: `nowMs` itself, or the end of the quiet window it falls in. */
export function sendableAt(nowMs: number, quiet: QuietHours, urgent: boolean): number {
  if (urgent || !quiet.enabled || quiet.start === quiet.end) return nowMs;
  const local = nowMs + CST_OFFSET_MS;
  const minuteOfDay = Math.floor(local / MINUTE_MS) % DAY_MINUTES;
  const crossesMidnight = quiet.start > quiet.end;
  const inside = crossesMidnight
    ? minuteOfDay >= quiet.start || minuteOfDay < quiet.end
    : minuteOfDay >= quiet.start && minuteOfDay < quiet.end;
  if (!inside) return nowMs;
  const midnight = local - (local % (DAY_MINUTES * MINUTE_MS));
  // The window's end today, or tomorrow when we are in its evening part.
  const endDay = crossesMidnight && minuteOfDay >= quiet.start ? midnight + DAY_MINUTES * MINUTE_MS : midnight;
  return endDay + quiet.end * MINUTE_MS - CST_OFFSET_MS;
}
