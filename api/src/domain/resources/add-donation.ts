import type { Db } from '@guanai/db';
import type { SessionUser } from '../../auth/session.ts';
import { AppError, notFound } from '../../errors/app-error.ts';
import type { TDonationBody } from '../../routes/resources/resources.types.ts';
import { assertKeepsResource } from './assert-keeps-resource.ts';
import { issueReceiptNo } from './issue-receipt-no.ts';
import { findVisibleResource } from './visible-resources.ts';

/**
 * Records a donation to a published fundraising campaign (not a draft, a paused or a closed one), by
 * the campaign's own partner or an admin or manager of its coverage; the campaign's budget grows by
 * it in the same transaction, and the donation takes the year's next receipt number (捐赠收据号) in it.
 * `id` is the donation's (derived from the Idempotency-Key when there is one): a retried request finds
 * it recorded and records it once, with the same receipt number.
 */
export async function addDonation({
  db,
  user,
  resourceId,
  id,
  body,
}: {
  db: Db;
  user: SessionUser;
  resourceId: string;
  id: string;
  body: TDonationBody;
}): Promise<{ id: string; receiptNo: string }> {
  const row = await findVisibleResource({ db, user, id: resourceId });
  if (row.kind !== 'FUNDRAISING')
    throw new AppError('CONFLICT', {
      message: 'only fundraising campaigns take donations',
      reason: 'NOT_A_CAMPAIGN',
    });
  if (user.role === 'PARTNER' && row.providerId !== user.partnerId) throw notFound('resource');
  if (user.role !== 'PARTNER') assertKeepsResource(user, row);
  const recorded = await db.donation.findUnique({ where: { id }, select: { receiptNo: true } });
  if (recorded) return { id, receiptNo: recorded.receiptNo ?? '' };
  const notActive = (status: string) =>
    new AppError('CONFLICT', {
      message: `the campaign is ${status}: donations are taken only while it is published`,
      reason: 'CAMPAIGN_NOT_ACTIVE',
    });
  if (row.status !== 'PUBLISHED') throw notActive(row.status);
  return db.$transaction(async (tx) => {
    const receiptNo = await issueReceiptNo(tx);
    await tx.donation.create({
      data: {
        id,
        kind: 'DONATION',
        receiptNo,
        resourceId: row.id,
        donorName: body.donorName,
        amount: body.amount,
        receivedOn: new Date(`${body.receivedOn}T00:00:00Z`),
        channel: body.channel ?? null,
        createdById: user.id,
      },
    });
    // A campaign created without a budget starts from zero. Conditional, so a campaign closed meanwhile takes nothing.
    const grown =
      await tx.$executeRaw`UPDATE resource SET budget = COALESCE(budget, 0) + ${body.amount}::numeric WHERE id = ${row.id}::uuid AND status = 'PUBLISHED'`;
    if (grown === 0) throw notActive('no longer published');
    return { id, receiptNo };
  });
}
