import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../src/testing.ts';
import { calendarDays } from './calendar.ts';
import { defaultSlaPolicy } from './sla-policy.ts';

let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => database?.drop());

describe('reference data shipped by the migrations', () => {
  it('the migrations carry the default SLA policy and the calendar exactly as the seed modules define them', async () => {
    const policy = await database.db.slaPolicy.findMany({ orderBy: { taskKind: 'asc' } });
    expect(
      policy.map(({ taskKind, normal, emergency, unit, warnAt, onBreach }) => ({
        taskKind,
        normal,
        emergency,
        unit,
        warnAt,
        onBreach,
      })),
    ).toEqual([...defaultSlaPolicy].sort((a, b) => a.taskKind.localeCompare(b.taskKind)));
    const days = await database.db.calendarDay.findMany({ orderBy: { date: 'asc' } });
    expect(days.map((d) => [d.date.toISOString().slice(0, 10), d.kind, d.name])).toEqual(
      [...calendarDays].sort((a, b) => a[0].localeCompare(b[0])),
    );
  });
});
