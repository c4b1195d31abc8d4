import type { Db } from '@guanai/db';
import { isOutsider } from '../../auth/jurisdiction.ts';
import type { SessionUser } from '../../auth/session.ts';
import { AppError } from '../../errors/app-error.ts';
import type { TAbsence, TCreateAbsence } from '../../routes/absences/absences.types.ts';
import { absenceInclude, toAbsenceDto } from './absence-dto.ts';
import { absenceSubject } from './absence-subject.ts';

const formatted = (at: Date) => new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' '); // Beijing time

/**
 * Sets an absence (mine, or a team member's for a supervisor) with a delegate of the same unit.
 * The overlap check holds the absent user's row lock, so two requests at once cannot both pass it.
 */
export async function createAbsence({
  db,
  me,
  input,
}: {
  db: Db;
  me: SessionUser;
  input: TCreateAbsence;
}): Promise<TAbsence> {
  const startsAt = new Date(input.startsAt);
  const endsAt = new Date(input.endsAt);
  if (endsAt <= startsAt) throw new AppError('VALIDATION', { message: 'must be after the start', field: 'endsAt' });
  if (endsAt <= new Date()) throw new AppError('VALIDATION', { message: 'is already past', field: 'endsAt' });
  const subject = await absenceSubject(db, me, input.userId);
  if (!subject.active)
    throw new AppError('VALIDATION', { message: `${subject.displayName} is not active`, field: 'userId' });
  if (input.delegateId === subject.id)
    throw new AppError('VALIDATION', { message: 'the delegate must be someone else', field: 'delegateId' });
  const delegate = await db.user.findUnique({ where: { id: input.delegateId } });
  if (!delegate || !delegate.active)
    throw new AppError('VALIDATION', { message: 'no active user with this id', field: 'delegateId' });
  // A volunteer placed at the community (or a partner) is no colleague: they would be told of cases.
  if (isOutsider(delegate))
    throw new AppError('VALIDATION', {
      message: 'the delegate must be a colleague, not a partner or volunteer',
      field: 'delegateId',
    });
  if (delegate.orgUnitId !== subject.orgUnitId)
    throw new AppError('VALIDATION', {
      message: `the delegate must be of ${subject.orgUnit.name}, ${subject.displayName}'s unit`,
      field: 'delegateId',
    });
  return db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM app_user WHERE id = ${subject.id}::uuid FOR UPDATE`;
    const overlap = await tx.absence.findFirst({
      where: { userId: subject.id, startsAt: { lt: endsAt }, endsAt: { gt: startsAt } },
      orderBy: { startsAt: 'asc' },
    });
    if (overlap)
      throw new AppError('VALIDATION', {
        message: `overlaps the absence from ${formatted(overlap.startsAt)} to ${formatted(overlap.endsAt)}`,
        field: 'startsAt',
      });
    const row = await tx.absence.create({
      data: {
        userId: subject.id,
        delegateId: delegate.id,
        startsAt,
        endsAt,
        note: input.note ?? null,
        createdById: me.id,
      },
      include: absenceInclude,
    });
    return toAbsenceDto(row);
  });
}
