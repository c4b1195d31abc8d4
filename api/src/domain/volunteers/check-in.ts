import { randomUUID } from 'node:crypto';
import { Prisma, type Db } from '@guanai/db';
import type { SessionUser } from '../../auth/session.ts';
import { AppError } from '../../errors/app-error.ts';
import type { TAssignment } from '../../routes/volunteer-assignments/volunteer-assignments.types.ts';
import { toAssignmentDto } from './assignment-dto.ts';
import { addDays, dateOf, startOfBeijingDate } from '../beijing-date.ts';
import { findVisibleAssignment } from './visible-assignments.ts';

/** A phone's clock may run this far ahead of the server's. */
export const CLOCK_SKEW_MS = 5 * 60_000;

/**
 * 签到: the volunteer checks in on their own assignment, now or at `at` (a phone that was offline
 * says when): not in the future, not before the day before the scheduled day. One duty at a time (a
 * partial unique index); checking in again on the same assignment is the same answer.
 */
export async function checkIn({
  db,
  user,
  assignmentId,
  at,
}: {
  db: Db;
  user: SessionUser;
  assignmentId: string;
  at: string | undefined;
}): Promise<TAssignment> {
  const assignment = await findVisibleAssignment(db, user, assignmentId);
  if (assignment.attendance && !assignment.attendance.checkedOutAt) return toAssignmentDto(assignment, user);
  if (assignment.status !== 'ASSIGNED')
    throw new AppError('CONFLICT', { message: `the assignment is ${assignment.status}`, reason: 'ASSIGNMENT_CLOSED' });
  const volunteer = await db.volunteer.findUniqueOrThrow({
    where: { id: assignment.volunteerId },
    select: { status: true },
  });
  if (volunteer.status !== 'ACTIVE')
    throw new AppError('FORBIDDEN', { message: `your registration is ${volunteer.status}, not active` });

  const now = new Date();
  const checkedInAt = at ? new Date(at) : now;
  if (checkedInAt.getTime() > now.getTime() + CLOCK_SKEW_MS)
    throw new AppError('VALIDATION', { message: 'must not be in the future', field: 'at' });
  const earliest = startOfBeijingDate(addDays(dateOf(assignment.scheduledOn), -1));
  if (checkedInAt < earliest)
    throw new AppError('VALIDATION', {
      message: `must not be before the day before the scheduled day (${dateOf(assignment.scheduledOn)})`,
      field: 'at',
    });

  const onDuty = await db.volunteerAttendance.findFirst({
    where: { volunteerId: assignment.volunteerId, checkedOutAt: null },
    select: { assignmentId: true },
  });
  if (onDuty)
    throw new AppError('CONFLICT', {
      message: `you are on duty on another assignment (${onDuty.assignmentId}): check out there first`,
      reason: 'ON_DUTY',
    });
  try {
    await db.$transaction((tx) =>
      tx.volunteerAttendance.create({
        data: { id: randomUUID(), assignmentId: assignment.id, volunteerId: assignment.volunteerId, checkedInAt },
      }),
    );
  } catch (error) {
    // A check-in at the same moment (a double tap, a retry) won: answer as a retry, or as the duty elsewhere.
    if (!(error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002')) throw error;
    const again = await findVisibleAssignment(db, user, assignmentId);
    if (again.attendance && !again.attendance.checkedOutAt) return toAssignmentDto(again, user);
    throw new AppError('CONFLICT', { message: 'you are on duty on another assignment', reason: 'ON_DUTY' });
  }
  return toAssignmentDto(await findVisibleAssignment(db, user, assignmentId), user);
}
