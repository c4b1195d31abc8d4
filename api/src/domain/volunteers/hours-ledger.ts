import type { Db, Prisma } from '@guanai/db';
import type { THoursEntry, THoursLedger } from '../../routes/volunteers/volunteers.types.ts';
import { dateColumn, dateOf } from '../beijing-date.ts';
import { formatHours } from './format-hours.ts';

type Client = Pick<Db, '$queryRaw'>;

/**
 * The total of a volunteer's ledger, of a period (by service date, both ends included) or of all time:
 * SUM(minutes) in SQL. The ledger, the certificate and every total shown read it through here, so
 * that a certificate's figure is the ledger's.
 */
export async function ledgerTotal(
  db: Client,
  volunteerId: string,
  period: { from?: string | null; to?: string | null } = {},
): Promise<number> {
  const [row] = await db.$queryRaw<{ total: number }[]>`
    SELECT coalesce(sum(minutes), 0)::int AS total FROM volunteer_hours
    WHERE volunteer_id = ${volunteerId}::uuid
      AND (${period.from ?? null}::date IS NULL OR service_date >= ${period.from ?? null}::date)
      AND (${period.to ?? null}::date IS NULL OR service_date <= ${period.to ?? null}::date)`;
  return row?.total ?? 0;
}

/** All-time totals of several volunteers (a list page), by the same SUM. */
export async function ledgerTotals(db: Client, volunteerIds: string[]): Promise<Map<string, number>> {
  if (volunteerIds.length === 0) return new Map();
  const rows = await db.$queryRaw<{ volunteerId: string; total: number }[]>`
    SELECT volunteer_id AS "volunteerId", coalesce(sum(minutes), 0)::int AS total FROM volunteer_hours
    WHERE volunteer_id = ANY(${volunteerIds}::uuid[]) GROUP BY volunteer_id`;
  return new Map(rows.map((row) => [row.volunteerId, row.total]));
}

const entryInclude = { createdBy: { select: { id: true, displayName: true } } } as const;
type EntryRow = Prisma.VolunteerHoursGetPayload<{ include: typeof entryInclude }>;

export const toHoursEntry = (row: EntryRow): THoursEntry => ({
  id: row.id,
  kind: row.kind,
  minutes: row.minutes,
  serviceDate: dateOf(row.serviceDate),
  attendanceId: row.attendanceId,
  correctsId: row.correctsId,
  reason: row.reason,
  createdBy: row.createdBy,
  createdAt: row.createdAt.toISOString(),
});

/** A volunteer's ledger entries of a period (or all), in service-date order, with the period's total. */
export async function readLedger({
  db,
  volunteerId,
  from,
  to,
}: {
  db: Db;
  volunteerId: string;
  from?: string | undefined;
  to?: string | undefined;
}): Promise<THoursLedger> {
  const serviceDate = {
    ...(from ? { gte: dateColumn(from) } : {}),
    ...(to ? { lte: dateColumn(to) } : {}),
  };
  const [rows, totalMinutes] = await Promise.all([
    db.volunteerHours.findMany({
      where: { volunteerId, ...(from || to ? { serviceDate } : {}) },
      include: entryInclude,
      orderBy: [{ serviceDate: 'asc' }, { createdAt: 'asc' }, { id: 'asc' }],
    }),
    ledgerTotal(db, volunteerId, { from: from ?? null, to: to ?? null }),
  ]);
  return {
    volunteerId,
    from: from ?? null,
    to: to ?? null,
    entries: rows.map(toHoursEntry),
    totalMinutes,
    totalHours: formatHours(totalMinutes),
  };
}

export { entryInclude as hoursEntryInclude };
