import type { Context } from 'hono';
import { z } from 'zod';
import { CSV_TYPE, EXPORT_FORMATS, XLSX_TYPE, type ExportFile } from '../domain/exports/write-table.ts';

/** The `format` query of an export; without it, the Accept header decides (CSV unless it asks for the workbook). */
export const ZExportFormat = z
  .enum(EXPORT_FORMATS)
  .optional()
  .meta({ description: 'csv or xlsx; without it, Accept decides (text/csv, or the xlsx media type), else CSV' });

/** What an export answers: the file, as CSV or as a workbook (Content-Disposition: attachment). */
export const exportResponses = {
  200: {
    description: '文件 The file (Content-Disposition: attachment): CSV (UTF-8 with BOM) or an Excel workbook',
    content: {
      [CSV_TYPE]: { schema: z.string() },
      [XLSX_TYPE]: { schema: z.string().meta({ format: 'binary' }) },
    },
  },
} as const;

/** The export's file as the answer. */
export const sendExport = (c: Context, file: ExportFile) =>
  c.body(file.body, 200, {
    'Content-Type': file.contentType,
    'Content-Disposition': `attachment; filename="${file.filename}"`,
  });
