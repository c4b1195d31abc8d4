import { stringify } from 'csv-stringify/sync';
import type { Db } from '@guanai/db';
import type { DisclosedRow } from '@guanai/workflows';
import type { DeliveryKind, NeedCategory } from '@guanai/workflows/vocabulary';
import { findSnapshot } from './find-snapshot.ts';

const CATEGORY_ZH: Record<string, string> = {
  BASIC_LIVING: '基本生活',
  MEDICAL: '医疗',
  EDUCATION: '教育',
  HOUSING: '住房',
  EMPLOYMENT: '就业',
  CARE: '照护',
  PSYCHOLOGICAL: '心理',
  LEGAL: '法律',
  EMERGENCY: '急难',
  OTHER: '其他',
} satisfies Record<NeedCategory, string>;
const KIND_ZH: Record<string, string> = { MONEY: '资金', GOODS: '物资', SERVICE: '服务' } satisfies Record<
  DeliveryKind,
  string
>;

/** One month's rows as CSV (UTF-8 with BOM), as published, with a closing note on the rows withheld. */
export async function disclosureCsv({
  db,
  period,
  version,
}: {
  db: Db;
  period: string;
  version?: number | undefined;
}): Promise<{ csv: string; filename: string }> {
  const snapshot = await findSnapshot({ db, period, version });
  const rows = snapshot.rows as unknown as DisclosedRow[];
  const csv = stringify(
    rows.map((r) => [
      r.month,
      r.recipient,
      r.township,
      CATEGORY_ZH[r.category] ?? r.category,
      r.resource,
      KIND_ZH[r.kind] ?? r.kind,
      r.amount ?? '',
      r.hours ?? '',
      r.quantity ?? '',
    ]),
    {
      header: true,
      columns: [
        '月份',
        '受助人',
        '乡镇(街道)',
        '需求类别',
        '援助项目',
        '援助方式',
        '金额(元)',
        '服务时长(小时)',
        '数量',
      ],
    },
  );
  const note = `# 版本 ${snapshot.version} (${snapshot.kind}); 因人数少于 ${snapshot.threshold} 人未公开 ${snapshot.suppressed} 条\n`;
  return { csv: `\uFEFF${csv}${note}`, filename: `disclosure-${period}-v${snapshot.version}.csv` };
}
