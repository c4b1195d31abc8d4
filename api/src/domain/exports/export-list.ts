import { appendAudit, type Db } from '@guanai/db';
import type { SessionUser } from '../../auth/session.ts';
import { AppError } from '../../errors/app-error.ts';
import { writeTable, type ExportCell, type ExportColumn, type ExportFile, type ExportFormat } from './write-table.ts';

/** The most rows one export holds: a bigger list is narrowed by its filter, not truncated. */
export const EXPORT_ROW_CAP = 10_000;

const BEIJING_OFFSET = 8 * 3_600_000;
/** A time as Beijing wall-clock time, `YYYY-MM-DD HH:mm`, as staff read it. */
export const beijingTime = (at: Date) =>
  new Date(at.getTime() + BEIJING_OFFSET).toISOString().slice(0, 16).replace('T', ' ');
/** Today's Beijing date, `YYYY-MM-DD`. */
export const beijingDate = (at: Date) => beijingTime(at).slice(0, 10);

/**
 * One list exported: counted first (over the cap it is a 422 asking for a narrower filter, and
 * nothing is written), read, written to the audit log (who, which list, which filter, how many
 * rows, which format), then written as the file asked for. Identity numbers and phones are masked
 * by the caller's `cells`: the full number never reaches a row.
 */
export async function exportList<Row>({
  db,
  user,
  list,
  filter,
  format,
  name,
  sheet,
  columns,
  count,
  read,
  cells,
  detail = {},
  now = new Date(),
}: {
  db: Db;
  user: SessionUser;
  /** The list, as the audit action names it: `<list>.export`. */
  list: string;
  filter: object;
  format: ExportFormat;
  /** The file's name before `-<unit code>-<date>`. */
  name: string;
  sheet: string;
  columns: readonly ExportColumn[];
  count: () => Promise<number>;
  read: (take: number) => Promise<Row[]>;
  cells: (row: Row) => ExportCell[];
  /** More of the request for the audit entry (the sort, …). */
  detail?: Record<string, unknown>;
  now?: Date;
}): Promise<ExportFile> {
  const total = await count();
  if (total > EXPORT_ROW_CAP)
    throw new AppError('VALIDATION', {
      field: 'filter',
      reason: 'EXPORT_TOO_LARGE',
      message: `filter: the list holds ${total} rows, more than the ${EXPORT_ROW_CAP} an export may hold; narrow the filter`,
      extra: { rows: total, cap: EXPORT_ROW_CAP },
    });
  const rows = await read(EXPORT_ROW_CAP);
  await appendAudit(db, {
    actorId: user.id,
    action: `${list}.export`,
    target: `org-unit:${user.orgUnit.id}`,
    detail: { filter, ...detail, format, rows: rows.length },
  });
  return writeTable({
    format,
    name: `${name}-${user.orgUnit.code}-${beijingDate(now)}`,
    sheet,
    columns,
    rows: rows.map(cells),
  });
}
