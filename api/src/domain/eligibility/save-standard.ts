import type { Db } from '@guanai/db';
import type { SessionUser } from '../../auth/session.ts';
import { AppError, notFound } from '../../errors/app-error.ts';
import type { TEligibilityStandard, TEligibilityStandardBody } from '../../routes/eligibility/eligibility.types.ts';
import { beijingToday } from './beijing-today.ts';
import { currentStandardIds, standardDto, standardInclude } from './standard-dto.ts';

const dateOf = (day: string) => new Date(`${day}T00:00:00Z`);

/** Refuses a standard once in force: it is never edited, a new one with a later date supersedes it. */
export function refuseInForce(effectiveFrom: Date, today: string) {
  const since = effectiveFrom.toISOString().slice(0, 10);
  if (since <= today)
    throw new AppError('CONFLICT', {
      message: `in force since ${since}: add a new standard with a later effective date instead`,
      reason: 'STANDARD_IN_FORCE',
    });
}

/**
 * Admins: adds a standard (id absent) or corrects one not yet in force. The district must be a
 * DISTRICT unit; one standard per scheme, area and date. Both are 422s naming the field.
 */
export async function saveStandard({
  db,
  user,
  id,
  body,
}: {
  db: Db;
  user: SessionUser;
  id?: string;
  body: TEligibilityStandardBody;
}): Promise<TEligibilityStandard> {
  const today = beijingToday();
  const districtId = body.districtId ?? null;
  if (districtId) {
    const district = await db.orgUnit.findUnique({ where: { id: districtId }, select: { level: true } });
    if (district?.level !== 'DISTRICT')
      throw new AppError('VALIDATION', { message: 'must be a district (区(市)县)', field: 'districtId' });
  }
  if (id) {
    const existing = await db.eligibilityStandard.findUnique({ where: { id }, select: { effectiveFrom: true } });
    if (!existing) throw notFound(`standard ${id}`);
    refuseInForce(existing.effectiveFrom, today);
  }
  const clash = await db.eligibilityStandard.findFirst({
    where: {
      scheme: body.scheme,
      districtId,
      effectiveFrom: dateOf(body.effectiveFrom),
      ...(id ? { NOT: { id } } : {}),
    },
    select: { id: true },
  });
  if (clash)
    throw new AppError('VALIDATION', {
      message: 'a standard of this scheme for this area already starts on that date',
      field: 'effectiveFrom',
    });
  const data = {
    scheme: body.scheme,
    districtId,
    effectiveFrom: dateOf(body.effectiveFrom),
    incomePerPerson: body.incomePerPerson.toFixed(2),
    assetsPerPerson: body.assetsPerPerson == null ? null : body.assetsPerPerson.toFixed(2),
    requireNoAbleWorker: body.requireNoAbleWorker ?? false,
    requireNoSupporter: body.requireNoSupporter ?? false,
    sourceDocument: body.sourceDocument,
    note: body.note || null,
  };
  const row = await (
    id
      ? db.eligibilityStandard.update({ where: { id }, data, include: standardInclude })
      : db.eligibilityStandard.create({ data: { ...data, createdById: user.id }, include: standardInclude })
  ).catch((error: unknown) => {
    // Two admins entering the same standard at once: the unique indexes decide, the second hears why.
    if ((error as { code?: string }).code === 'P2002')
      throw new AppError('VALIDATION', {
        message: 'a standard of this scheme for this area already starts on that date',
        field: 'effectiveFrom',
      });
    throw error;
  });
  return standardDto(row, today, (await currentStandardIds(db, today)).has(row.id));
}

/** Admins: removes a standard not yet in force. */
export async function deleteStandard({ db, id }: { db: Db; id: string }): Promise<{ id: string }> {
  const existing = await db.eligibilityStandard.findUnique({ where: { id }, select: { effectiveFrom: true } });
  if (!existing) throw notFound(`standard ${id}`);
  refuseInForce(existing.effectiveFrom, beijingToday());
  await db.eligibilityStandard.delete({ where: { id } });
  return { id };
}
