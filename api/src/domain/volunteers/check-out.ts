import { randomUUID } from 'node:crypto';
import type { Db } from '@guanai/db';
import type { SessionUser } from '../../auth/session.ts';
import { AppError } from '../../errors/app-error.ts';
import type { TAssignment } from '../../routes/volunteer-assignments/volunteer-assignments.types.ts';
import { toAssignmentDto } from './assignment-dto.ts';
import { beijingDate, dateColumn } from '../beijing-date.ts';
import { CLOCK_SKEW_MS } from './check-in.ts';
import { findVisibleAssignment } from './visible-assignments.ts';

const DAY_MS = 24 * 3_600_000;

/**
 * 签退: closes the volunteer's open attendance on the assignment, writes ONE SERVICE entry to the hours
 * ledger — the whole minutes between check-in and check-out, dated on the check-in's Beijing day (a
 * duty from 23:10 to 01:40 is 150 minutes of the first day) — and marks the assignment DONE, together.
 * The check-out is a conditional update (only an open attendance closes), and the entry is unique per
 * attendance, so a retried or doubled check-out writes nothing more and answers the same.
 */
export async function checkOut({
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
  const { attendance } = assignment;
  if (!attendance)
    throw new AppError('CONFLICT', { message: 'check in first: you are not on duty here', reason: 'NOT_CHECKED_IN' });
  if (attendance.checkedOutAt) return toAssignmentDto(assignment, user);

  const now = new Date();
  const checkedOutAt = at ? new Date(at) : now;
  if (checkedOutAt.getTime() > now.getTime() + CLOCK_SKEW_MS)
    throw new AppError('VALIDATION', { message: 'must not be in the future', field: 'at' });
  if (checkedOutAt < attendance.checkedInAt)
    throw new AppError('VALIDATION', {
      message: `must not be before the check-in (${attendance.checkedInAt.toISOString()})`,
      field: 'at',
    });
  if (checkedOutAt.getTime() - attendance.checkedInAt.getTime() > DAY_MS)
    throw new AppError('VALIDATION', {
      message: 'a duty lasts at most 24 hours: ask your team or station to record a correction instead',
      field: 'at',
    });

  await db.$transaction(async (tx) => {
    const { count } = await tx.volunteerAttendance.updateMany({
      where: { id: attendance.id, checkedOutAt: null },
      data: { checkedOutAt },
    });
    if (count === 0) return; // checked out meanwhile: that check-out's entry stands
    await tx.volunteerHours.create({
      data: {
        id: randomUUID(),
        volunteerId: attendance.volunteerId,
        kind: 'SERVICE',
        minutes: Math.floor((checkedOutAt.getTime() - attendance.checkedInAt.getTime()) / 60_000),
        serviceDate: dateColumn(beijingDate(attendance.checkedInAt)),
        attendanceId: attendance.id,
        createdById: user.id,
      },
    });
    await tx.volunteerAssignment.updateMany({
      where: { id: assignment.id, status: 'ASSIGNED' },
      data: { status: 'DONE' },
    });
  });
  return toAssignmentDto(await findVisibleAssignment(db, user, assignmentId), user);
}
