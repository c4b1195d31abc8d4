import type { Db, Prisma } from '@guanai/db';
import type { SessionUser } from '../../auth/session.ts';
import { notFound } from '../../errors/app-error.ts';

/** No row has this id: a partner account without a partner sees no volunteer. */
const NOBODY = '00000000-0000-0000-0000-000000000000';

/**
 * Who sees a volunteer (§四(三) 志愿服务): the volunteer themself; their team's partner users; and staff
 * of a unit above a community they serve (a station, the township, district and city centers). The
 * city's units see them all; below it "serves a community of my subtree" is an overlap of the
 * volunteer's communities with the subtree's (a GIN index on community_ids).
 */
export async function visibleVolunteers(db: Db, user: SessionUser): Promise<Prisma.VolunteerWhereInput> {
  switch (user.role) {
    case 'VOLUNTEER':
      return { userId: user.id };
    case 'PARTNER':
      return { teamId: user.partnerId ?? NOBODY };
    case 'DISCOVERER':
      return { id: NOBODY };
    default: {
      if (user.orgUnit.level === 'CITY') return {};
      const communities = await db.orgUnit.findMany({
        where: { path: { startsWith: user.orgUnit.path }, level: 'COMMUNITY' },
        select: { id: true },
      });
      return { communityIds: { hasSome: communities.map((unit) => unit.id) } };
    }
  }
}

/** A volunteer the caller may see, or 404. */
export async function findVisibleVolunteer(db: Db, user: SessionUser, id: string) {
  const row = await db.volunteer.findFirst({ where: { AND: [{ id }, await visibleVolunteers(db, user)] } });
  if (!row) throw notFound('volunteer');
  return row;
}
