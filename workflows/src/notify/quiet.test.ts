import { describe, expect, it } from 'vitest';
import { DEFAULT_QUIET_HOURS, sendableAt } from './quiet.ts';

/** Beijing wall-clock time as an instant (UTC+8). */
const beijing = (iso: string) => Date.parse(`${iso}+08:00`);

describe('quiet hours 22:00–07:00 (Beijing time)', () => {
  it('a message in the evening part waits until 07:00 the next morning', () => {
    expect(sendableAt(beijing('2026-12-01T22:00:00'), DEFAULT_QUIET_HOURS, false)).toBe(beijing('2026-12-02T07:00:00'));
    expect(sendableAt(beijing('2026-12-01T23:59:00'), DEFAULT_QUIET_HOURS, false)).toBe(beijing('2026-12-02T07:00:00'));
  });

  it('a message after midnight waits until 07:00 the same morning', () => {
    expect(sendableAt(beijing('2026-12-02T00:30:00'), DEFAULT_QUIET_HOURS, false)).toBe(beijing('2026-12-02T07:00:00'));
    expect(sendableAt(beijing('2026-12-02T06:59:00'), DEFAULT_QUIET_HOURS, false)).toBe(beijing('2026-12-02T07:00:00'));
  });

  it('outside the window, or urgent, or with quiet hours off, a message goes at once', () => {
    for (const at of ['2026-12-02T07:00:00', '2026-12-02T12:00:00', '2026-12-01T21:59:00']) {
      expect(sendableAt(beijing(at), DEFAULT_QUIET_HOURS, false)).toBe(beijing(at));
    }
    const night = beijing('2026-12-01T23:00:00');
    expect(sendableAt(night, DEFAULT_QUIET_HOURS, true)).toBe(night);
    expect(sendableAt(night, { ...DEFAULT_QUIET_HOURS, enabled: false }, false)).toBe(night);
  });

  it('a window within one day (12:00–14:00 lunch) ends the same day', () => {
    const lunch = { enabled: true, start: 12 * 60, end: 14 * 60 };
    expect(sendableAt(beijing('2026-12-02T12:30:00'), lunch, false)).toBe(beijing('2026-12-02T14:00:00'));
    expect(sendableAt(beijing('2026-12-02T14:00:00'), lunch, false)).toBe(beijing('2026-12-02T14:00:00'));
  });
});
