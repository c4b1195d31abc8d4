import { maskPhone, type Db, type Prisma } from '@guanai/db';
import type { SessionUser } from '../../auth/session.ts';
import type { TDeliveryFilter } from '../../routes/deliveries/deliveries.types.ts';
import { beijingTime, exportList } from '../exports/export-list.ts';
import { CATEGORY_LABELS, DELIVERY_KIND_LABELS, labelOf, RESOURCE_KIND_LABELS } from '../exports/labels.ts';
import type { ExportColumn, ExportFile, ExportFormat } from '../exports/write-table.ts';
import { day } from './dates.ts';
import { visibleMatches } from './find-visible-match.ts';

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

/** The first day of the month after `month` (YYYY-MM), as a DATE column compares. */
function nextMonth(month: string): Date {
  const [year, mon] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(year, mon, 1));
}

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
  const { month, from, to, kind, unitId, ...matchFilter } = filter;
  // A unit unknown (or outside my subtree, which visibleMatches already leaves out) leaves nothing.
  const unitPath = unitId
    ? ((await db.orgUnit.findUnique({ where: { id: unitId }, select: { path: true } }))?.path ?? null)
    : undefined;
  const days: Prisma.DateTimeFilter | undefined = month
    ? { gte: new Date(`${month}-01`), lt: nextMonth(month) }
    : from || to
      ? { ...(from ? { gte: new Date(from) } : {}), ...(to ? { lte: new Date(to) } : {}) }
      : undefined;
  const where: Prisma.DeliveryWhereInput = {
    match: {
      AND: [
        visibleMatches(user),
        matchFilter,
        unitPath === undefined
          ? {}
          : unitPath === null
            ? { id: { in: [] } }
            : { case: { originUnit: { path: { startsWith: unitPath } } } },
      ],
    },
    ...(days ? { deliveredOn: days } : {}),
    ...(kind ? { kind } : {}),
  };
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
        include: {
          match: {
            select: {
              category: true,
              resource: { select: { name: true, kind: true, provider: { select: { name: true } } } },
              case: {
                select: {
                  caseNo: true,
                  owningUnit: { select: { name: true } },
                  originUnit: { select: { name: true, parent: { select: { name: true } } } },
                  person: { select: { name: true, phone: true, idNumberMasked: true } },
                },
              },
            },
          },
        },
        orderBy: [{ deliveredOn: 'asc' }, { createdAt: 'asc' }, { id: 'asc' }],
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
