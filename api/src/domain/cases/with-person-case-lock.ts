import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Db } from '@guanai/db';
import { AppError } from '../../errors/app-error.ts';
import { outsideRequest } from '../../request/scope.ts';

export interface PersonCaseLockOptions {
  /** How long a request waits for another one holding the lock before it answers 409. */
  waitMs?: number;
  /** How long the work may hold the lock (the lease; a process that died holds it no longer). */
  holdMs?: number;
}

/**
 * Runs `work` holding the case locks of these people, so that "has this person a case that is not
 * closed?" and opening, reopening or moving one are a single step across every API replica. Opening
 * returns only once the workflow has projected the case row, so whoever takes the lock next sees it;
 * the partial unique index case_one_open_per_person is the last guard.
 *
 * The lock is a lease row per person (person_case_lease), taken and given back in statements of their
 * own, outside the request's transaction: no transaction stays open while the workflow runs (on the
 * embedded single-session PGlite that would stop the workflow's projection until it timed out), and
 * a request that finds a lease taken holds no connection while it waits: it tries again after a short
 * pause, for up to `waitMs`. `work` must commit what it writes before it returns (its own
 * `db.$transaction`; the routes run in autocommit mode), so that the next holder sees it.
 */
export async function withPersonCaseLock<T>(
  db: Db,
  personIds: string[],
  work: (db: Db) => Promise<T>,
  { waitMs = 20_000, holdMs = 60_000 }: PersonCaseLockOptions = {},
): Promise<T> {
  const ids = [...new Set(personIds)].sort();
  const holder = randomUUID();
  const release = () =>
    outsideRequest(
      () =>
        db.$executeRaw`DELETE FROM person_case_lease WHERE person_id = ANY(${ids}::uuid[]) AND holder = ${holder}::uuid`,
    );
  const deadline = Date.now() + waitMs;
  for (let attempt = 1; ; attempt++) {
    let taken = 0;
    for (const id of ids) {
      const got = await outsideRequest(
        () => db.$queryRaw<{ holder: string }[]>`
          INSERT INTO person_case_lease AS l (person_id, holder, until)
          VALUES (${id}::uuid, ${holder}::uuid, now() + ${holdMs}::float8 * interval '1 millisecond')
          ON CONFLICT (person_id) DO UPDATE SET holder = EXCLUDED.holder, until = EXCLUDED.until
          WHERE l.until < now()
          RETURNING holder`,
      );
      if (got.length === 0) break;
      taken += 1;
    }
    if (taken === ids.length) break;
    await release();
    if (Date.now() >= deadline) {
      throw new AppError('CONFLICT', {
        message: 'a case of this person is being opened, reopened or moved right now; try again in a moment',
        reason: 'PERSON_BUSY',
      });
    }
    await sleep(Math.min(20 * attempt, 200) + Math.random() * 20);
  }
  try {
    return await work(db);
  } finally {
    await release();
  }
}
