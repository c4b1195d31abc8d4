import type { Prisma } from '@guanai/db';
import type { resourceInclude } from '../resources/resource-dto.ts';
import { day } from './dates.ts';
import type { Eligibility, RankedResource } from './rank-resources.ts';

/** A catalogue row as the ranking judges it. */
export function toRanked(row: Prisma.ResourceGetPayload<{ include: typeof resourceInclude }>): RankedResource {
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    providerName: row.provider.name,
    status: row.status,
    categories: row.categories,
    eligibility: row.eligibility as Eligibility,
    capacity: row.capacity,
    reservedPlaces: row.reservedPlaces,
    budget: row.budget === null ? null : Number(row.budget),
    reservedAmount: Number(row.reservedAmount),
    validFrom: row.validFrom ? day(row.validFrom) : null,
    validTo: row.validTo ? day(row.validTo) : null,
    coverage: {
      id: row.coverageUnitId,
      name: row.coverageUnit.name,
      level: row.coverageUnit.level,
      path: row.coverageUnit.path,
    },
  };
}
