import { parse } from 'csv-parse/sync';
import { readSheet } from 'read-excel-file/node';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A cell as read from a CSV (text) or an Excel sheet. */
export type Cell = string | number | boolean | Date | null | undefined;

/** The cells of a CSV (UTF-8, BOM or not) or of an Excel workbook's first sheet. */
export async function readCells(body: Uint8Array, contentType: string): Promise<Cell[][]> {
  if (contentType === XLSX_TYPE) return (await readSheet(Buffer.from(body))) as Cell[][];
  return parse(Buffer.from(body).toString('utf8'), {
    bom: true,
    relaxColumnCount: true,
    skipEmptyLines: true,
    trim: true,
  }) as string[][];
}
