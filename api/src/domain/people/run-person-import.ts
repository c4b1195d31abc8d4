import { randomUUID } from 'node:crypto';
import type { Prisma } from '@guanai/db';
import { toSessionUser, type SessionUser } from '../../auth/session.ts';
import type { AppDeps } from '../../env.ts';
import { AppError } from '../../errors/app-error.ts';
import { derivedUuid } from '../../ids.ts';
import { assertNoDuplicates } from './assert-no-duplicates.ts';
import { findDuplicates } from './find-duplicates.ts';
import { columnOf, type RosterProblem, type RosterRow } from './parse-roster.ts';
import { registerPerson } from './register-person.ts';

const BATCH = 100;
/** How long a run's claim on an import holds without being renewed (it is renewed after every batch). */
export const IMPORT_LEASE_MS = 60_000;

/** Why a row cannot be registered, from the registry's answer. */
function problemOf(line: number, error: unknown): RosterProblem {
  if (error instanceof AppError) {
    const duplicates = (error.extra.duplicates ?? []) as { name: string; communityName: string; match: string }[];
    const which = duplicates.map((d) => `${d.name} (${d.communityName}, ${d.match})`).join('; ');
    return {
      line,
      field: columnOf(error.errors[0]?.field ?? '(row)'),
      reason: which ? `${error.message}: ${which}` : error.message,
    };
  }
  throw error;
}

/**
 * Claims a running import for one run, or renews the run's claim: when no run holds it, or the
 * holder's lease has run out (its process died or stalled). One statement, so of two processes
 * claiming at once exactly one gets it. False when another run holds it or it is no longer running.
 */
async function claimImport(db: AppDeps['db'], importId: string, runId: string, leaseMs: number): Promise<boolean> {
  const claimed = await db.$executeRaw`
    UPDATE person_import SET claimed_by = ${runId}, claimed_until = now() + ${leaseMs} * interval '1 millisecond'
    WHERE id = ${importId}::uuid AND status = 'RUNNING' AND (claimed_by = ${runId} OR claimed_until IS NULL OR claimed_until < now())`;
  return claimed === 1;
}

/**
 * Works through an import in batches from where it stopped: checks each row against the registry
 * (community, duplicates) and, unless it is a dry run, registers it. Progress and problems are
 * saved after every batch; a row registered before a crash is recognised by its derived id.
 * Several API replicas may try the same import: the run that claims it works it, renewing its lease
 * before every batch; a run that has lost its lease (it stalled and another took over) stops, and
 * its progress is not written (every write is fenced by its claim).
 */
export async function runImport(
  deps: AppDeps,
  importId: string,
  { leaseMs = IMPORT_LEASE_MS }: { leaseMs?: number } = {},
): Promise<void> {
  const { db, keys } = deps;
  const runId = randomUUID();
  if (!(await claimImport(db, importId, runId, leaseMs))) return;
  const job = await db.personImport.findUniqueOrThrow({ where: { id: importId } });
  const creator = await db.user.findUniqueOrThrow({ where: { id: job.createdById }, include: { orgUnit: true } });
  const user: SessionUser = toSessionUser(creator);
  const rows = job.rows as unknown as RosterRow[];
  const communities = new Map(
    (
      await db.orgUnit.findMany({
        where: { level: 'COMMUNITY', path: { startsWith: user.orgUnit.path } },
        select: { id: true, code: true },
      })
    ).map((u) => [u.code, u.id]),
  );
  let { processed, imported, skipped } = job;
  const problems = job.problems as unknown as RosterProblem[];
  try {
    while (processed < rows.length) {
      if (!(await claimImport(db, job.id, runId, leaseMs))) return; // another run took over
      const batch = rows.slice(processed, processed + BATCH);
      const found: RosterProblem[] = [];
      for (const row of batch) {
        const rowProblems = [...row.problems];
        const communityId = row.communityCode
          ? communities.get(row.communityCode)
          : user.orgUnit.level === 'COMMUNITY'
            ? user.orgUnit.id
            : undefined;
        if (!communityId)
          rowProblems.push({
            line: row.line,
            field: '社区代码',
            reason: row.communityCode
              ? `${row.communityCode} is not a community in your jurisdiction`
              : 'is required (the 12-digit code of the community)',
          });
        if (rowProblems.length > 0 || !row.person || !communityId) {
          found.push(...rowProblems);
          skipped++;
          continue;
        }
        const personId = derivedUuid(job.id, String(row.line));
        if (await db.person.findUnique({ where: { id: personId }, select: { id: true } })) {
          imported++; // registered before the import was interrupted
          continue;
        }
        const householdId = row.householdNo ? derivedUuid(job.id, communityId, row.householdNo) : undefined;
        const joins = householdId
          ? await db.household.findUnique({ where: { id: householdId }, select: { id: true } })
          : null;
        const input = { ...row.person, communityId, ...(joins ? { householdId: joins.id } : {}) };
        try {
          if (job.dryRun)
            assertNoDuplicates(
              await findDuplicates(db, keys, user, { ...input, ...(householdId ? { householdId } : {}) }),
              false,
            );
          else
            await registerPerson(db, keys, user, input, {
              id: personId,
              ...(householdId ? { householdId } : {}),
              confirmNotDuplicate: false,
            });
          imported++;
        } catch (error) {
          found.push(problemOf(row.line, error));
          skipped++;
        }
      }
      processed += batch.length;
      problems.push(...found);
      const done = processed >= rows.length;
      const saved = await db.personImport.updateMany({
        where: { id: job.id, claimedBy: runId },
        data: {
          processed,
          imported,
          skipped,
          problems: problems as unknown as Prisma.InputJsonValue,
          ...(done ? { status: 'DONE', finishedAt: new Date(), rows: [], claimedBy: null, claimedUntil: null } : {}),
        },
      });
      if (saved.count === 0) return; // another run took over
    }
  } catch (error) {
    deps.logger.error({ err: error, importId }, 'person import failed');
    await db.personImport.updateMany({
      where: { id: job.id, claimedBy: runId },
      data: {
        status: 'FAILED',
        finishedAt: new Date(),
        claimedBy: null,
        claimedUntil: null,
        problems: [
          ...problems,
          { line: 0, field: '(file)', reason: 'the import stopped on an internal error; rows before it were saved' },
        ] as unknown as Prisma.InputJsonValue,
      },
    });
  }
}
