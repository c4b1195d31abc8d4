import type { ImportStatus, Prisma } from '@guanai/db';
import type { TPersonImport } from '../../routes/people/person-import.types.ts';

type ImportRow = Prisma.PersonImportGetPayload<object>;

export function toPersonImportDto(row: ImportRow): TPersonImport {
  return {
    id: row.id,
    filename: row.filename,
    dryRun: row.dryRun,
    status: row.status as ImportStatus,
    total: row.total,
    processed: row.processed,
    imported: row.imported,
    skipped: row.skipped,
    problems: row.problems as TPersonImport['problems'],
    createdAt: row.createdAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
  };
}
