import type { Db } from '@guanai/db';
import { AppError } from '../../errors/app-error.ts';

/**
 * Matching and delivery are done only through the catalogue: a MATCH task takes the case's accepted
 * matches, a DELIVER task the delivery ledger, so the case's record says what the ledger says. Rows
 * typed in by hand are refused: they passed no eligibility or capacity check, and a delivery that is
 * not in the ledger reaches neither the disclosure (§四(七)) nor the KPIs' cost figures (§四(八)).
 */
export async function withLedger(db: Db, kind: string, caseId: string, form: unknown): Promise<unknown> {
  const given = (form ?? {}) as Record<string, unknown>;
  if (kind === 'MATCH' && given.matches !== undefined) {
    throw new AppError('VALIDATION', {
      message:
        'matches are not typed in: the task takes the case’s accepted matches (propose resources and let the partner accept)',
      field: 'form.matches',
    });
  }
  if (kind === 'DELIVER' && given.items !== undefined) {
    throw new AppError('VALIDATION', {
      message:
        'deliveries are not typed in: the task takes the delivery ledger (record what was given on the accepted matches)',
      field: 'form.items',
    });
  }
  if (kind === 'MATCH') {
    const accepted = await db.match.findMany({
      where: { caseId, status: 'ACCEPTED' },
      include: { resource: { select: { name: true, provider: { select: { name: true } } } } },
      orderBy: { createdAt: 'asc' },
    });
    if (accepted.length === 0)
      throw new AppError('VALIDATION', {
        message: 'no match has been accepted yet: propose resources and wait for a partner to accept',
        field: 'form.matches',
      });
    return {
      ...given,
      matches: accepted.map((m) => ({
        category: m.category,
        resource: m.resource.name,
        provider: m.resource.provider.name,
      })),
    };
  }
  if (kind === 'DELIVER') {
    const deliveries = await db.delivery.findMany({
      where: { match: { caseId, status: 'ACCEPTED' } },
      include: { match: { select: { resource: { select: { name: true } } } } },
      orderBy: { deliveredOn: 'asc' },
    });
    if (deliveries.length === 0)
      throw new AppError('VALIDATION', {
        message: 'nothing has been recorded as delivered yet: record deliveries on the matches',
        field: 'form.items',
      });
    const unit = (d: (typeof deliveries)[number]) =>
      d.kind === 'MONEY' ? '元' : d.kind === 'SERVICE' ? '小时' : undefined;
    const amount = (d: (typeof deliveries)[number]) => {
      const value = d.kind === 'MONEY' ? d.amount : d.kind === 'SERVICE' ? d.hours : d.quantity;
      return value === null ? NaN : Number(value);
    };
    return {
      ...given,
      items: deliveries.slice(0, 50).map((d) => ({
        what: `${d.match.resource.name}：${d.description}`.slice(0, 200),
        ...(Number.isFinite(amount(d)) ? { amount: amount(d) } : {}),
        ...(unit(d) ? { unit: unit(d) } : {}),
      })),
    };
  }
  return form;
}
