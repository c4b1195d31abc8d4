import type { Prisma } from '@guanai/db';
import type { NeedCategory } from '@guanai/workflows/vocabulary';
import type { TProject } from '../../routes/projects/projects.types.ts';

/** What a project is read with: its township (and district), and how many partners responded. */
export const projectInclude = {
  township: { select: { name: true, parent: { select: { name: true } } } },
  _count: { select: { responses: true } },
} satisfies Prisma.ProjectInclude;

export type ProjectRow = Prisma.ProjectGetPayload<{ include: typeof projectInclude }>;

/** A published project carries no person: category, township, amount or service, and the words the center chose. */
export function toProjectDto(row: ProjectRow): TProject {
  return {
    id: row.id,
    title: row.title,
    description: row.description,
    category: row.category as NeedCategory,
    townshipId: row.townshipId,
    townshipName: row.township.name,
    districtName: row.township.parent?.name ?? null,
    amount: row.amount === null ? null : Number(row.amount),
    service: row.service,
    status: row.status,
    closedReason: row.closedReason,
    responses: row._count.responses,
    publishedAt: row.publishedAt.toISOString(),
  };
}
