import type { SessionUser } from '../../auth/session.ts';
import { AppError } from '../../errors/app-error.ts';

/** §四(一): the station of the application's community verifies it, and no other. */
export function assertStationOf(user: SessionUser, application: { communityId: string }): void {
  if (user.role !== 'STATION_WORKER' || user.orgUnit.id !== application.communityId)
    throw new AppError('FORBIDDEN', {
      message: 'an application is verified by the station (服务站) of its own community',
    });
}
