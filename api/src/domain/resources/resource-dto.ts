import type { Prisma } from '@guanai/db';
import type { NeedCategory } from '@guanai/workflows/vocabulary';
import type { TResource } from '../../routes/resources/resources.types.ts';

/** What a resource is read with: its provider and the unit it covers. */
export const resourceInclude = {
  provider: { select: { name: true, kind: true } },
  coverageUnit: { select: { name: true, level: true, path: true } },
  beneficiaryTownship: { select: { name: true } },
} satisfies Prisma.ResourceInclude;

export type ResourceRow = Prisma.ResourceGetPayload<{ include: typeof resourceInclude }>;

const day = (d: Date | null) => d?.toISOString().slice(0, 10) ?? null;
const money = (d: Prisma.Decimal | null) => (d === null ? null : Number(d));

/** A resource as the API answers it, with what is left of its places and budget. */
export function toResourceDto(row: ResourceRow): TResource {
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    description: row.description,
    providerId: row.providerId,
    providerName: row.provider.name,
    coverageUnitId: row.coverageUnitId,
    coverageUnitName: row.coverageUnit.name,
    coverageLevel: row.coverageUnit.level,
    categories: row.categories as NeedCategory[],
    eligibility: row.eligibility as TResource['eligibility'],
    capacity: row.capacity,
    reservedPlaces: row.reservedPlaces,
    remainingPlaces: row.capacity === null ? null : row.capacity - row.reservedPlaces,
    budget: money(row.budget),
    reservedAmount: Number(row.reservedAmount),
    remainingAmount: row.budget === null ? null : Number(row.budget) - Number(row.reservedAmount),
    validFrom: day(row.validFrom),
    validTo: day(row.validTo),
    status: row.status,
    contractNo: row.contractNo,
    serviceStandard: row.serviceStandard,
    campaignType: row.campaignType,
    target: money(row.target),
    deadline: day(row.deadline),
    beneficiaryCaseId: row.beneficiaryCaseId,
    beneficiaryCategory: row.beneficiaryCategory as NeedCategory | null,
    beneficiaryTownshipId: row.beneficiaryTownshipId,
    beneficiaryTownshipName: row.beneficiaryTownship?.name ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
