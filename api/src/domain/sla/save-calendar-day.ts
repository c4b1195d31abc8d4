import type { Db } from '@guanai/db';
import type { TCalendarDay, TCalendarDayBody } from '../../routes/sla/sla.types.ts';

/** Adds a calendar day (a holiday or a 调休 workday), or changes the one of that date. */
export async function saveCalendarDay({ db, day }: { db: Db; day: TCalendarDayBody }): Promise<TCalendarDay> {
  const { date, kind, name } = day;
  await db.calendarDay.upsert({
    where: { date: new Date(`${date}T00:00:00Z`) },
    update: { kind, name },
    create: { date: new Date(`${date}T00:00:00Z`), kind, name },
  });
  return { id: date, date, kind, name };
}
