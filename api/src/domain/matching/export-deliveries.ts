import { maskPhone, type Db } from '@guanai/db';
import type { SessionUser } from '../../auth/session.ts';
import type { TDeliveryFilter } from '../../routes/deliveries/deliveries.types.ts';
import { beijingTime, exportList } from '../exports/export-list.ts';
import { CATEGORY_LABELS, DELIVERY_KIND_LABELS, labelOf, RESOURCE_KIND_LABELS } from '../exports/labels.ts';
import type { ExportColumn, ExportFile, ExportFormat } from '../exports/write-table.ts';
import { day } from './dates.ts';
import { deliveryLedgerInclude, deliveryLedgerOrder, deliveryLedgerWhere } from './delivery-ledger-where.ts';

const COLUMNS: ExportColumn[] = [
  { header: '发放日期', width: 12 },
  { header: '案件编号', width: 16 },
  { header: '受助人', width: 10 },
  { header: '证件号码', width: 22 },
  { header: '联系电话', width: 14 },
  { header: '乡镇(街道)', width: 16 },
  { header: '村(社区)', width: 16 },
  { header: '需求类别', width: 10 },
  { header: '援助资源', width: 24 },
  { header: '资源类型', width: 12 },
  { header: '提供单位', width: 20 },
  { header: '发放方式', width: 8 },
  { header: '发放内容', width: 28 },
  { header: '金额(元)', width: 12, numFmt: '#,##0.00' },
  { header: '数量', width: 8 },
  { header: '服务时长(小时)', width: 12 },
  { header: '承办单位', width: 20 },
  { header: '登记时间', width: 18 },
];

/**
 * The delivery ledger (救助台账) as CSV (UTF-8 with BOM) or a workbook: one row per delivery, oldest
 * first, of the matches the caller may see (staff: of the cases they can see; a partner: of its own
 * resources), narrowed by the match filter, a month or range of days, a kind, a unit's subtree.
 * Identity numbers (staff only) and phones are masked. Audited; capped.
 */
export async function exportDeliveries({
  db,
  user,
  filter,
  format,
  now = new Date(),
}: {
  db: Db;
  user: SessionUser;
  filter: TDeliveryFilter;
  format: ExportFormat;
  now?: Date;
}): Promise<ExportFile> {
  const { month } = filter;
  const where = await deliveryLedgerWhere({ db, user, filter });
  const partner = user.role === 'PARTNER';
  return exportList({
    db,
    user,
    list: 'delivery',
    filter,
    format,
    name: month ? `deliveries-${month}` : 'deliveries',
    sheet: month ? `救助台账${month}` : '救助台账',
    columns: COLUMNS,
    now,
    count: () => db.delivery.count({ where }),
    read: (take) =>
      db.delivery.findMany({
        where,
        include: deliveryLedgerInclude,
        orderBy: deliveryLedgerOrder,
        take,
      }),
    cells: ({ match, ...d }) => [
      day(d.deliveredOn),
      match.case.caseNo,
      match.case.person.name,
      partner ? '' : (match.case.person.idNumberMasked ?? ''),
      match.case.person.phone ? maskPhone(match.case.person.phone) : '',
      match.case.originUnit.parent?.name ?? '',
      match.case.originUnit.name,
      labelOf(CATEGORY_LABELS, match.category),
      match.resource.name,
      labelOf(RESOURCE_KIND_LABELS, match.resource.kind),
      match.resource.provider.name,
      labelOf(DELIVERY_KIND_LABELS, d.kind),
      d.description,
      d.amount === null ? null : Number(d.amount),
      d.quantity === null ? null : Number(d.quantity),
      d.hours === null ? null : Number(d.hours),
      match.case.owningUnit.name,
      beijingTime(d.createdAt),
    ],
  });
}
