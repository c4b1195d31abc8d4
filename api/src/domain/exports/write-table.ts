import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';

/** The two files a list exports as: CSV (UTF-8 with BOM, for Excel) or an Excel workbook. */
export const EXPORT_FORMATS = ['csv', 'xlsx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const CSV_TYPE = 'text/csv';
export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A column of an export: its Chinese header, and for the workbook its width and number format. */
export interface ExportColumn {
  header: string;
  /** Width in characters (a Chinese character counts two). */
  width?: number;
  /** An Excel number format, e.g. '#,##0.00' for yuan. */
  numFmt?: string;
}

/** A cell: text, a number (an amount stays a number in the workbook), or empty. */
export type ExportCell = string | number | null;

export interface ExportFile {
  body: string | Uint8Array<ArrayBuffer>;
  contentType: string;
  filename: string;
}

/** The format asked for: the `format` query wins, else the Accept header, else CSV. */
export function exportFormat(format: ExportFormat | undefined, accept: string | undefined): ExportFormat {
  if (format) return format;
  return accept?.includes(XLSX_TYPE) ? 'xlsx' : 'csv';
}

/**
 * Rows as a file: CSV with a BOM (Excel reads UTF-8 Chinese only with one), or a workbook of one
 * sheet whose header row is bold, frozen and filterable. `name` is the file's name without extension.
 */
export async function writeTable({
  format,
  name,
  sheet,
  columns,
  rows,
}: {
  format: ExportFormat;
  name: string;
  sheet: string;
  columns: readonly ExportColumn[];
  rows: readonly (readonly ExportCell[])[];
}): Promise<ExportFile> {
  if (format === 'csv') {
    const csv = stringify(
      rows.map((row) => row.map((cell) => cell ?? '')),
      { header: true, columns: columns.map((column) => column.header) },
    );
    return { body: `\uFEFF${csv}`, contentType: `${CSV_TYPE}; charset=utf-8`, filename: `${name}.csv` };
  }
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Guanai 关爱援助';
  const worksheet = workbook.addWorksheet(sheet, { views: [{ state: 'frozen', ySplit: 1 }] });
  worksheet.columns = columns.map((column, index) => ({
    header: column.header,
    key: String(index),
    width: column.width ?? Math.max(10, column.header.length * 2 + 2),
    ...(column.numFmt ? { style: { numFmt: column.numFmt } } : {}),
  }));
  worksheet.getRow(1).font = { bold: true };
  for (const row of rows) worksheet.addRow(row.map((cell) => cell ?? ''));
  worksheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  const buffer = await workbook.xlsx.writeBuffer();
  return { body: new Uint8Array(buffer), contentType: XLSX_TYPE, filename: `${name}.xlsx` };
}
