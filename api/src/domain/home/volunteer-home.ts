import type { Db } from '@guanai/db';
import type { SessionUser } from '../../auth/session.ts';
import { AppError } from '../../errors/app-error.ts';
import type { TVolunteerHome } from '../../routes/home/home.types.ts';
import { formatHours } from '../volunteers/format-hours.ts';
import { ledgerTotal } from '../volunteers/hours-ledger.ts';

/** A volunteer's home (我的任务): the assignments still to do, the duty I am on, and my hours. */
export async function volunteerHome({ db, user }: { db: Db; user: SessionUser }): Promise<TVolunteerHome> {
  const volunteer = await db.volunteer.findUnique({ where: { userId: user.id }, select: { id: true, status: true } });
  if (!volunteer) throw new AppError('NOT_FOUND', { message: 'this login has no volunteer registration' });
  const [assignments, onDuty, totalMinutes] = await Promise.all([
    db.volunteerAssignment.count({ where: { volunteerId: volunteer.id, status: 'ASSIGNED' } }),
    db.volunteerAttendance.findFirst({ where: { volunteerId: volunteer.id, checkedOutAt: null } }),
    ledgerTotal(db, volunteer.id),
  ]);
  return {
    kind: 'volunteer',
    status: volunteer.status,
    assignments: { value: assignments, link: { to: 'volunteer-assignments', filter: { status: 'ASSIGNED' } } },
    onDuty: onDuty ? { assignmentId: onDuty.assignmentId, checkedInAt: onDuty.checkedInAt.toISOString() } : null,
    totalMinutes,
    totalHours: formatHours(totalMinutes),
  };
}
