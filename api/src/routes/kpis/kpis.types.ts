import { z } from 'zod';
import { ORG_LEVELS } from '@guanai/workflows/vocabulary';
import type { Kpis } from '../../domain/kpis/compute-kpis.ts';
import { monthsBetween } from '../../domain/kpis/months-between.ts';
import { json, route } from '../../openapi/router.ts';

const ZMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month YYYY-MM');

export const ZKpiQuerySchema = z
  .object({ unitId: z.uuid('must be an org unit id').optional(), period: ZMonth })
  .strict();

export const ZKpiTrendQuerySchema = z
  .object({ unitId: z.uuid('must be an org unit id').optional(), from: ZMonth, to: ZMonth })
  .strict()
  .refine((q) => q.from <= q.to, { path: ['to'], message: 'must not be before from' })
  .refine((q) => monthsBetween(q.from, q.to).length <= 36, { path: ['from'], message: 'at most 36 months' });

/** The export checks the range itself (a 422 on `from`), as it always has. */
export const ZKpiExportQuerySchema = z.object({ unitId: z.uuid().optional(), from: ZMonth, to: ZMonth }).strict();

const share = z.number().nullable();

/** 绩效综合评价 (§四(八)): one center's figures for a month (domain/kpis/compute-kpis.ts says how each is counted). */
export const ZKpisSchema = z
  .object({
    period: z.string().meta({ description: 'YYYY-MM, a Beijing month' }),
    cases: z.number().int().meta({ description: 'Cases opened in the month in the center’s subtree' }),
    firstResponseHours: z.number().nullable().meta({ description: 'Median hours from opening to screening' }),
    slaCompliance: share.meta({ description: 'Share of the center’s tasks completed on time' }),
    tasksCompleted: z.number().int(),
    escalationRate: share,
    resolutionRate: share,
    reopenRate: share,
    costPerResolvedCase: z.number().nullable().meta({ description: 'Yuan given per resolved case' }),
    satisfaction: z.number().nullable().meta({ description: 'Mean survey score, 1–5' }),
    surveys: z.number().int(),
    supervisionScore: z.number().nullable().meta({ description: 'Mean supervision score, 0–100' }),
  })
  .meta({ id: 'Kpis', description: '绩效指标 A center’s KPIs for a month' }) satisfies z.ZodType<Kpis>;

export const ZKpiUnitSchema = z
  .object({ id: z.uuid(), name: z.string(), level: z.enum(ORG_LEVELS), path: z.string() })
  .meta({ id: 'KpiUnit', description: '中心 The center the figures are of' });

export type TKpiUnit = z.infer<typeof ZKpiUnitSchema>;

export const ZUnitKpisSchema = ZKpisSchema.extend({ unit: ZKpiUnitSchema }).meta({
  id: 'UnitKpis',
  description: '中心绩效 A center and its KPIs for a month',
});

export type TUnitKpis = z.infer<typeof ZUnitKpisSchema>;

export const ZKpiTrendSchema = z
  .object({ unit: ZKpiUnitSchema, months: z.array(ZKpisSchema) })
  .meta({ id: 'KpiTrend', description: '绩效趋势 A center month by month' });

export type TKpiTrend = z.infer<typeof ZKpiTrendSchema>;

export const getKpis = route({
  method: 'get',
  path: '/',
  tags: ['kpis'],
  summary: '绩效指标 One center’s KPIs for a month',
  description: 'Supervisors and managers: their own center by default, or one in their jurisdiction (§四(八)).',
  request: { query: ZKpiQuerySchema },
  responses: { 200: json(ZUnitKpisSchema, 'The center and its KPIs') },
});

export const compareKpis = route({
  method: 'get',
  path: '/compare',
  tags: ['kpis'],
  summary: '绩效对比 A center and the centers below it, side by side',
  description: 'Supervisors and managers: a district’s townships, the city’s districts, for a month (§四(八)).',
  request: { query: ZKpiQuerySchema },
  responses: { 200: json(z.array(ZUnitKpisSchema), 'The center first, then the centers below it') },
});

export const getKpiTrend = route({
  method: 'get',
  path: '/trend',
  tags: ['kpis'],
  summary: '绩效趋势 One center month by month',
  description: 'Supervisors and managers: at most 36 months.',
  request: { query: ZKpiTrendQuerySchema },
  responses: { 200: json(ZKpiTrendSchema, 'The center and its months') },
});

export const exportKpis = route({
  method: 'get',
  path: '/export',
  tags: ['kpis'],
  summary: '导出绩效 The trend as CSV',
  description: 'Supervisors and managers: UTF-8 with BOM, Chinese headers; at most 36 months.',
  request: { query: ZKpiExportQuerySchema },
  responses: { 200: { description: 'One row per month', content: { 'text/csv': { schema: z.string() } } } },
});
