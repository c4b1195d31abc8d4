import type { Prisma } from '@guanai/db';
import type { Subject } from './rank-resources.ts';

/** What a case is read with for matching: its units, and its person with the household's size. */
export const caseForMatching = {
  owningUnit: { select: { path: true, level: true } },
  originUnit: { select: { path: true, name: true, parent: { select: { id: true, name: true } } } },
  person: {
    include: { household: { include: { _count: { select: { members: { where: { mergedIntoId: null } } } } } } },
  },
} satisfies Prisma.CaseInclude;

export type CaseForMatching = Prisma.CaseGetPayload<{ include: typeof caseForMatching }>;

/** What eligibility is judged on: hukou, age today, household income per head, tags. */
export function subjectOf(row: CaseForMatching): Subject {
  const { person } = row;
  const now = new Date();
  let age: number | null = null;
  if (person.birthDate) {
    const b = person.birthDate;
    age =
      now.getUTCFullYear() -
      b.getUTCFullYear() -
      (now.getUTCMonth() < b.getUTCMonth() ||
      (now.getUTCMonth() === b.getUTCMonth() && now.getUTCDate() < b.getUTCDate())
        ? 1
        : 0);
  }
  const household = person.household;
  const incomePerHead =
    household?.monthlyIncome != null
      ? Math.round((Number(household.monthlyIncome) / Math.max(1, household._count.members)) * 100) / 100
      : null;
  return {
    hukou: person.hukou,
    age,
    incomePerHead,
    tags: person.tags,
    communityPath: row.originUnit.path,
    owningPath: row.owningUnit.path,
  };
}
