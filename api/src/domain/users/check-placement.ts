import type { Db, Role } from '@guanai/db';
import { ROLE_LEVELS } from '@guanai/workflows/vocabulary';
import { AppError } from '../../errors/app-error.ts';

/** The unit must exist and be of a level the role works at. */
export async function checkPlacement(db: Db, role: Role, orgUnitId: string): Promise<void> {
  const unit = await db.orgUnit.findUnique({ where: { id: orgUnitId }, select: { level: true, name: true } });
  if (!unit) throw new AppError('VALIDATION', { message: 'no such org unit', field: 'orgUnitId' });
  if (!ROLE_LEVELS[role].includes(unit.level)) {
    throw new AppError('VALIDATION', {
      message: `a ${role} works at a ${ROLE_LEVELS[role].join(' or ')} unit; ${unit.name} is a ${unit.level}`,
      field: 'orgUnitId',
    });
  }
}
