import type { Db } from '@guanai/db';
import { within } from '../../auth/jurisdiction.ts';
import type { SessionUser } from '../../auth/session.ts';
import { AppError } from '../../errors/app-error.ts';
import type { TAssignment } from '../../routes/volunteer-assignments/volunteer-assignments.types.ts';
import { toAssignmentDto } from './assignment-dto.ts';
import { findVisibleAssignment } from './visible-assignments.ts';

/**
 * Cancels an assignment not yet begun, by the side that made it: a team's for one the team made, the
 * case's center's (caseworkers and supervisors of its owning unit or above) for one a center made.
 * Cancelling again is the same answer; a volunteer on duty there checks out first.
 */
export async function cancelAssignment({
  db,
  user,
  assignmentId,
  reason,
}: {
  db: Db;
  user: SessionUser;
  assignmentId: string;
  reason: string;
}): Promise<TAssignment> {
  const assignment = await findVisibleAssignment(db, user, assignmentId);
  const [assigner, kase] = await Promise.all([
    db.user.findUniqueOrThrow({ where: { id: assignment.assignedById }, select: { role: true, partnerId: true } }),
    db.case.findUniqueOrThrow({ where: { id: assignment.caseId }, select: { owningUnit: { select: { path: true } } } }),
  ]);
  const mine =
    assigner.role === 'PARTNER'
      ? user.role === 'PARTNER' && user.partnerId === assigner.partnerId
      : user.role !== 'PARTNER' && within(user, kase.owningUnit.path);
  if (!mine)
    throw new AppError('FORBIDDEN', {
      message:
        assigner.role === 'PARTNER'
          ? 'the team that sent the volunteer cancels this assignment'
          : 'the center that owns the case cancels this assignment',
    });
  if (assignment.status === 'CANCELLED') return toAssignmentDto(assignment, user);
  if (assignment.status === 'DONE')
    throw new AppError('CONFLICT', { message: 'the assignment is done', reason: 'ASSIGNMENT_CLOSED' });
  if (assignment.attendance)
    throw new AppError('CONFLICT', {
      message: 'the volunteer is on duty there: they check out first',
      reason: 'ON_DUTY',
    });
  const { count } = await db.volunteerAssignment.updateMany({
    where: { id: assignment.id, status: 'ASSIGNED', attendance: { is: null } },
    data: { status: 'CANCELLED', cancelReason: reason, cancelledById: user.id },
  });
  if (count === 0)
    throw new AppError('CONFLICT', {
      message: 'the assignment changed meanwhile; look again',
      reason: 'ASSIGNMENT_CHANGED',
    });
  return toAssignmentDto(await findVisibleAssignment(db, user, assignmentId), user);
}
