import type { Prisma } from '@guanai/db';
import type { TAbsence } from '../../routes/absences/absences.types.ts';

export const absenceInclude = {
  user: { select: { displayName: true, orgUnit: { select: { name: true, path: true } } } },
  delegate: { select: { displayName: true } },
} satisfies Prisma.AbsenceInclude;

export type AbsenceRow = Prisma.AbsenceGetPayload<{ include: typeof absenceInclude }>;

export function toAbsenceDto(row: AbsenceRow, now = new Date()): TAbsence {
  return {
    id: row.id,
    userId: row.userId,
    userName: row.user.displayName,
    unitName: row.user.orgUnit.name,
    delegateId: row.delegateId,
    delegateName: row.delegate.displayName,
    startsAt: row.startsAt.toISOString(),
    endsAt: row.endsAt.toISOString(),
    note: row.note,
    active: row.startsAt <= now && row.endsAt > now,
    createdById: row.createdById,
    createdAt: row.createdAt.toISOString(),
  };
}
