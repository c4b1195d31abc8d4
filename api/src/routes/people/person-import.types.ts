import { z } from 'zod';
import { ImportStatus } from '@guanai/db';
import { json, route } from '../../openapi/router.ts';
import { XLSX_TYPE } from '../../domain/people/read-cells.ts';

export const ZPersonImportQuery = z.object({ dryRun: z.enum(['true', 'false']).default('true') }).strict();
export const ZPersonImportParams = z.object({ id: z.uuid('must be an import id (uuid)') });

export const ZImportProblemSchema = z
  .object({
    line: z.number().int().meta({ description: 'The line of the file (1: the header; 0: the file as a whole)' }),
    field: z.string().meta({ description: 'The column, by its Chinese header (e.g. 证件号码), or (row)/(file)' }),
    reason: z.string(),
  })
  .meta({ id: 'ImportProblem', description: '名册中的问题 A problem of a roster row' });

export const ZPersonImportSchema = z
  .object({
    id: z.uuid(),
    filename: z.string(),
    dryRun: z.boolean().meta({ description: 'Only checks the rows against the registry; registers nobody' }),
    status: z.enum(ImportStatus),
    total: z.number().int().meta({ description: 'Rows below the header' }),
    processed: z.number().int(),
    imported: z.number().int().meta({ description: 'Rows registered (or that would be, in a dry run)' }),
    skipped: z.number().int(),
    problems: z.array(ZImportProblemSchema),
    createdAt: z.iso.datetime(),
    finishedAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'PersonImport', description: '名册导入及其报告 A roster upload and its report' });

export type TPersonImport = z.infer<typeof ZPersonImportSchema>;

const roster = z.string().meta({ format: 'binary' });

export const startPersonImport = route({
  method: 'post',
  path: '/',
  tags: ['people'],
  summary: '导入人员名册 Uploads a roster of people (CSV or Excel) to register',
  description:
    'Station workers, caseworkers, supervisors, for people in their jurisdiction. The raw file is the body ' +
    '(at most 10 MB and 20,000 rows), its name percent-encoded in X-Filename. The header names the columns in ' +
    'Chinese or English (at least 姓名/name). Answers 202 at once; the import runs in the background (GET shows ' +
    'progress and the report). With dryRun=true (the default) the rows are only checked.',
  request: {
    query: ZPersonImportQuery,
    body: {
      required: true,
      content: { 'text/csv': { schema: roster }, [XLSX_TYPE]: { schema: roster } },
    },
  },
  responses: { 202: json(ZPersonImportSchema, 'Accepted; the import is running') },
});

export const getPersonImport = route({
  method: 'get',
  path: '/{id}',
  tags: ['people'],
  summary: '导入进度与报告 An import’s progress and report',
  description: 'Whoever may import, for imports made in their jurisdiction.',
  request: { params: ZPersonImportParams },
  responses: { 200: json(ZPersonImportSchema, 'The import') },
});
