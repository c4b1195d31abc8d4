import { stringify } from 'csv-stringify/sync';
import { appendAudit, maskPhone, type Db, type IdentityKeys } from '@guanai/db';
import type { SessionUser } from '../../auth/session.ts';
import type { TPersonListFilter } from '../../routes/people/people.types.ts';
import { peopleWhere } from './people-where.ts';
import { personInclude } from './person-dto.ts';

const EXPORT_LIMIT = 50_000;

const COLUMNS = [
  '姓名',
  '性别',
  '出生日期',
  '证件类型',
  '证件号码',
  '电话',
  '住址',
  '户籍',
  '社区',
  '户编号',
  '与户主关系',
  '标签',
];

/**
 * The registry list as CSV (UTF-8 with BOM, for Excel), identity numbers and phones masked. An
 * export is a sensitive read: it goes into the audit log with its filter and size.
 */
export async function exportPeople({
  db,
  keys,
  user,
  filter,
}: {
  db: Db;
  keys: IdentityKeys;
  user: SessionUser;
  filter: TPersonListFilter;
}): Promise<{ csv: string; filename: string }> {
  const rows = await db.person.findMany({
    where: peopleWhere(user, keys, filter),
    include: { ...personInclude, household: { select: { id: true } } },
    orderBy: [{ communityId: 'asc' }, { householdId: 'asc' }, { name: 'asc' }],
    take: EXPORT_LIMIT,
  });
  await appendAudit(db, {
    actorId: user.id,
    action: 'person.export',
    target: `org-unit:${user.orgUnit.id}`,
    detail: { filter, rows: rows.length },
  });
  const csv = stringify(
    rows.map((row) => [
      row.name,
      row.sex ?? '',
      row.birthDate?.toISOString().slice(0, 10) ?? '',
      row.idType ?? '',
      row.idNumberMasked ?? '',
      row.phone ? maskPhone(row.phone) : '',
      row.address ?? '',
      row.hukou,
      row.community.name,
      row.householdId?.slice(0, 8) ?? '',
      row.relation ?? '',
      row.tags.join(';'),
    ]),
    { header: true, columns: COLUMNS },
  );
  return { csv: `\uFEFF${csv}`, filename: `people-${user.orgUnit.code}.csv` };
}
