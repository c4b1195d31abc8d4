import type { Db, Role } from '@guanai/db';
import { AppError } from '../../errors/app-error.ts';

/** A partner user acts for a partner organisation; no one else does. */
export async function checkPartner(db: Db, role: Role, partnerId: string | null | undefined): Promise<void> {
  if (role !== 'PARTNER') {
    if (partnerId)
      throw new AppError('VALIDATION', {
        message: 'only PARTNER users act for a partner organisation',
        field: 'partnerId',
      });
    return;
  }
  if (!partnerId || !(await db.partner.findUnique({ where: { id: partnerId }, select: { id: true } }))) {
    throw new AppError('VALIDATION', {
      message: 'a PARTNER user needs the partner organisation they act for',
      field: 'partnerId',
    });
  }
}
