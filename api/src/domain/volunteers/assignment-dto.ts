import { maskName, type Prisma } from '@guanai/db';
import { isOutsider } from '../../auth/jurisdiction.ts';
import type { SessionUser } from '../../auth/session.ts';
import type { TAssignment } from '../../routes/volunteer-assignments/volunteer-assignments.types.ts';
import { dateOf } from '../beijing-date.ts';

/**
 * What an assignment's DTO reads: of the case only its number, the person's name and address and
 * their community. Nothing else of the case (identity number, phone, situation, needs, history) is
 * even read.
 */
export const assignmentInclude = {
  volunteer: { select: { id: true, name: true } },
  case: {
    select: {
      caseNo: true,
      person: { select: { name: true, address: true, community: { select: { name: true } } } },
    },
  },
  attendance: { include: { hours: { select: { minutes: true, serviceDate: true } } } },
  assignedBy: { select: { id: true, displayName: true } },
} as const;

export type AssignmentRow = Prisma.VolunteerAssignmentGetPayload<{ include: typeof assignmentInclude }>;

/**
 * An assignment as its reader may see it. A volunteer or a partner sees only what the visit needs:
 * the case number, the person's name masked (黄*英), their community and address. Staff also see the
 * ids of the case and match, and the name in full.
 */
export function toAssignmentDto(row: AssignmentRow, user: SessionUser): TAssignment {
  const outsider = isOutsider(user);
  const { attendance } = row;
  return {
    id: row.id,
    kind: row.kind,
    status: row.status,
    scheduledOn: dateOf(row.scheduledOn),
    note: row.note,
    volunteer: row.volunteer,
    case: {
      number: row.case.caseNo,
      person: outsider ? maskName(row.case.person.name) : row.case.person.name,
      community: row.case.person.community.name,
      address: row.case.person.address,
    },
    ...(outsider ? {} : { caseId: row.caseId, matchId: row.matchId }),
    checkedInAt: attendance && !attendance.checkedOutAt ? attendance.checkedInAt.toISOString() : null,
    attendance: attendance
      ? [
          {
            id: attendance.id,
            checkedInAt: attendance.checkedInAt.toISOString(),
            checkedOutAt: attendance.checkedOutAt?.toISOString() ?? null,
            minutes: attendance.hours?.minutes ?? null,
            serviceDate: attendance.hours ? dateOf(attendance.hours.serviceDate) : null,
          },
        ]
      : [],
    cancelReason: row.cancelReason,
    assignedBy: row.assignedBy,
    createdAt: row.createdAt.toISOString(),
  };
}
