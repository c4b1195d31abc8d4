import { within } from '../../auth/jurisdiction.ts';
import type { SessionUser } from '../../auth/session.ts';
import { AppError } from '../../errors/app-error.ts';
import type { ResourceRow } from './resource-dto.ts';

/**
 * Admins and managers keep the catalogue of their own subtree (a district's manager: resources
 * covering the district or a township below it); others' resources they read but do not change.
 */
export function assertKeepsResource(user: SessionUser, row: ResourceRow): void {
  if (!within(user, row.coverageUnit.path)) {
    throw new AppError('FORBIDDEN', {
      message: `${row.name} covers ${row.coverageUnit.name}, outside your jurisdiction (${user.orgUnit.name}): it is kept there`,
    });
  }
}
