import { maskPhone, type Db } from '@guanai/db';
import type { CaseFlag } from '@guanai/workflows/vocabulary';
import type { SessionUser } from '../../auth/session.ts';
import type { TCaseListFilter } from '../../routes/cases/cases.types.ts';
import { beijingTime, exportList } from '../exports/export-list.ts';
import {
  CASE_STATE_LABELS,
  CASE_STATUS_LABELS,
  CLOSURE_REASON_LABELS,
  labelOf,
  ORIGIN_LABELS,
} from '../exports/labels.ts';
import type { ExportColumn, ExportFile, ExportFormat } from '../exports/write-table.ts';
import { CASE_FLAG_LABELS } from '@guanai/workflows/labels';
import { caseListWhere } from './case-list-where.ts';

const COLUMNS: ExportColumn[] = [
  { header: '案件编号', width: 16 },
  { header: '求助人', width: 10 },
  { header: '证件号码', width: 22 },
  { header: '联系电话', width: 14 },
  { header: '所在村(社区)', width: 18 },
  { header: '承办单位', width: 20 },
  { header: '来源', width: 10 },
  { header: '当前环节', width: 14 },
  { header: '状态', width: 8 },
  { header: '急难', width: 6 },
  { header: '标记', width: 16 },
  { header: '立案时间', width: 18 },
  { header: '最近更新', width: 18 },
  { header: '结案原因', width: 12 },
];

/**
 * The case list as CSV (UTF-8 with BOM) or a workbook, with the list's filter and sort, inside the
 * user's jurisdiction. Identity numbers and phones are masked (never the full number). A sensitive
 * read: written to the audit log with its filter and size; more rows than an export holds is a 422.
 */
export async function exportCases({
  db,
  user,
  filter,
  sort,
  format,
  now = new Date(),
}: {
  db: Db;
  user: SessionUser;
  filter: TCaseListFilter;
  sort: [string, 'ASC' | 'DESC'];
  format: ExportFormat;
  now?: Date;
}): Promise<ExportFile> {
  const where = await caseListWhere(db, user, filter);
  return exportList({
    db,
    user,
    list: 'case',
    filter,
    detail: { sort },
    format,
    name: 'cases',
    sheet: '案件列表',
    columns: COLUMNS,
    now,
    count: () => db.case.count({ where }),
    read: (take) =>
      db.case.findMany({
        where,
        include: {
          person: { select: { name: true, idNumberMasked: true, phone: true } },
          owningUnit: { select: { name: true } },
          originUnit: { select: { name: true } },
        },
        orderBy: [{ [sort[0]]: sort[1].toLowerCase() }, { id: 'asc' }],
        take,
      }),
    cells: (row) => [
      row.caseNo,
      row.person.name,
      row.person.idNumberMasked ?? '',
      row.person.phone ? maskPhone(row.person.phone) : '',
      row.originUnit.name,
      row.owningUnit.name,
      labelOf(ORIGIN_LABELS, row.origin),
      labelOf(CASE_STATE_LABELS, row.state),
      labelOf(CASE_STATUS_LABELS, row.status),
      row.emergency ? '是' : '',
      (row.flags as { flag: CaseFlag }[] | null)?.map((f) => CASE_FLAG_LABELS[f.flag] ?? f.flag).join('；') ?? '',
      beijingTime(row.createdAt),
      beijingTime(row.updatedAt),
      labelOf(CLOSURE_REASON_LABELS, row.closureReason),
    ],
  });
}
