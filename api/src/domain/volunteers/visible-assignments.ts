import type { Db, Prisma } from '@guanai/db';
import { visibleCases } from '../../auth/jurisdiction.ts';
import type { SessionUser } from '../../auth/session.ts';
import { notFound } from '../../errors/app-error.ts';
import { assignmentInclude } from './assignment-dto.ts';

const NOBODY = '00000000-0000-0000-0000-000000000000';

/** A volunteer: their own assignments. A team's partner users: their volunteers'. Staff: of cases they see. */
export const visibleAssignments = (user: SessionUser): Prisma.VolunteerAssignmentWhereInput =>
  user.role === 'VOLUNTEER'
    ? { volunteer: { userId: user.id } }
    : user.role === 'PARTNER'
      ? { volunteer: { teamId: user.partnerId ?? NOBODY } }
      : { case: visibleCases(user) };

/** An assignment the caller may see, with what its DTO shows, or 404. */
export async function findVisibleAssignment(db: Db, user: SessionUser, id: string) {
  const row = await db.volunteerAssignment.findFirst({
    where: { AND: [{ id }, visibleAssignments(user)] },
    include: assignmentInclude,
  });
  if (!row) throw notFound('volunteer assignment');
  return row;
}
