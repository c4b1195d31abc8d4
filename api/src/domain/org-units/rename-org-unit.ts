import type { Db } from '@guanai/db';
import { notFound } from '../../errors/app-error.ts';
import type { TOrgUnit, TUpdateOrgUnit } from '../../routes/org-units/org-units.types.ts';
import { orgUnitInclude, toOrgUnitDto } from './org-unit-dto.ts';

/** Renames a unit (its code, level and parent are fixed). */
export async function renameOrgUnit({
  db,
  id,
  changes,
}: {
  db: Db;
  id: string;
  changes: TUpdateOrgUnit;
}): Promise<TOrgUnit> {
  if (!(await db.orgUnit.findUnique({ where: { id }, select: { id: true } }))) throw notFound('org unit');
  return toOrgUnitDto(await db.orgUnit.update({ where: { id }, data: changes, include: orgUnitInclude }));
}
