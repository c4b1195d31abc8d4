import { z } from 'zod';
import { SNAPSHOT_KINDS } from '@guanai/workflows/vocabulary';
import { json, route } from '../../openapi/router.ts';
import { ZPeriodParams } from '../disclosures/disclosures.types.ts';

export const ZDisclosureVersionQuerySchema = z.object({ version: z.coerce.number().int().min(1).optional() }).strict();

const ZDisclosedRowSchema = z
  .object({
    recipient: z.string().meta({ description: 'Masked name' }),
    township: z.string(),
    category: z.string(),
    resource: z.string(),
    kind: z.string(),
    amount: z.number().nullable(),
    hours: z.number().nullable(),
    quantity: z.number().nullable(),
    month: z.string(),
  })
  .meta({ id: 'DisclosedRow', description: '公开明细 One aid given, anonymised' });

const ZProjectFiguresSchema = z
  .object({
    resourceId: z.string(),
    name: z.string(),
    raised: z.number(),
    disbursed: z.number(),
    balance: z.number(),
    helped: z.number().nullable().meta({ description: 'People helped; null when fewer than the threshold' }),
  })
  .meta({
    id: 'ProjectFigures',
    description: '项目收支 A project’s money raised, disbursed and left, as of the month’s end',
  });

const ZCorrectionSchema = z
  .object({
    campaign: z.string(),
    receiptNo: z.string().meta({ description: 'The receipt number of the donation corrected' }),
    kind: z.enum(['REFUND', 'REVERSAL']),
    amount: z.string().meta({ description: 'Yuan as a signed decimal string, e.g. "-100.00"' }),
    reason: z.string(),
    date: z.iso.date().meta({ description: 'The day it was recorded' }),
  })
  .meta({
    id: 'LedgerCorrection',
    description: '更正 A refund or reversal of a donation recorded in the month: a new ledger entry, not an edit',
  });

export const ZDisclosurePeriodSchema = z
  .object({
    period: z.string().meta({ description: 'YYYY-MM' }),
    versions: z.array(
      z.object({ version: z.number().int(), kind: z.enum(SNAPSHOT_KINDS), publishedAt: z.iso.datetime() }),
    ),
  })
  .meta({ id: 'DisclosurePeriod', description: '公开月份 A published month and its versions' });

export type TDisclosurePeriod = z.infer<typeof ZDisclosurePeriodSchema>;

export const ZDisclosureSchema = z
  .object({
    period: z.string(),
    version: z.number().int(),
    kind: z.enum(SNAPSHOT_KINDS),
    reason: z.string().nullable().meta({ description: 'Why a correction was published' }),
    publishedAt: z.iso.datetime(),
    hash: z.string().meta({ description: 'SHA-256 of the version, chained to the one before' }),
    threshold: z.number().int().meta({ description: 'Fewest recipients of a township, month and category shown' }),
    suppressed: z.number().int().meta({ description: 'Rows withheld below the threshold' }),
    rows: z.array(ZDisclosedRowSchema),
    projects: z.array(ZProjectFiguresSchema),
    corrections: z
      .array(ZCorrectionSchema)
      .optional()
      .meta({ description: 'Refunds and reversals of donations recorded in the month; absent when none' }),
    versions: z.array(
      z.object({
        version: z.number().int(),
        kind: z.enum(SNAPSHOT_KINDS),
        reason: z.string().nullable(),
        publishedAt: z.iso.datetime(),
        hash: z.string(),
        prevHash: z.string().nullable(),
      }),
    ),
  })
  .meta({ id: 'Disclosure', description: '过程信息公开 One published month, one version in full (§四(七))' });

export type TDisclosure = z.infer<typeof ZDisclosureSchema>;

export const listDisclosures = route({
  method: 'get',
  path: '/disclosures',
  tags: ['public'],
  summary: '信息公开 Every published month, with its versions',
  description: 'Without signing in (§四(七) 过程信息公开). Corrections appear as versions, never as edits.',
  responses: { 200: json(z.array(ZDisclosurePeriodSchema), 'The published months, newest first') },
});

export const getDisclosure = route({
  method: 'get',
  path: '/disclosures/{period}',
  tags: ['public'],
  summary: '月度公开 One month, as published',
  description: 'Without signing in: the latest version (or ?version=n) in full, and the list of its versions.',
  request: { params: ZPeriodParams, query: ZDisclosureVersionQuerySchema },
  responses: { 200: json(ZDisclosureSchema, 'The month') },
});

export const getDisclosureCsv = route({
  method: 'get',
  path: '/disclosures/{period}/csv',
  tags: ['public'],
  summary: '月度公开 CSV One month’s rows as CSV',
  description: 'Without signing in: UTF-8 with BOM, Chinese headers, a closing note on the rows withheld.',
  request: { params: ZPeriodParams, query: ZDisclosureVersionQuerySchema },
  responses: {
    200: { description: 'The rows, as published', content: { 'text/csv': { schema: z.string() } } },
  },
});
