import type { Db, Prisma } from '@guanai/db';
import type { TEligibilityStandard, TStandardListFilter } from '../../routes/eligibility/eligibility.types.ts';
import { notFound } from '../../errors/app-error.ts';
import { beijingToday } from './beijing-today.ts';
import { currentStandardIds, standardDto, standardInclude } from './standard-dto.ts';

/** The standards, filtered and sorted (latest first by default), with the total; any signed-in user. */
export async function listStandards({
  db,
  filter = {},
  sort,
  range: [from, to],
}: {
  db: Db;
  filter?: TStandardListFilter;
  sort: [string, 'ASC' | 'DESC'];
  range: [number, number];
}): Promise<{ rows: TEligibilityStandard[]; total: number }> {
  const today = beijingToday();
  const current = await currentStandardIds(db, today);
  const where: Prisma.EligibilityStandardWhereInput = {
    ...(filter.scheme ? { scheme: filter.scheme } : {}),
    ...(filter.districtId ? { districtId: filter.districtId === 'city' ? null : filter.districtId } : {}),
    ...(filter.current ? { id: { in: [...current] } } : {}),
  };
  const order = sort[1] === 'ASC' ? 'asc' : 'desc';
  const [rows, total] = await Promise.all([
    db.eligibilityStandard.findMany({
      where,
      include: standardInclude,
      // Ties: by scheme, the city's before the districts', then by district.
      orderBy: [
        { [sort[0]]: order },
        { scheme: 'asc' },
        { districtId: { sort: 'asc', nulls: 'first' } },
        { id: 'asc' },
      ],
      skip: from,
      take: to - from + 1,
    }),
    db.eligibilityStandard.count({ where }),
  ]);
  return { rows: rows.map((row) => standardDto(row, today, current.has(row.id))), total };
}

/** One standard, or 404. */
export async function getStandard({ db, id }: { db: Db; id: string }): Promise<TEligibilityStandard> {
  const row = await db.eligibilityStandard.findUnique({ where: { id }, include: standardInclude });
  if (!row) throw notFound(`standard ${id}`);
  const today = beijingToday();
  return standardDto(row, today, (await currentStandardIds(db, today)).has(row.id));
}
