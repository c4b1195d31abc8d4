import { z } from 'zod';
import { json, route } from '../../openapi/router.ts';

export const ZSupervisionScoreBodySchema = z
  .object({
    period: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month YYYY-MM'),
    unitId: z.uuid().optional(),
    resourceId: z.uuid().optional(),
    score: z.number().min(0).max(100),
    comment: z.string().trim().max(2000).optional(),
  })
  .strict()
  .refine((s) => (s.unitId === undefined) !== (s.resourceId === undefined), {
    path: ['unitId'],
    message: 'score either a center (unitId) or a purchased-service contract (resourceId)',
  });

export type TSupervisionScoreBody = z.infer<typeof ZSupervisionScoreBodySchema>;

export const addSupervisionScore = route({
  method: 'post',
  path: '/',
  tags: ['supervision-scores'],
  summary: '督导评分 Scores a center or a purchased-service contract for a month',
  description:
    'Managers (the administering department), in their jurisdiction, once a month per center or contract (409 ALREADY_SCORED); §四(八) 绩效综合评价.',
  request: { body: { required: true, content: { 'application/json': { schema: ZSupervisionScoreBodySchema } } } },
  responses: { 201: json(z.object({ id: z.uuid() }), 'The score’s id') },
});
