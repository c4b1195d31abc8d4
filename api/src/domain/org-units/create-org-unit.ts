import { childPath, type Db } from '@guanai/db';
import { ORG_LEVELS } from '@guanai/workflows/vocabulary';
import { AppError } from '../../errors/app-error.ts';
import type { TCreateOrgUnit, TOrgUnit } from '../../routes/org-units/org-units.types.ts';
import { orgUnitInclude, toOrgUnitDto } from './org-unit-dto.ts';

/** A new unit one level below its parent, with a division code not yet taken. */
export async function createOrgUnit({ db, input }: { db: Db; input: TCreateOrgUnit }): Promise<TOrgUnit> {
  const parent = await db.orgUnit.findUnique({ where: { id: input.parentId } });
  if (!parent) throw new AppError('VALIDATION', { message: 'no such org unit', field: 'parentId' });
  const below = ORG_LEVELS[ORG_LEVELS.indexOf(parent.level) + 1];
  if (input.level !== below)
    throw new AppError('VALIDATION', {
      message: `a unit under ${parent.name} (${parent.level}) must be a ${below ?? 'nothing: communities have no units below them'}`,
      field: 'level',
    });
  if (await db.orgUnit.findUnique({ where: { code: input.code }, select: { id: true } }))
    throw new AppError('CONFLICT', {
      message: `code ${input.code} is taken`,
      field: 'code',
      reason: 'DUPLICATE_CODE',
    });
  const row = await db.orgUnit.create({
    data: { ...input, path: childPath(parent.path, input.code) },
    include: orgUnitInclude,
  });
  return toOrgUnitDto(row);
}
