import type { Prisma } from '@guanai/db';
import type { ClosureReason } from '@guanai/workflows/vocabulary';
import type { TCaseFlag } from '../../routes/cases/case-actions.types.ts';
import type { TCase, TReferral } from '../../routes/cases/cases.types.ts';

/** What a case row brings along for its DTO: the person's name and masked number, its units' names. */
export const caseInclude = {
  person: { select: { name: true, idNumberMasked: true } },
  owningUnit: { select: { name: true } },
  originUnit: { select: { name: true } },
} satisfies Prisma.CaseInclude;

export type CaseRow = Prisma.CaseGetPayload<{ include: typeof caseInclude }>;

export function toCaseDto(row: CaseRow): TCase {
  return {
    id: row.id,
    caseNo: row.caseNo,
    personName: row.person.name,
    personIdMasked: row.person.idNumberMasked,
    state: row.state,
    status: row.status,
    closureReason: row.closureReason as ClosureReason | null,
    emergency: row.emergency,
    origin: row.origin,
    owningUnitId: row.owningUnitId,
    owningUnitName: row.owningUnit.name,
    originUnitId: row.originUnitId,
    originUnitName: row.originUnit.name,
    situation: row.situation,
    flags: row.flags as unknown as TCaseFlag[],
    version: row.lastSeq,
    applicationId: row.applicationId,
    referral: row.referral as TReferral | null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
