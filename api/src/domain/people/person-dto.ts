import type { Prisma } from '@guanai/db';
import type { VulnerabilityTag } from '@guanai/workflows/vocabulary';
import type { TPersonRecord } from '../../routes/people/people.types.ts';

export const personInclude = {
  community: { select: { name: true } },
  _count: { select: { cases: { where: { status: { not: 'CLOSED' } } } } },
} satisfies Prisma.PersonInclude;

export type PersonRow = Prisma.PersonGetPayload<{ include: typeof personInclude }>;

/** A day as 'YYYY-MM-DD'. */
export const isoDay = (date: Date | null) => date?.toISOString().slice(0, 10) ?? null;

/** A registry record as the API shows it: the identity number only masked. */
export function toPersonDto(row: PersonRow): TPersonRecord {
  return {
    id: row.id,
    name: row.name,
    sex: row.sex,
    birthDate: isoDay(row.birthDate),
    phone: row.phone,
    address: row.address,
    hukou: row.hukou,
    idType: row.idType,
    idNumberMasked: row.idNumberMasked,
    communityId: row.communityId,
    communityName: row.community.name,
    householdId: row.householdId,
    relation: row.relation,
    tags: row.tags as VulnerabilityTag[],
    mergedIntoId: row.mergedIntoId,
    openCases: row._count.cases,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
