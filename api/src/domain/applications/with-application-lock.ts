import type { Db } from '@guanai/db';
import { withPersonCaseLock } from '../cases/with-person-case-lock.ts';

/**
 * Runs `work` holding the application's lease, so that accepting it (which opens a case through the
 * workflow) and declining it are one step each across every API replica: whoever takes the lease next
 * sees the outcome. It is the lease openCase takes on a person (a row of person_case_lease, keyed here
 * by the application's id: uuids of applications and people never meet), taken first, so accepting
 * takes the application's and then the person's, and nothing takes them the other way round. `work`
 * must commit what it writes before it returns (the routes run in autocommit mode).
 */
export const withApplicationLock = <T>(db: Db, applicationId: string, work: (db: Db) => Promise<T>): Promise<T> =>
  withPersonCaseLock(db, [applicationId], work);
