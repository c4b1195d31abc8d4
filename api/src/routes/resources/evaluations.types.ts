import { z } from 'zod';
import { json, route } from '../../openapi/router.ts';
import { ZCreatedSchema, ZYuan } from './resources.types.ts';

export const ZMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month YYYY-MM');

export const ZEvaluatedResourceParams = z.object({ id: z.uuid() });

export const ZSelfReportBodySchema = z
  .object({
    period: ZMonth,
    served: z.number().int().min(0).max(1_000_000),
    hours: z.number().min(0).max(1e7).optional(),
    spent: ZYuan.optional(),
    narrative: z.string().trim().min(10, 'at least 10 characters').max(4000),
    score: z.number().min(0).max(100),
  })
  .strict();

export type TSelfReportBody = z.infer<typeof ZSelfReportBodySchema>;

export const ZSelfReportSchema = z
  .object({
    id: z.uuid(),
    period: z.string().meta({ description: 'YYYY-MM' }),
    served: z.number().int(),
    hours: z.number().nullable(),
    spent: z.number().nullable().meta({ description: 'Yuan' }),
    narrative: z.string(),
    score: z.number().meta({ description: 'The organisation’s own score, 0–100' }),
  })
  .meta({ id: 'SelfReport', description: '自评报告 A partner’s self-report on a resource for a month' });

export const ZSupervisionSchema = z
  .object({
    id: z.uuid(),
    period: z.string().meta({ description: 'YYYY-MM' }),
    score: z.number().meta({ description: '0–100' }),
    comment: z.string().nullable(),
  })
  .meta({ id: 'SupervisionScore', description: '督导评分 A supervision score given by the administering department' });

export const ZResourceEvaluationsSchema = z
  .object({ selfReports: z.array(ZSelfReportSchema), supervision: z.array(ZSupervisionSchema) })
  .meta({
    id: 'ResourceEvaluations',
    description: '资源评价 What a resource’s organisation reports and what the department found, newest month first',
  });

export type TResourceEvaluations = z.infer<typeof ZResourceEvaluationsSchema>;

export const addSelfReport = route({
  method: 'post',
  path: '/{id}/self-reports',
  tags: ['resources'],
  summary: '提交自评 A partner’s self-report on one of its resources',
  description: 'Partners, on their own resources, once a month (409 ALREADY_REPORTED); §四(八) 绩效综合评价.',
  request: {
    params: ZEvaluatedResourceParams,
    body: { required: true, content: { 'application/json': { schema: ZSelfReportBodySchema } } },
  },
  responses: { 201: json(ZCreatedSchema, 'The self-report’s id') },
});

export const getResourceEvaluations = route({
  method: 'get',
  path: '/{id}/evaluations',
  tags: ['resources'],
  summary: '资源评价 A resource’s self-reports and supervision scores',
  description: 'Supervisors, managers and admins over its coverage (§四(八)).',
  request: { params: ZEvaluatedResourceParams },
  responses: { 200: json(ZResourceEvaluationsSchema, 'The self-reports and supervision scores') },
});
