import type { Db, Prisma } from '@guanai/db';
import type { GovScheme } from '@guanai/workflows/vocabulary';
import type { TEligibilityStandard } from '../../routes/eligibility/eligibility.types.ts';
import type { EligibilityStandardRow } from './standard-in-force.ts';

export const standardInclude = { district: { select: { name: true } } } satisfies Prisma.EligibilityStandardInclude;
export type StandardWithDistrict = Prisma.EligibilityStandardGetPayload<{ include: typeof standardInclude }>;

const day = (d: Date) => d.toISOString().slice(0, 10);

/** A stored standard as the domain function reads it (amounts as decimal strings, no float). */
export const standardRowOf = (row: StandardWithDistrict): EligibilityStandardRow => ({
  id: row.id,
  scheme: row.scheme as GovScheme,
  districtId: row.districtId,
  districtName: row.district?.name ?? null,
  effectiveFrom: day(row.effectiveFrom),
  incomePerPerson: row.incomePerPerson.toFixed(2),
  assetsPerPerson: row.assetsPerPerson?.toFixed(2) ?? null,
  requireNoAbleWorker: row.requireNoAbleWorker,
  requireNoSupporter: row.requireNoSupporter,
  sourceDocument: row.sourceDocument,
});

/** A standard as the API answers it; `inForce` once its date has come, `current` while no later one of its area has. */
export function standardDto(row: StandardWithDistrict, today: string, current: boolean): TEligibilityStandard {
  return {
    id: row.id,
    scheme: row.scheme as GovScheme,
    districtId: row.districtId,
    districtName: row.district?.name ?? null,
    effectiveFrom: day(row.effectiveFrom),
    incomePerPerson: Number(row.incomePerPerson.toFixed(2)),
    assetsPerPerson: row.assetsPerPerson === null ? null : Number(row.assetsPerPerson.toFixed(2)),
    requireNoAbleWorker: row.requireNoAbleWorker,
    requireNoSupporter: row.requireNoSupporter,
    sourceDocument: row.sourceDocument,
    note: row.note,
    sample: row.sample,
    inForce: day(row.effectiveFrom) <= today,
    current,
    createdById: row.createdById,
    createdAt: row.createdAt.toISOString(),
  };
}

/** The ids of the standards in force today, one per scheme and area (the latest effective). */
export async function currentStandardIds(db: Db, today: string): Promise<Set<string>> {
  const rows = await db.eligibilityStandard.findMany({
    where: { effectiveFrom: { lte: new Date(`${today}T00:00:00Z`) } },
    select: { id: true, scheme: true, districtId: true, effectiveFrom: true },
    orderBy: { effectiveFrom: 'desc' },
  });
  const seen = new Set<string>();
  const ids = new Set<string>();
  for (const row of rows) {
    const area = `${row.scheme}:${row.districtId ?? 'city'}`;
    if (seen.has(area)) continue;
    seen.add(area);
    ids.add(row.id);
  }
  return ids;
}
