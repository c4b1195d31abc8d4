import { describe, expect, it } from 'vitest';
import { addWorkingDays, isWorkingDay, shanghaiDate } from './calendar.ts';
import { dueAt, warnAt } from './policy.ts';

// 2026 National Day: 10-01..10-07 off; Sunday 09-20 and Saturday 10-10 are make-up working days (sample data).
const calendar = {
  holidays: ['2026-10-01', '2026-10-02', '2026-10-03', '2026-10-04', '2026-10-05', '2026-10-06', '2026-10-07'],
  workdays: ['2026-09-20', '2026-10-10'],
};
const at = (iso: string) => Date.parse(iso);

describe('working days (调休 aware)', () => {
  it('reads dates in Shanghai time', () => {
    expect(shanghaiDate(at('2026-09-30T17:00:00Z'))).toBe('2026-10-01');
  });

  it('weekends are off, holidays are off, make-up weekend days are working days', () => {
    expect(isWorkingDay('2026-09-29', calendar)).toBe(true); // Tuesday
    expect(isWorkingDay('2026-09-26', calendar)).toBe(false); // Saturday
    expect(isWorkingDay('2026-10-05', calendar)).toBe(false); // Monday in the holiday
    expect(isWorkingDay('2026-10-10', calendar)).toBe(true); // Saturday, 调休上班
  });

  it('two working days from Wednesday 30 September skip the whole holiday and land on the make-up Saturday and the Monday after', () => {
    const start = at('2026-09-30T02:00:00Z'); // 10:00 in Chengdu
    expect(new Date(addWorkingDays(start, 1, calendar)).toISOString()).toBe('2026-10-08T02:00:00.000Z');
    expect(new Date(addWorkingDays(start, 2, calendar)).toISOString()).toBe('2026-10-09T02:00:00.000Z');
    expect(new Date(addWorkingDays(start, 3, calendar)).toISOString()).toBe('2026-10-10T02:00:00.000Z');
    expect(new Date(addWorkingDays(start, 4, calendar)).toISOString()).toBe('2026-10-12T02:00:00.000Z');
  });

  it('deadlines in hours or working days, emergency durations, and the warning point', () => {
    const start = at('2026-11-02T01:00:00Z');
    expect(dueAt(start, { normal: 72, emergency: 12 }, false) - start).toBe(72 * 3_600_000);
    expect(dueAt(start, { normal: 72, emergency: 12 }, true) - start).toBe(12 * 3_600_000);
    expect(
      new Date(dueAt(start, { normal: 5, emergency: 1, unit: 'WORKING_DAYS' }, false, calendar)).toISOString(),
    ).toBe('2026-11-09T01:00:00.000Z');
    expect(warnAt(start, start + 100_000, { normal: 1, emergency: 1, warnAt: 0.5 }) - start).toBe(50_000);
  });
});
