import type { Role } from '@guanai/db';
import { AppError } from '../../errors/app-error.ts';

/**
 * The VOLUNTEER role belongs to a volunteer's registry entry (志愿者, issue 19): it is given only by
 * registering a volunteer (POST /api/volunteers or the public self-registration), and a volunteer's
 * login keeps it. The user admin neither gives nor takes it.
 */
export function checkVolunteerRole(current: Role | null, wanted: Role | undefined): void {
  if (wanted === undefined || wanted === current) return;
  if (wanted === 'VOLUNTEER' || current === 'VOLUNTEER')
    throw new AppError('VALIDATION', {
      message:
        wanted === 'VOLUNTEER'
          ? 'volunteers are registered as volunteers (志愿者登记), not as staff accounts'
          : 'a volunteer’s login keeps the VOLUNTEER role',
      field: 'role',
    });
}
