import { Prisma, type Db } from '@guanai/db';
import type { SessionUser } from '../../auth/session.ts';
import { AppError, notFound } from '../../errors/app-error.ts';
import { assertKeepsResource } from './assert-keeps-resource.ts';
import { findVisibleResource } from './visible-resources.ts';
import { beijingDate, dateColumn } from '../beijing-date.ts';

/**
 * The reason is published with the month's disclosure: it may not name a person — no identity or phone
 * number, and for a campaign directed to a case, not the person's name or phone.
 */
async function assertPublishable(db: Db, reason: string, caseId: string | null) {
  const compact = reason.replace(/\s/g, '');
  const person = caseId
    ? (await db.case.findUnique({ where: { id: caseId }, select: { person: { select: { name: true, phone: true } } } }))
        ?.person
    : null;
  const names =
    /\d{17}[\dX]|1\d{10}/i.test(compact) ||
    (person && person.name.length >= 2 && compact.includes(person.name)) ||
    (person?.phone && compact.includes(person.phone));
  if (names)
    throw new AppError('VALIDATION', {
      message:
        'is published with the monthly disclosure: it must not name the beneficiary or hold an identity or phone number',
      field: 'reason',
    });
}

/**
 * §四(三) 募捐, §四(七): corrects a donation by a new ledger entry, never an edit (the table refuses
 * UPDATE and DELETE). A REFUND (退款) gives part or all of what remains of the donation back to the
 * donor; a REVERSAL (冲正) takes out the whole remaining amount of an entry made in error, once. Either
 * is dated the day it is recorded, so a month already disclosed stays as published and the month of
 * the correction lists it. The campaign's budget shrinks by it in the same transaction, never below
 * what matches hold (409 BELOW_RESERVED). By the campaign's partner, or an admin or manager of its
 * coverage; `id` is the entry's (from the Idempotency-Key), so a retried request records it once.
 */
export async function reverseDonation({
  db,
  user,
  donationId,
  id,
  kind,
  amount,
  reason,
}: {
  db: Db;
  user: SessionUser;
  donationId: string;
  id: string;
  kind: 'REFUND' | 'REVERSAL';
  /** A refund's amount in yuan; a reversal takes what remains. */
  amount?: number | undefined;
  reason: string;
}): Promise<{ id: string; amount: string }> {
  const original = await db.donation.findUnique({ where: { id: donationId } });
  if (!original) throw notFound('donation');
  const row = await findVisibleResource({ db, user, id: original.resourceId });
  if (user.role === 'PARTNER' && row.providerId !== user.partnerId) throw notFound('donation');
  if (user.role !== 'PARTNER') assertKeepsResource(user, row);
  if (original.kind !== 'DONATION')
    throw new AppError('CONFLICT', {
      message: 'a refund or reversal is itself corrected by no further entry: correct the donation',
      reason: 'NOT_A_DONATION',
    });
  await assertPublishable(db, reason, row.beneficiaryCaseId);
  const recorded = await db.donation.findUnique({ where: { id }, select: { amount: true, reversesId: true } });
  if (recorded) {
    if (recorded.reversesId !== donationId)
      throw new AppError('CONFLICT', {
        message: 'this Idempotency-Key was used for another entry',
        reason: 'KEY_REUSED',
      });
    return { id, amount: recorded.amount.toFixed(2) };
  }
  return db.$transaction(async (tx) => {
    // One correction of a campaign at a time: the campaign's row is locked until this one commits.
    await tx.$queryRaw`SELECT id FROM resource WHERE id = ${row.id}::uuid FOR UPDATE`;
    const [state] = await tx.$queryRaw<{ remaining: string; reversed: boolean }[]>`
      SELECT (${original.amount.toFixed(2)}::numeric + COALESCE(SUM(amount), 0))::numeric(14, 2)::text AS remaining,
             COALESCE(bool_or(kind = 'REVERSAL'), false) AS reversed
      FROM donation WHERE reverses_id = ${donationId}::uuid`;
    const remaining = new Prisma.Decimal(state!.remaining);
    if (state!.reversed || remaining.lte(0))
      throw new AppError('CONFLICT', {
        message: state!.reversed ? 'the donation is already reversed' : 'nothing of the donation remains to return',
        reason: 'NOTHING_REMAINS',
      });
    const take = kind === 'REVERSAL' ? remaining : new Prisma.Decimal(amount!);
    if (take.gt(remaining))
      throw new AppError('VALIDATION', {
        message: `only ¥${remaining.toFixed(2)} of the donation remains to refund`,
        field: 'amount',
      });
    const lowered = await tx.$executeRaw`
      UPDATE resource SET budget = COALESCE(budget, 0) - ${take.toFixed(2)}::numeric
      WHERE id = ${row.id}::uuid AND COALESCE(budget, 0) - ${take.toFixed(2)}::numeric >= reserved_amount`;
    if (lowered === 0)
      throw new AppError('CONFLICT', {
        message: `the campaign has promised ¥${Number(row.reservedAmount).toFixed(2)} to matches: it cannot give back ¥${take.toFixed(2)} of it`,
        reason: 'BELOW_RESERVED',
      });
    await tx.donation.create({
      data: {
        id,
        kind,
        resourceId: row.id,
        donorName: original.donorName,
        amount: take.negated(),
        receivedOn: dateColumn(beijingDate(new Date())), // today in Beijing: the day the correction is entered
        reversesId: donationId,
        reason,
        createdById: user.id,
      },
    });
    return { id, amount: take.negated().toFixed(2) };
  });
}
