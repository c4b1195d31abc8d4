import { stringify } from 'csv-stringify/sync';
import type { Db } from '@guanai/db';
import type { SessionUser } from '../../auth/session.ts';
import { AppError } from '../../errors/app-error.ts';
import type { Kpis } from './compute-kpis.ts';
import { kpiTrend } from './kpi-trend.ts';
import { monthsBetween } from './months-between.ts';

const KPI_COLUMNS: [keyof Kpis, string][] = [
  ['period', '月份'],
  ['cases', '新增个案'],
  ['firstResponseHours', '首次响应(小时,中位数)'],
  ['slaCompliance', '时限达标率'],
  ['tasksCompleted', '完成任务'],
  ['escalationRate', '上报率'],
  ['resolutionRate', '解决率'],
  ['reopenRate', '重新开案率'],
  ['costPerResolvedCase', '每解决个案资金(元)'],
  ['satisfaction', '满意度(1-5)'],
  ['surveys', '评价份数'],
  ['supervisionScore', '督导评分'],
];

/** One center's trend as CSV (UTF-8 with BOM): a row per month, at most 36. */
export async function kpiTrendCsv({
  db,
  user,
  unitId,
  from,
  to,
}: {
  db: Db;
  user: SessionUser;
  unitId: string | undefined;
  from: string;
  to: string;
}): Promise<string> {
  if (from > to || monthsBetween(from, to).length > 36)
    throw new AppError('VALIDATION', { message: 'from must not be after to, at most 36 months', field: 'from' });
  const { unit, months } = await kpiTrend({ db, user, unitId, from, to });
  const csv = stringify(
    months.map((k) => [unit.name, ...KPI_COLUMNS.map(([key]) => k[key] ?? '')]),
    { header: true, columns: ['中心', ...KPI_COLUMNS.map(([, label]) => label)] },
  );
  return `\uFEFF${csv}`;
}
