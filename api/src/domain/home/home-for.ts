import type { Db } from '@guanai/db';
import type { SessionUser } from '../../auth/session.ts';
import type { THome } from '../../routes/home/home.types.ts';
import { caseworkerHome } from './caseworker-home.ts';
import { managerHome } from './manager-home.ts';
import { partnerHome } from './partner-home.ts';
import { stationHome } from './station-home.ts';
import { supervisorHome } from './supervisor-home.ts';
import { volunteerHome } from './volunteer-home.ts';

/** The home page of the user's role; an admin (at the city) gets the manager's view of the city. */
export function homeFor({ db, user, now }: { db: Db; user: SessionUser; now: Date }): Promise<THome> {
  switch (user.role) {
    case 'CASEWORKER':
      return caseworkerHome({ db, user, now });
    case 'SUPERVISOR':
      return supervisorHome({ db, user, now });
    case 'MANAGER':
    case 'ADMIN':
      return managerHome({ db, user, now });
    case 'STATION_WORKER':
    case 'DISCOVERER':
      return stationHome({ db, user });
    case 'PARTNER':
      return partnerHome({ db, user });
    case 'VOLUNTEER':
      return volunteerHome({ db, user });
  }
}
