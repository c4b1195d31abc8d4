import { randomUUID } from 'node:crypto';
import { Hono } from 'hono';
import { z } from 'zod';
import type { Prisma } from '@guanai/db';
import { within } from '../../auth/jurisdiction.ts';
import { toSessionUser, type SessionUser } from '../../auth/session.ts';
import type { AppDeps, AppEnv } from '../../env.ts';
import { AppError, notFound } from '../../errors/app-error.ts';
import { headerFilename } from '../../files/attachments.ts';
import { derivedUuid } from '../../ids.ts';
import { afterCommit } from '../../request/scope.ts';
import { validate } from '../../validation.ts';
import { assertNoDuplicates, findDuplicates, registerPerson } from './registry.ts';
import { columnOf, parseRoster, readCells, XLSX_TYPE, type RosterProblem, type RosterRow } from './roster.ts';

const MAX_BYTES = 10 * 1024 * 1024;
const MAX_ROWS = 20_000;
const BATCH = 100;
/** How long a run's claim on an import holds without being renewed (it is renewed after every batch). */
export const IMPORT_LEASE_MS = 60_000;

type ImportRow = Prisma.PersonImportGetPayload<object>;

function toImportDto(row: ImportRow) {
  return {
    id: row.id,
    filename: row.filename,
    dryRun: row.dryRun,
    status: row.status,
    total: row.total,
    processed: row.processed,
    imported: row.imported,
    skipped: row.skipped,
    problems: row.problems,
    createdAt: row.createdAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
  };
}

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

/**
 * Imports left running carry on where they were: those no run holds, or whose run's lease has run
 * out. Every API process calls this at start and then once a lease period, so an import whose
 * process died is taken over by another replica, and each import is worked by one run at a time.
 */
export async function resumeImports(deps: AppDeps): Promise<void> {
  const running = await deps.db.personImport.findMany({
    where: { status: 'RUNNING', OR: [{ claimedUntil: null }, { claimedUntil: { lt: new Date() } }] },
    select: { id: true },
  });
  for (const { id } of running) await runImport(deps, id);
}

export function importRoutes(deps: AppDeps) {
  const { db } = deps;
  return (
    new Hono<AppEnv>()
      /**
       * Station workers, caseworkers, supervisors: uploads a roster (CSV or Excel) of people in their
       * jurisdiction. Answers 202 at once; the import runs in the background (GET shows progress).
       */
      .post(
        '/',
        validate('query', z.object({ dryRun: z.enum(['true', 'false']).default('true') }).strict()),
        async (c) => {
          const user = c.get('user');
          const contentType = (c.req.header('Content-Type') ?? '').split(';')[0]!.trim();
          if (contentType !== 'text/csv' && contentType !== XLSX_TYPE)
            throw new AppError('VALIDATION', { message: `must be text/csv or ${XLSX_TYPE}`, field: 'Content-Type' });
          const filename = headerFilename(c, 'roster');
          const body = new Uint8Array(await c.req.arrayBuffer());
          if (body.length === 0 || body.length > MAX_BYTES)
            throw new AppError('VALIDATION', {
              message: `a roster file of 1 byte to ${MAX_BYTES / 1024 / 1024} MB is required`,
              field: '(body)',
            });
          const cells = await readCells(body, contentType).catch(() => {
            throw new AppError('VALIDATION', {
              message: 'the file could not be read as CSV or Excel',
              field: '(body)',
            });
          });
          const { rows, fileProblem } = parseRoster(cells);
          if (fileProblem) throw new AppError('VALIDATION', { message: fileProblem, field: '(header)' });
          if (rows.length === 0 || rows.length > MAX_ROWS)
            throw new AppError('VALIDATION', {
              message: `the roster must have 1 to ${MAX_ROWS} rows below its header`,
              field: '(body)',
            });
          const job = await db.personImport.create({
            data: {
              id: randomUUID(),
              filename,
              dryRun: c.req.valid('query').dryRun === 'true',
              status: 'RUNNING',
              unitId: user.orgUnit.id,
              createdById: user.id,
              total: rows.length,
              rows: rows as unknown as Prisma.InputJsonValue,
            },
          });
          // In the background; a failure is logged and the import stays RUNNING until the API resumes it.
          // Once the job is committed, and not on the request's transaction (request/scope.ts).
          afterCommit(() =>
            runImport(deps, job.id).catch((err: unknown) =>
              deps.logger.error({ err, importId: job.id }, 'person import failed to run'),
            ),
          );
          return c.json(toImportDto(job), 202);
        },
      )
      /** Whoever may import, for imports made in their jurisdiction: progress and the report. */
      .get('/:id', validate('param', z.object({ id: z.uuid('must be an import id (uuid)') })), async (c) => {
        const user = c.get('user');
        const job = await db.personImport.findUnique({
          where: { id: c.req.valid('param').id },
          include: { unit: { select: { path: true } } },
        });
        if (!job || !within(user, job.unit.path)) throw notFound('import');
        return c.json(toImportDto(job));
      })
  );
}
