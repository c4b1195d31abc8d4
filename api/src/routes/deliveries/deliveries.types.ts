import { z } from 'zod';
import { DELIVERY_KINDS } from '@guanai/workflows/vocabulary';
import { exportResponses, ZExportFormat } from '../../openapi/file-export.ts';
import { route } from '../../openapi/router.ts';
import { listQuerySchema } from '../../validation.ts';
import { ZMatchFilterShape } from '../matches/matches.types.ts';

const date = z.iso.date('must be a date YYYY-MM-DD');

/**
 * The delivery ledger's filter (救助台账): the match list's filter, and which deliveries: a month
 * (the monthly ledger) or a range of days, a kind, the cases of a unit's subtree.
 */
export const ZDeliveryFilterSchema = z
  .object({
    ...ZMatchFilterShape,
    month: z
      .string()
      .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month YYYY-MM')
      .optional()
      .meta({ description: 'the deliveries given in this month' }),
    from: date.optional().meta({ description: 'given on or after this day' }),
    to: date.optional().meta({ description: 'given on or before this day' }),
    kind: z.enum(DELIVERY_KINDS).optional(),
    unitId: z
      .uuid('must be an org unit id (uuid)')
      .optional()
      .meta({ description: 'of the cases started in this unit or a unit below it' }),
  })
  .strict()
  .refine((f) => !(f.month && (f.from || f.to)), {
    path: ['month'],
    message: 'ask for a month or for from/to, not both',
  })
  .refine((f) => !f.from || !f.to || f.from <= f.to, { path: ['to'], message: 'must not be before from' });
export type TDeliveryFilter = z.infer<typeof ZDeliveryFilterSchema>;

/** The ledger is exported, not listed: the filter (JSON, as the lists take theirs) and a format. */
export const ZDeliveryExportQuerySchema = listQuerySchema(ZDeliveryFilterSchema, ['deliveredOn'] as const, [
  'deliveredOn',
  'ASC',
])
  .pick({ filter: true })
  .extend({ format: ZExportFormat });

export const exportDeliveries = route({
  method: 'get',
  path: '/export',
  tags: ['matches'],
  summary: '导出救助台账 The delivery ledger (what was given, when, to whom) as CSV or Excel',
  description:
    'Who may list the matches (a partner: its own resources’), one row per delivery, oldest first: date, case, ' +
    'person (identity number and phone masked; a partner never sees the number), township and community, need, ' +
    'resource and its provider, kind, what was given, amount in yuan, quantity, hours, and the case’s unit. CSV ' +
    '(UTF-8 with BOM, for Excel) or an .xlsx workbook, by `format` or Accept. At most 10,000 rows (more is a 422 ' +
    'naming the filter: narrow it, e.g. to a month). Written to the audit log with its filter and size.',
  request: { query: ZDeliveryExportQuerySchema },
  responses: exportResponses,
});
