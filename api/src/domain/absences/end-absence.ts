import type { Db } from '@guanai/db';
import type { SessionUser } from '../../auth/session.ts';
import { AppError, notFound } from '../../errors/app-error.ts';
import type { TAbsence } from '../../routes/absences/absences.types.ts';
import { absenceInclude, toAbsenceDto } from './absence-dto.ts';
import { absenceSubject } from './absence-subject.ts';

/**
 * Ends an absence now (the user is back early: from now on their work comes to them again), or
 * cancels one that has not begun. Its user, or a supervisor over them.
 */
export async function endAbsence({ db, me, id }: { db: Db; me: SessionUser; id: string }): Promise<TAbsence> {
  const row = await db.absence.findUnique({ where: { id }, include: absenceInclude });
  if (!row) throw notFound('absence');
  await absenceSubject(db, me, row.userId, 'id').catch(() => {
    throw notFound('absence'); // someone else's, outside my team: as if it were not there
  });
  const now = new Date();
  if (row.endsAt <= now) throw new AppError('CONFLICT', { message: 'the absence is already over', field: 'id' });
  if (row.startsAt > now) {
    await db.absence.delete({ where: { id } });
    return toAbsenceDto(row, now);
  }
  return toAbsenceDto(await db.absence.update({ where: { id }, data: { endsAt: now }, include: absenceInclude }), now);
}
