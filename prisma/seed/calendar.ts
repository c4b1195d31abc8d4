import type { CalendarDayKind } from '../generated/client/client.ts';

/**
 * China's holidays and make-up working days (调休), seeded for 2026 and 2027; admins edit them.
 *
 * 2026 follows the State Council General Office's arrangement for 2026 as this project understood
 * it; check it against the published notice. For 2027 only the statutory holidays of
 * 《全国年节及纪念日放假办法》 are seeded (元旦 1, 春节 4, 清明 1, 劳动节 2, 端午 1, 中秋 1, 国庆 3
 * days): the 2027 调休 arrangement must be entered when it is published.
 */
type Day = [date: string, kind: CalendarDayKind, name: string];

const range = (from: string, to: string, name: string): Day[] => {
  const days: Day[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 86_400_000) {
    days.push([new Date(t).toISOString().slice(0, 10), 'HOLIDAY', name]);
  }
  return days;
};
const work = (date: string, name: string): Day => [date, 'WORKDAY', `${name}调休上班`];

export const calendarDays: Day[] = [
  // 2026
  ...range('2026-01-01', '2026-01-03', '元旦'),
  work('2026-01-04', '元旦'),
  work('2026-02-14', '春节'),
  ...range('2026-02-15', '2026-02-23', '春节'),
  work('2026-02-28', '春节'),
  ...range('2026-04-04', '2026-04-06', '清明节'),
  ...range('2026-05-01', '2026-05-05', '劳动节'),
  work('2026-05-09', '劳动节'),
  ...range('2026-06-19', '2026-06-21', '端午节'),
  work('2026-09-20', '国庆节'),
  ...range('2026-09-25', '2026-09-27', '中秋节'),
  ...range('2026-10-01', '2026-10-07', '国庆节'),
  work('2026-10-10', '国庆节'),
  // 2027: statutory days only, until the 调休 arrangement is published.
  ...range('2027-01-01', '2027-01-01', '元旦'),
  ...range('2027-02-05', '2027-02-08', '春节'),
  ...range('2027-04-05', '2027-04-05', '清明节'),
  ...range('2027-05-01', '2027-05-02', '劳动节'),
  ...range('2027-06-09', '2027-06-09', '端午节'),
  ...range('2027-09-15', '2027-09-15', '中秋节'),
  ...range('2027-10-01', '2027-10-03', '国庆节'),
];
