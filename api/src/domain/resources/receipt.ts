import type { Db } from '@guanai/db';
import { campaignFigures } from '@guanai/workflows';
import type { DonationKind } from '@guanai/workflows/vocabulary';
import type { SessionUser } from '../../auth/session.ts';
import { notFound } from '../../errors/app-error.ts';
import type { TReceipt } from '../../routes/donations/donations.types.ts';
import { findVisibleResource } from './visible-resources.ts';

const day = (d: Date) => d.toISOString().slice(0, 10);

/**
 * 捐赠收据: a donation as its receipt shows it — number, donor, amount, day, the campaign and, for a
 * directed one, its beneficiary as a need category and a township (never the person: the donor is
 * told where the gift goes, not who receives it) — with its refunds and reversals and what remains.
 * Whoever sees the campaign reads it, as they read its donations ledger.
 */
export async function donationReceipt({ db, user, id }: { db: Db; user: SessionUser; id: string }): Promise<TReceipt> {
  const entry = await db.donation.findUnique({
    where: { id },
    include: {
      reverses: { select: { receiptNo: true } },
      corrections: { orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] },
    },
  });
  if (!entry) throw notFound('donation');
  const campaign = await findVisibleResource({ db, user, id: entry.resourceId }).catch(() => {
    throw notFound('donation');
  });
  const [figures] = await campaignFigures(db, { ids: [campaign.id] });
  const recorders = await db.user.findMany({
    where: { id: { in: [entry.createdById, ...entry.corrections.map((c) => c.createdById)] } },
    select: { id: true, displayName: true },
  });
  const recordedBy = (userId: string) => recorders.find((u) => u.id === userId)?.displayName ?? '';
  const remaining = entry.corrections.reduce((sum, c) => sum.plus(c.amount), entry.amount);
  return {
    id: entry.id,
    kind: entry.kind as DonationKind,
    receiptNo: entry.receiptNo,
    reversesId: entry.reversesId,
    reversesReceiptNo: entry.reverses?.receiptNo ?? null,
    donorName: entry.donorName,
    amount: entry.amount.toFixed(2),
    receivedOn: day(entry.receivedOn),
    channel: entry.channel,
    reason: entry.reason,
    recordedBy: recordedBy(entry.createdById),
    createdAt: entry.createdAt.toISOString(),
    campaign: { id: campaign.id, name: campaign.name, type: campaign.campaignType, provider: campaign.provider.name },
    beneficiary: figures?.beneficiary ?? null,
    corrections: entry.corrections.map((c) => ({
      id: c.id,
      kind: c.kind as DonationKind,
      amount: c.amount.toFixed(2),
      reason: c.reason,
      receivedOn: day(c.receivedOn),
      recordedBy: recordedBy(c.createdById),
      createdAt: c.createdAt.toISOString(),
    })),
    remaining: remaining.toFixed(2),
  };
}
