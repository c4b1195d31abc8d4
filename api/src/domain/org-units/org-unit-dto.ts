import type { Prisma } from '@guanai/db';
import type { TOrgUnit } from '../../routes/org-units/org-units.types.ts';

export const orgUnitInclude = {
  parent: { select: { name: true } },
  _count: { select: { children: true, users: true } },
} satisfies Prisma.OrgUnitInclude;

export type OrgUnitRow = Prisma.OrgUnitGetPayload<{ include: typeof orgUnitInclude }>;

export function toOrgUnitDto(row: OrgUnitRow): TOrgUnit {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    level: row.level,
    parentId: row.parentId,
    parentName: row.parent?.name ?? null,
    path: row.path,
    children: row._count.children,
    users: row._count.users,
    createdAt: row.createdAt.toISOString(),
  };
}
