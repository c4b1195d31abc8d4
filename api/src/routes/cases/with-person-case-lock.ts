import { setTimeout as sleep } from 'node:timers/promises';
import type { Db, Prisma } from '@guanai/db';
import { AppError } from '../../errors/app-error.ts';

/**
 * The advisory-lock class of "a person's cases" (the two-key form, a key space apart from the
 * registry's one-key locks on identity documents).
 */
const PERSON_CASES_LOCK = 1_202_010;

export interface PersonCaseLockOptions {
  /** How long a request waits for another one holding the lock before it answers 409. */
  waitMs?: number;
  /** How long the work may hold the lock (the transaction's timeout). */
  holdMs?: number;
}

/**
 * Runs `work` in a transaction holding the case locks of these people, so that "has this person a
 * case that is not closed?" and opening, reopening or moving one are a single step across every API
 * replica. Opening returns only once the workflow has projected the case row, so whoever takes the
 * lock next sees it; the partial unique index case_one_open_per_person is the last guard.
 *
 * The locks are transaction-scoped advisory locks: released at commit or rollback, and when a killed
 * process's connection drops. A request that finds a lock taken does not block inside PostgreSQL:
 * a waiting request would hold a pooled connection while the holder waits for the workflow's
 * projection, which in one process (tests, `npm start`) needs a connection from the same pool. It
 * retries after a short pause instead, for up to `waitMs`.
 */
export async function withPersonCaseLock<T>(
  db: Db,
  personIds: string[],
  work: (tx: Prisma.TransactionClient) => Promise<T>,
  { waitMs = 20_000, holdMs = 60_000 }: PersonCaseLockOptions = {},
): Promise<T> {
  const ids = [...new Set(personIds)].sort();
  const deadline = Date.now() + waitMs;
  for (let attempt = 1; ; attempt++) {
    const outcome = await db.$transaction(
      async (tx) => {
        for (const id of ids) {
          const [{ locked }] = await tx.$queryRaw<
            [{ locked: boolean }]
          >`SELECT pg_try_advisory_xact_lock(${PERSON_CASES_LOCK}::int, hashtext(${id})) AS locked`;
          if (!locked) return { busy: true as const };
        }
        return { busy: false as const, value: await work(tx) };
      },
      { maxWait: 10_000, timeout: holdMs },
    );
    if (!outcome.busy) return outcome.value;
    if (Date.now() >= deadline) {
      throw new AppError('CONFLICT', {
        message: 'a case of this person is being opened, reopened or moved right now; try again in a moment',
        reason: 'PERSON_BUSY',
      });
    }
    await sleep(Math.min(20 * attempt, 200) + Math.random() * 20);
  }
}
