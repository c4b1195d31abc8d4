import type { Kpis } from '@guanai/api/types';
import type { TranslateFunction } from 'react-admin';

/** The figures shown as cards, in the order of §四(八)'s evaluation table. */
export const KPI_KEYS = [
  'cases',
  'firstResponseHours',
  'slaCompliance',
  'escalationRate',
  'resolutionRate',
  'reopenRate',
  'costPerResolvedCase',
  'satisfaction',
  'supervisionScore',
] as const;
export type KpiKey = (typeof KPI_KEYS)[number];

const RATES = new Set<KpiKey>(['slaCompliance', 'escalationRate', 'resolutionRate', 'reopenRate']);
export const isRate = (key: KpiKey) => RATES.has(key);

const number = (value: number) => value.toLocaleString('zh-CN', { maximumFractionDigits: 2 });

/** A figure as people read it; null (nothing to measure this month) is "—". */
export function formatKpi(key: KpiKey, value: number | null | undefined, translate: TranslateFunction): string {
  if (value === null || value === undefined) return '—';
  if (isRate(key)) return `${(value * 100).toFixed(1)}%`;
  switch (key) {
    case 'firstResponseHours':
      return translate('guanai.evaluation.kpis.hours', { value: number(value) });
    case 'costPerResolvedCase':
      return `¥${number(value)}`;
    case 'satisfaction':
      return translate('guanai.evaluation.kpis.outOf5', { value: number(value) });
    default:
      return number(value);
  }
}

/** The small print under a figure: what it counts, with how many tasks or surveys it rests on. */
export const kpiHint = (key: KpiKey, kpis: Kpis, translate: TranslateFunction) =>
  translate(`guanai.evaluation.kpis.hints.${key}`, { n: key === 'satisfaction' ? kpis.surveys : kpis.tasksCompleted });

/** The number a chart plots: rates in percent, the rest as they are. */
export const chartValue = (key: KpiKey, value: number | null) =>
  value === null ? null : isRate(key) ? Math.round(value * 1000) / 10 : value;
