import type { Db } from '@guanai/db';
import type { CaseStatus, VulnerabilityTag } from '@guanai/workflows/vocabulary';
import type { SessionUser } from '../../auth/session.ts';
import type { TPersonDetail } from '../../routes/people/people.types.ts';
import { findVisiblePerson } from './find-visible-person.ts';
import { isoDay, toPersonDto } from './person-dto.ts';

/** A person the caller may see, with their household (its members not merged away) and their cases. */
export async function getPerson({ db, user, id }: { db: Db; user: SessionUser; id: string }): Promise<TPersonDetail> {
  const row = await findVisiblePerson(db, user, id);
  const [household, cases] = await Promise.all([
    row.householdId
      ? db.household.findUnique({
          where: { id: row.householdId },
          include: {
            members: {
              where: { mergedIntoId: null },
              orderBy: { createdAt: 'asc' },
              select: {
                id: true,
                name: true,
                relation: true,
                sex: true,
                birthDate: true,
                idNumberMasked: true,
                tags: true,
              },
            },
          },
        })
      : null,
    db.case.findMany({
      where: { personId: row.id },
      orderBy: { createdAt: 'desc' },
      select: { id: true, caseNo: true, state: true, status: true, createdAt: true },
    }),
  ]);
  return {
    ...toPersonDto(row),
    household: household && {
      id: household.id,
      address: household.address,
      monthlyIncome: household.monthlyIncome === null ? null : Number(household.monthlyIncome),
      members: household.members.map((m) => ({
        ...m,
        birthDate: isoDay(m.birthDate),
        tags: m.tags as VulnerabilityTag[],
      })),
    },
    cases: cases.map((k) => ({ ...k, status: k.status as CaseStatus, createdAt: k.createdAt.toISOString() })),
  };
}
