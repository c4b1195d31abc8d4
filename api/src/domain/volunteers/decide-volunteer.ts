import type { Db } from '@guanai/db';
import type { SessionUser } from '../../auth/session.ts';
import { AppError } from '../../errors/app-error.ts';
import type { TVolunteer } from '../../routes/volunteers/volunteers.types.ts';
import { volunteerDto } from './volunteer-dto.ts';
import { findVisibleVolunteer } from './visible-volunteers.ts';

/**
 * Approves (PENDING → ACTIVE, the login activated) or declines (→ DECLINED, with the reason the
 * volunteer is told) a self-registration. It is the team's to decide; a volunteer without a team is
 * decided by the station of a community they serve. One conditional update: a registration decided
 * meanwhile is a 409, never decided twice.
 */
export async function decideVolunteer({
  db,
  user,
  id,
  decision,
}: {
  db: Db;
  user: SessionUser;
  id: string;
  decision: { approve: true } | { approve: false; reason: string };
}): Promise<TVolunteer> {
  const volunteer = await findVisibleVolunteer(db, user, id);
  const mine = volunteer.teamId
    ? user.role === 'PARTNER' && user.partnerId === volunteer.teamId
    : user.role === 'STATION_WORKER' && volunteer.communityIds.includes(user.orgUnit.id);
  if (!mine)
    throw new AppError('FORBIDDEN', {
      message: volunteer.teamId
        ? 'a registration is decided by the volunteer’s team'
        : 'a registration without a team is decided by the station of a community served',
    });
  await db.$transaction(async (tx) => {
    const { count } = await tx.volunteer.updateMany({
      where: { id, status: 'PENDING' },
      data: {
        status: decision.approve ? 'ACTIVE' : 'DECLINED',
        declineReason: decision.approve ? null : decision.reason,
        decidedById: user.id,
        decidedAt: new Date(),
      },
    });
    if (count === 0)
      throw new AppError('CONFLICT', {
        message: `the registration is ${volunteer.status === 'PENDING' ? 'decided already' : volunteer.status}, not PENDING`,
        reason: 'VOLUNTEER_DECIDED',
      });
    if (decision.approve) await tx.user.update({ where: { id: volunteer.userId }, data: { active: true } });
  });
  return volunteerDto(db, id);
}
