import { randomUUID } from 'node:crypto';
import { donationReceipt } from '../../domain/resources/receipt.ts';
import { reverseDonation as reverseDonationEntry } from '../../domain/resources/reverse-donation.ts';
import type { AppDeps } from '../../env.ts';
import { createRouter } from '../../openapi/router.ts';
import { keyedId } from '../../request/idempotency.ts';
import { getDonation, refundDonation, reverseDonation } from './donations.types.ts';

/** Routes under /api/donations: a campaign's ledger entry — its receipt, its refunds and reversals (§四(三) 募捐). */
export function donationRoutes(deps: AppDeps) {
  const { db } = deps;
  return (
    createRouter()
      /** Whoever sees the campaign: the donation's receipt (捐赠收据), with its corrections. */
      .openapi(getDonation, async (c) =>
        c.json(await donationReceipt({ db, user: c.get('user'), id: c.req.valid('param').id }), 200),
      )
      /** The campaign's partner, admins and managers of its coverage: refunds part or all of what remains (a new entry). */
      .openapi(refundDonation, async (c) => {
        const { amount, reason } = c.req.valid('json');
        const created = await reverseDonationEntry({
          db,
          user: c.get('user'),
          donationId: c.req.valid('param').id,
          id: keyedId(c, 'donation') ?? randomUUID(),
          kind: 'REFUND',
          amount,
          reason,
        });
        return c.json(created, 201);
      })
      /** The same: reverses (冲正) all that remains of a donation recorded in error, once (a new entry). */
      .openapi(reverseDonation, async (c) => {
        const created = await reverseDonationEntry({
          db,
          user: c.get('user'),
          donationId: c.req.valid('param').id,
          id: keyedId(c, 'donation') ?? randomUUID(),
          kind: 'REVERSAL',
          reason: c.req.valid('json').reason,
        });
        return c.json(created, 201);
      })
  );
}
