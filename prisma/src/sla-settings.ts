import type { BreachEffect, DurationUnit } from '../generated/client/enums.ts';
import type { Db } from './client.ts';

export interface SlaSettings {
  sla: Record<
    string,
    { normal: number; emergency: number; unit: DurationUnit; warnAt: number; onBreach: BreachEffect }
  >;
  calendar: { holidays: string[]; workdays: string[] };
}

/** The SLA policy and the working-day calendar from today on, as a new case workflow takes them. */
export async function loadSlaSettings(db: Db, from = new Date()): Promise<SlaSettings> {
  const [rules, days] = await Promise.all([
    db.slaPolicy.findMany(),
    db.calendarDay.findMany({
      where: { date: { gte: new Date(from.getTime() - 86_400_000) } },
      orderBy: { date: 'asc' },
    }),
  ]);
  const iso = (date: Date) => date.toISOString().slice(0, 10);
  return {
    sla: Object.fromEntries(
      rules.map((r) => [
        r.taskKind,
        { normal: r.normal, emergency: r.emergency, unit: r.unit, warnAt: r.warnAt, onBreach: r.onBreach },
      ]),
    ),
    calendar: {
      holidays: days.filter((d) => d.kind === 'HOLIDAY').map((d) => iso(d.date)),
      workdays: days.filter((d) => d.kind === 'WORKDAY').map((d) => iso(d.date)),
    },
  };
}
