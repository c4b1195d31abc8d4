import { z } from 'zod';
import { DELIVERY_KINDS } from '@guanai/workflows/vocabulary';
import { exportResponses, ZExportFormat } from '../../openapi/file-export.ts';
import { json, route } from '../../openapi/router.ts';
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

/** The printed ledger takes the same filter (JSON) as the export. */
export const ZDeliveryLedgerQuerySchema = ZDeliveryExportQuerySchema.pick({ filter: true });

/** Yuan as an exact decimal string ("1234.50"): sums of money are never floats. */
const ZYuanText = z.string().regex(/^-?\d+\.\d{2}$/);

export const ZDeliveryLedgerRowSchema = z.object({
  id: z.uuid(),
  deliveredOn: z.iso.date(),
  caseId: z.uuid().nullable().meta({ description: 'Staff only: a partner does not see the case' }),
  caseNo: z.string(),
  personName: z.string(),
  personIdMasked: z
    .string()
    .nullable()
    .meta({ description: 'The identity number with its middle digits masked; null for a partner, who never sees it' }),
  townshipName: z.string().nullable(),
  communityName: z.string(),
  category: z.string(),
  categoryLabel: z.string(),
  resourceName: z.string(),
  providerName: z.string(),
  kind: z.enum(DELIVERY_KINDS),
  kindLabel: z.string(),
  description: z.string(),
  amount: ZYuanText.nullable().meta({ description: 'Yuan given, exact (money only)' }),
  quantity: z.string().nullable(),
  hours: z.string().nullable(),
  owningUnitName: z.string(),
});

export const ZDeliveryLedgerSchema = z
  .object({
    unit: z
      .object({ id: z.uuid(), name: z.string(), code: z.string() })
      .meta({ description: 'The unit the ledger is of: the filter’s unitId, else the caller’s own' }),
    month: z.string().nullable(),
    rows: z.array(ZDeliveryLedgerRowSchema),
    cases: z
      .array(
        z.object({
          caseNo: z.string(),
          personName: z.string(),
          deliveries: z.number().int(),
          amount: ZYuanText,
          hours: z.string(),
        }),
      )
      .meta({ description: 'Subtotals per case, in the order the cases first appear' }),
    total: z.object({ deliveries: z.number().int(), amount: ZYuanText, hours: z.string() }),
    printedAt: z.iso.datetime(),
    printedBy: z.string(),
  })
  .meta({ id: 'DeliveryLedger', description: '月度救助台账 A unit’s ledger of deliveries, with subtotals and total' });
export type TDeliveryLedger = z.infer<typeof ZDeliveryLedgerSchema>;

export const deliveryLedger = route({
  method: 'get',
  path: '/',
  tags: ['matches'],
  summary: '救助台账（打印） The delivery ledger as JSON, with subtotals per case and the total, for printing',
  description:
    'Who may export the ledger, with the same filter and rows (oldest first; identity numbers masked, a partner ' +
    'never sees one; no phone). Amounts are exact decimal strings in yuan, summed exactly per case and overall. ' +
    'At most 10,000 rows (more is a 422 naming the filter). Each read is written to the audit log ' +
    '(`delivery.print`) with its filter and size, as an export is.',
  request: { query: ZDeliveryLedgerQuerySchema },
  responses: { 200: json(ZDeliveryLedgerSchema, 'The ledger') },
});
