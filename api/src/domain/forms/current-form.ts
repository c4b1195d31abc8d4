import type { Db, FormKind } from '@guanai/db';
import { notFound } from '../../errors/app-error.ts';
import { formInclude } from './form-dto.ts';

/**
 * The district (区(市)县) a unit lies in: its path's second segment (city/district/township/…), or
 * null for the city itself.
 */
export async function districtOfUnit(db: Db, unitId: string): Promise<string | null> {
  const unit = await db.orgUnit.findUnique({ where: { id: unitId }, select: { path: true, level: true, id: true } });
  if (!unit || unit.level === 'CITY') return null;
  if (unit.level === 'DISTRICT') return unit.id;
  const [city, district] = unit.path.split('/');
  const row = await db.orgUnit.findFirst({
    where: { path: `${city}/${district}/`, level: 'DISTRICT' },
    select: { id: true },
  });
  return row?.id ?? null;
}

/** The district a case belongs to for its forms: the one its community lies in (escalation does not change it). */
export async function districtOfCase(db: Db, caseRow: { originUnitId: string }): Promise<string | null> {
  return districtOfUnit(db, caseRow.originUnitId);
}

/**
 * The version a new answer of this kind is given with: the district's latest published version, else
 * the city's. 404 when neither has one.
 */
export async function currentForm(db: Db, kind: FormKind, districtId: string | null) {
  const scopes = districtId ? [districtId, null] : [null];
  for (const scope of scopes) {
    const row = await db.formDefinition.findFirst({
      where: { kind, districtId: scope, status: 'PUBLISHED' },
      orderBy: { version: 'desc' },
      include: formInclude,
    });
    if (row) return row;
  }
  throw notFound(`a published ${kind} form`);
}
