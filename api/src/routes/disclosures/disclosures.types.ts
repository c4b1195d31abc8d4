import { z } from 'zod';
import { SNAPSHOT_KINDS } from '@guanai/workflows/vocabulary';
import { json, route } from '../../openapi/router.ts';

export const ZPeriodParams = z.object({
  period: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month YYYY-MM'),
});

export const ZPublishResultSchema = z
  .object({
    period: z.string(),
    version: z.number().int(),
    kind: z.enum([...SNAPSHOT_KINDS, 'UNCHANGED']).meta({ description: 'UNCHANGED: the ledger gave the same month' }),
    rows: z.number().int(),
    suppressed: z.number().int(),
  })
  .meta({
    id: 'PublishResult',
    description: '公开结果 What publishing a month did: a first version, a correction, or nothing new',
  });

export const publishDisclosure = route({
  method: 'post',
  path: '/{period}/publish',
  tags: ['disclosures'],
  summary: '发布月度公开 Publishes a month now',
  description:
    'Managers and admins of the city: the disclosure is one city-wide snapshot (§四(七)), published monthly by the schedule through the same workflow; only a month that has ended.',
  request: { params: ZPeriodParams },
  responses: { 200: json(ZPublishResultSchema, 'What was published') },
});
