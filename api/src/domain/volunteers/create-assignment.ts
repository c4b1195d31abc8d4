import { randomUUID } from 'node:crypto';
import type { Db } from '@guanai/db';
import { visibleCases, within } from '../../auth/jurisdiction.ts';
import type { SessionUser } from '../../auth/session.ts';
import { AppError } from '../../errors/app-error.ts';
import type { TAssignment, TCreateAssignment } from '../../routes/volunteer-assignments/volunteer-assignments.types.ts';
import { assignmentInclude, toAssignmentDto } from './assignment-dto.ts';
import { addDays, beijingDate, dateColumn } from '../beijing-date.ts';
import { visibleVolunteers } from './visible-volunteers.ts';

/** A visit may be recorded a month after it was due, and planned a year ahead. */
const PAST_DAYS = 30;
const AHEAD_DAYS = 365;

const invalid = (field: string, message: string) => new AppError('VALIDATION', { message, field });

/** The case's center (caseworkers, supervisors of its owning unit or above): a case it sees and owns. */
async function ownedCase(db: Db, user: SessionUser, caseId: string) {
  const row = await db.case.findFirst({
    where: { id: caseId, ...visibleCases(user) },
    select: { id: true, status: true, owningUnit: { select: { path: true } } },
  });
  if (!row) throw invalid('caseId', 'is not a case you can see');
  if (!within(user, row.owningUnit.path))
    throw new AppError('FORBIDDEN', { message: 'volunteers are sent by the center that owns the case' });
  return row;
}

/**
 * Sends a volunteer on a visit or a delivery of a case (§四(三) 志愿服务). The case's center names the
 * case (and a match of it, if the visit delivers one); a volunteer team names a match of its own
 * resource that it accepted, whose case it is — the team learns no more of the case than the match
 * told it. Either way the case is open and the volunteer ACTIVE and one the sender sees.
 */
export async function createAssignment({
  db,
  user,
  input,
}: {
  db: Db;
  user: SessionUser;
  input: TCreateAssignment;
}): Promise<TAssignment> {
  const team = user.role === 'PARTNER';
  if (team && !input.matchId) throw invalid('matchId', 'a team sends volunteers on a match it accepted: name it');
  if (!input.caseId && !input.matchId) throw invalid('caseId', 'name the case (or the match) the volunteer serves');

  const match = input.matchId
    ? await db.match.findUnique({
        where: { id: input.matchId },
        select: { id: true, caseId: true, status: true, resource: { select: { providerId: true } } },
      })
    : null;
  if (input.matchId) {
    if (!match || (team && match.resource.providerId !== user.partnerId))
      throw invalid('matchId', team ? 'is not a match of your organisation’s resources' : 'is not a match');
    if (input.caseId && input.caseId !== match.caseId) throw invalid('matchId', 'is a match of another case');
    if (team && match.status !== 'ACCEPTED')
      throw new AppError('CONFLICT', {
        message: `the match is ${match.status}: a team sends volunteers on a match it accepted`,
        reason: 'MATCH_NOT_ACCEPTED',
      });
  }
  const caseId = input.caseId ?? match!.caseId;
  const kase = team
    ? await db.case.findUniqueOrThrow({ where: { id: caseId }, select: { id: true, status: true } })
    : await ownedCase(db, user, caseId);
  if (kase.status !== 'OPEN') throw new AppError('CONFLICT', { message: 'the case is closed', reason: 'CASE_CLOSED' });

  const volunteer = await db.volunteer.findFirst({
    where: { AND: [{ id: input.volunteerId }, await visibleVolunteers(db, user)] },
    select: { id: true, status: true },
  });
  if (!volunteer)
    throw invalid(
      'volunteerId',
      team ? 'is not a volunteer of your team' : 'is not a volunteer serving your jurisdiction',
    );
  if (volunteer.status !== 'ACTIVE') throw invalid('volunteerId', `is ${volunteer.status}, not an active volunteer`);

  const today = beijingDate(new Date());
  if (input.scheduledOn < addDays(today, -PAST_DAYS))
    throw invalid('scheduledOn', `must be at most ${PAST_DAYS} days ago`);
  if (input.scheduledOn > addDays(today, AHEAD_DAYS))
    throw invalid('scheduledOn', `must be at most ${AHEAD_DAYS} days ahead`);

  const row = await db.volunteerAssignment.create({
    data: {
      id: randomUUID(),
      volunteerId: volunteer.id,
      caseId: kase.id,
      matchId: match?.id ?? null,
      kind: input.kind,
      scheduledOn: dateColumn(input.scheduledOn),
      note: input.note || null,
      assignedById: user.id,
    },
    include: assignmentInclude,
  });
  return toAssignmentDto(row, user);
}
