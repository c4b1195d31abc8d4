import type { Db, Prisma } from '@guanai/db';
import type { TVolunteer } from '../../routes/volunteers/volunteers.types.ts';
import { formatHours } from './format-hours.ts';
import { ledgerTotals } from './hours-ledger.ts';

export const volunteerInclude = {
  user: { select: { username: true } },
  team: { select: { id: true, name: true } },
  registeredBy: { select: { id: true, displayName: true } },
  decidedBy: { select: { id: true, displayName: true } },
} as const;

export type VolunteerRow = Prisma.VolunteerGetPayload<{ include: typeof volunteerInclude }>;

/**
 * Volunteers as the API shows them: the phone masked (the volunteer's own page shows it whole), the
 * communities served by name, and each one's total hours (SUM of the ledger). Three queries for a page.
 */
export async function toVolunteerDtos(db: Db, rows: VolunteerRow[]): Promise<TVolunteer[]> {
  const communityIds = [...new Set(rows.flatMap((row) => row.communityIds))];
  const [units, totals] = await Promise.all([
    communityIds.length
      ? db.orgUnit.findMany({ where: { id: { in: communityIds } }, select: { id: true, name: true } })
      : [],
    ledgerTotals(
      db,
      rows.map((row) => row.id),
    ),
  ]);
  const names = new Map(units.map((unit) => [unit.id, unit.name]));
  return rows.map((row) => {
    const totalMinutes = totals.get(row.id) ?? 0;
    return {
      id: row.id,
      userId: row.userId,
      username: row.user.username,
      name: row.name,
      phone: row.phoneMasked,
      skills: row.skills,
      languages: row.languages,
      availability: row.availability,
      teamId: row.teamId,
      team: row.team,
      communityIds: row.communityIds,
      communities: row.communityIds.map((id) => ({ id, name: names.get(id) ?? '' })),
      status: row.status,
      declineReason: row.declineReason,
      selfRegistered: row.registeredById === null,
      registeredBy: row.registeredBy,
      decidedBy: row.decidedBy,
      decidedAt: row.decidedAt?.toISOString() ?? null,
      totalMinutes,
      totalHours: formatHours(totalMinutes),
      createdAt: row.createdAt.toISOString(),
    };
  });
}

/** One volunteer, read again with what its DTO shows. */
export async function volunteerDto(db: Db, id: string): Promise<TVolunteer> {
  const row = await db.volunteer.findUniqueOrThrow({ where: { id }, include: volunteerInclude });
  return (await toVolunteerDtos(db, [row]))[0]!;
}
