import { appendAudit, Prisma, type Db } from '@guanai/db';
import type { SessionUser } from '../../auth/session.ts';
import { AppError } from '../../errors/app-error.ts';
import type { TDeliveryFilter, TDeliveryLedger } from '../../routes/deliveries/deliveries.types.ts';
import { EXPORT_ROW_CAP } from '../exports/export-list.ts';
import { CATEGORY_LABELS, DELIVERY_KIND_LABELS, labelOf } from '../exports/labels.ts';
import { day } from './dates.ts';
import { deliveryLedgerInclude, deliveryLedgerOrder, deliveryLedgerWhere } from './delivery-ledger-where.ts';

const ZERO = new Prisma.Decimal(0);
const yuan = (d: Prisma.Decimal) => d.toFixed(2);
const decimal = (d: Prisma.Decimal | null) => (d === null ? null : d.toString());

/**
 * The monthly aid ledger (月度救助台账) to print: the export's rows (the same filter, jurisdiction and
 * order), with the money summed exactly (decimals, never floats) per case and overall. Identity numbers
 * are masked (a partner gets none) and phones left out: paper keeps only what the ledger needs. Each read
 * is audited as an export is (`delivery.print`); more rows than an export holds is a 422.
 */
export async function deliveryLedger({
  db,
  user,
  filter,
  now = new Date(),
}: {
  db: Db;
  user: SessionUser;
  filter: TDeliveryFilter;
  now?: Date;
}): Promise<TDeliveryLedger> {
  const where = await deliveryLedgerWhere({ db, user, filter });
  const total = await db.delivery.count({ where });
  if (total > EXPORT_ROW_CAP)
    throw new AppError('VALIDATION', {
      field: 'filter',
      reason: 'EXPORT_TOO_LARGE',
      message: `filter: the ledger holds ${total} rows, more than the ${EXPORT_ROW_CAP} a print may hold; narrow the filter`,
      extra: { rows: total, cap: EXPORT_ROW_CAP },
    });
  const [rows, asked] = await Promise.all([
    db.delivery.findMany({ where, include: deliveryLedgerInclude, orderBy: deliveryLedgerOrder, take: EXPORT_ROW_CAP }),
    filter.unitId
      ? db.orgUnit.findFirst({
          // Only a unit of my subtree is named (a partner: any, it sees only its own resources' rows).
          where: { id: filter.unitId, ...(user.role === 'PARTNER' ? {} : { path: { startsWith: user.orgUnit.path } }) },
          select: { id: true, name: true, code: true },
        })
      : null,
  ]);
  const partner = user.role === 'PARTNER';
  const cases = new Map<
    string,
    { caseNo: string; personName: string; deliveries: number; amount: Prisma.Decimal; hours: Prisma.Decimal }
  >();
  let amount = ZERO;
  let hours = ZERO;
  for (const d of rows) {
    const { caseNo, person } = d.match.case;
    const sub = cases.get(caseNo) ?? { caseNo, personName: person.name, deliveries: 0, amount: ZERO, hours: ZERO };
    sub.deliveries += 1;
    if (d.amount) sub.amount = sub.amount.plus(d.amount);
    if (d.hours) sub.hours = sub.hours.plus(d.hours);
    cases.set(caseNo, sub);
    if (d.amount) amount = amount.plus(d.amount);
    if (d.hours) hours = hours.plus(d.hours);
  }
  await appendAudit(db, {
    actorId: user.id,
    action: 'delivery.print',
    target: `org-unit:${asked?.id ?? user.orgUnit.id}`,
    detail: { filter, rows: rows.length },
  });
  const unit = asked ?? { id: user.orgUnit.id, name: user.orgUnit.name, code: user.orgUnit.code };
  return {
    unit,
    month: filter.month ?? null,
    rows: rows.map(({ match, ...d }) => ({
      id: d.id,
      deliveredOn: day(d.deliveredOn),
      caseId: partner ? null : match.case.id,
      caseNo: match.case.caseNo,
      personName: match.case.person.name,
      personIdMasked: partner ? null : match.case.person.idNumberMasked,
      townshipName: match.case.originUnit.parent?.name ?? null,
      communityName: match.case.originUnit.name,
      category: match.category,
      categoryLabel: labelOf(CATEGORY_LABELS, match.category),
      resourceName: match.resource.name,
      providerName: match.resource.provider.name,
      kind: d.kind,
      kindLabel: labelOf(DELIVERY_KIND_LABELS, d.kind),
      description: d.description,
      amount: d.amount === null ? null : yuan(d.amount),
      quantity: decimal(d.quantity),
      hours: decimal(d.hours),
      owningUnitName: match.case.owningUnit.name,
    })),
    cases: [...cases.values()].map((c) => ({ ...c, amount: yuan(c.amount), hours: c.hours.toString() })),
    total: { deliveries: rows.length, amount: yuan(amount), hours: hours.toString() },
    printedAt: now.toISOString(),
    printedBy: user.displayName,
  };
}
