import { randomUUID } from 'node:crypto';
import type { Prisma } from '@guanai/db';
import type { SessionUser } from '../../auth/session.ts';
import type { AppDeps } from '../../env.ts';
import { AppError } from '../../errors/app-error.ts';
import { afterCommit } from '../../request/scope.ts';
import type { TPersonImport } from '../../routes/people/person-import.types.ts';
import { parseRoster } from './parse-roster.ts';
import { toPersonImportDto } from './person-import-dto.ts';
import { readCells } from './read-cells.ts';
import { runImport } from './run-person-import.ts';

const MAX_BYTES = 10 * 1024 * 1024;
const MAX_ROWS = 20_000;

/**
 * Starts the import of a roster (CSV or Excel) of people in the user's jurisdiction: the file is
 * read and every row parsed now (a 422 for a file that is not a roster), and the job is saved; the
 * rows are checked and registered in the background once the job is committed (runImport).
 */
export async function startPersonImport({
  deps,
  user,
  contentType,
  filename,
  body,
  dryRun,
}: {
  deps: AppDeps;
  user: SessionUser;
  /** The media type, without parameters. */
  contentType: string;
  filename: string;
  body: Uint8Array;
  dryRun: boolean;
}): Promise<TPersonImport> {
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
  const job = await deps.db.personImport.create({
    data: {
      id: randomUUID(),
      filename,
      dryRun,
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
  return toPersonImportDto(job);
}
