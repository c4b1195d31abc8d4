import type { Db } from '@guanai/db';
import { notFound } from '../../errors/app-error.ts';

/** Removes a calendar day: the date becomes an ordinary weekday or weekend day. */
export async function removeCalendarDay({ db, date }: { db: Db; date: string }): Promise<void> {
  const { count } = await db.calendarDay.deleteMany({ where: { date: new Date(`${date}T00:00:00Z`) } });
  if (count === 0) throw notFound('calendar day');
}
