import type { Prisma } from '@guanai/db';
import type { TUser } from '../../routes/users/users.types.ts';

export const userInclude = {
  orgUnit: { select: { name: true, level: true } },
  partner: { select: { name: true } },
} satisfies Prisma.UserInclude;

export type UserRow = Prisma.UserGetPayload<{ include: typeof userInclude }>;

/** A staff account as the API shows it: never its password hash. */
export function toUserDto(row: UserRow): TUser {
  return {
    id: row.id,
    username: row.username,
    displayName: row.displayName,
    role: row.role,
    orgUnitId: row.orgUnitId,
    orgUnitName: row.orgUnit.name,
    orgUnitLevel: row.orgUnit.level,
    partnerId: row.partnerId,
    partnerName: row.partner?.name ?? null,
    active: row.active,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
