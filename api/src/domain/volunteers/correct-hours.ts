import { randomUUID } from 'node:crypto';
import type { Db } from '@guanai/db';
import type { SessionUser } from '../../auth/session.ts';
import { AppError } from '../../errors/app-error.ts';
import type { TCorrection, THoursEntry } from '../../routes/volunteers/volunteers.types.ts';
import { beijingDate, dateColumn, dateOf } from '../beijing-date.ts';
import { hoursEntryInclude, ledgerTotal, toHoursEntry } from './hours-ledger.ts';
import { findVisibleVolunteer } from './visible-volunteers.ts';

/**
 * A correction (更正) of a volunteer's hours: a new ledger entry with its reason, never an edit. It
 * carries the service date of the entry it corrects (or the day given, else today in Beijing), so a
 * certificate of that period counts it. Neither the volunteer's total nor the corrected entry (with
 * its earlier corrections) may go below zero: checked under the volunteer's row lock, so two
 * corrections at once cannot both pass.
 */
export async function correctHours({
  db,
  user,
  volunteerId,
  input,
}: {
  db: Db;
  user: SessionUser;
  volunteerId: string;
  input: TCorrection;
}): Promise<THoursEntry> {
  const volunteer = await findVisibleVolunteer(db, user, volunteerId);
  const corrected = input.correctsId
    ? await db.volunteerHours.findFirst({ where: { id: input.correctsId, volunteerId: volunteer.id } })
    : null;
  if (input.correctsId && !corrected)
    throw new AppError('VALIDATION', { message: 'is not an entry of this volunteer’s ledger', field: 'correctsId' });
  if (corrected && input.serviceDate && input.serviceDate !== dateOf(corrected.serviceDate))
    throw new AppError('VALIDATION', {
      message: `a correction of an entry keeps its service date (${dateOf(corrected.serviceDate)})`,
      field: 'serviceDate',
    });
  const today = beijingDate(new Date());
  const serviceDate = corrected ? dateOf(corrected.serviceDate) : (input.serviceDate ?? today);
  if (serviceDate > today)
    throw new AppError('VALIDATION', { message: 'must not be in the future', field: 'serviceDate' });

  return db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM volunteer WHERE id = ${volunteer.id}::uuid FOR UPDATE`;
    const total = await ledgerTotal(tx, volunteer.id);
    if (total + input.minutes < 0)
      throw new AppError('VALIDATION', {
        message: `would take the volunteer’s hours below zero (the total is ${total} minutes)`,
        field: 'minutes',
      });
    if (corrected) {
      const [row] = await tx.$queryRaw<{ left: number }[]>`
        SELECT (${corrected.minutes}::int + coalesce(sum(minutes), 0))::int AS left
        FROM volunteer_hours WHERE corrects_id = ${corrected.id}::uuid`;
      const left = row?.left ?? corrected.minutes;
      if (left + input.minutes < 0)
        throw new AppError('VALIDATION', {
          message: `would take the corrected entry below zero (it stands at ${left} minutes)`,
          field: 'minutes',
        });
    }
    const entry = await tx.volunteerHours.create({
      data: {
        id: randomUUID(),
        volunteerId: volunteer.id,
        kind: 'CORRECTION',
        minutes: input.minutes,
        serviceDate: dateColumn(serviceDate),
        correctsId: corrected?.id ?? null,
        reason: input.reason,
        createdById: user.id,
      },
      include: hoursEntryInclude,
    });
    return toHoursEntry(entry);
  });
}
