import { maskName, maskPhone, type Db, type Prisma } from '@guanai/db';
import type { SessionUser } from '../../auth/session.ts';
import type { TMatchListFilter } from '../../routes/matches/matches.types.ts';
import { beijingTime, exportList } from '../exports/export-list.ts';
import { CATEGORY_LABELS, labelOf, MATCH_STATUS_LABELS, RESOURCE_KIND_LABELS } from '../exports/labels.ts';
import type { ExportColumn, ExportFile, ExportFormat } from '../exports/write-table.ts';
import { visibleMatches } from './find-visible-match.ts';

const YUAN = '#,##0.00';
const COLUMNS: ExportColumn[] = [
  { header: '对接时间', width: 18 },
  { header: '案件编号', width: 16 },
  { header: '求助人', width: 10 },
  { header: '联系电话', width: 14 },
  { header: '乡镇(街道)', width: 16 },
  { header: '村(社区)', width: 16 },
  { header: '需求类别', width: 10 },
  { header: '援助资源', width: 24 },
  { header: '资源类型', width: 12 },
  { header: '提供单位', width: 20 },
  { header: '名额', width: 6 },
  { header: '对接金额(元)', width: 14, numFmt: YUAN },
  { header: '已发放金额(元)', width: 14, numFmt: YUAN },
  { header: '状态', width: 8 },
  { header: '决定时间', width: 18 },
  { header: '拒绝/撤回原因', width: 24 },
];

/**
 * The match list as CSV (UTF-8 with BOM) or a workbook, with the list's filter, as the caller may see
 * it: staff the matches of cases they can see, a partner those of its own resources, the person's name
 * masked until it accepts (as in the list). Phones are masked; no identity number. Audited; capped.
 */
export async function exportMatches({
  db,
  user,
  filter,
  format,
  now = new Date(),
}: {
  db: Db;
  user: SessionUser;
  filter: TMatchListFilter;
  format: ExportFormat;
  now?: Date;
}): Promise<ExportFile> {
  const where: Prisma.MatchWhereInput = { AND: [visibleMatches(user), filter] };
  const partner = user.role === 'PARTNER';
  return exportList({
    db,
    user,
    list: 'match',
    filter,
    format,
    name: 'matches',
    sheet: '对接列表',
    columns: COLUMNS,
    now,
    count: () => db.match.count({ where }),
    read: (take) =>
      db.match.findMany({
        where,
        include: {
          resource: { select: { name: true, kind: true, provider: { select: { name: true } } } },
          deliveries: { select: { amount: true } },
          case: {
            select: {
              caseNo: true,
              originUnit: { select: { name: true, parent: { select: { name: true } } } },
              person: { select: { name: true, phone: true } },
            },
          },
        },
        orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
        take,
      }),
    cells: (row) => {
      const reveal = !partner || row.status === 'ACCEPTED';
      const given = row.deliveries.reduce((sum, d) => sum + Number(d.amount ?? 0), 0);
      return [
        beijingTime(row.createdAt),
        row.case.caseNo,
        reveal ? row.case.person.name : maskName(row.case.person.name),
        reveal && row.case.person.phone ? maskPhone(row.case.person.phone) : '',
        row.case.originUnit.parent?.name ?? '',
        row.case.originUnit.name,
        labelOf(CATEGORY_LABELS, row.category),
        row.resource.name,
        labelOf(RESOURCE_KIND_LABELS, row.resource.kind),
        row.resource.provider.name,
        row.places,
        Number(row.amount),
        Math.round(given * 100) / 100,
        labelOf(MATCH_STATUS_LABELS, row.status),
        row.decidedAt ? beijingTime(row.decidedAt) : '',
        row.declineReason ?? '',
      ];
    },
  });
}
