import { z } from 'zod';
import { CAMPAIGN_TYPES, DONATION_KINDS } from '@guanai/workflows/vocabulary';
import { json, route } from '../../openapi/router.ts';
import { ZYuan } from '../resources/resources.types.ts';

export const ZDonationParams = z.object({ id: z.uuid('must be an id (uuid)') });

const ZReason = z.string().trim().min(1, 'is required: say why (it is published with the correction)').max(500);

export const ZRefundBodySchema = z
  .object({ amount: ZYuan.positive('must be more than zero'), reason: ZReason })
  .strict();

export const ZReversalBodySchema = z.object({ reason: ZReason }).strict();

/** Money as a decimal string, exact to the fen. */
const ZMoney = z
  .string()
  .regex(/^-?\d+\.\d{2}$/)
  .meta({ description: 'Yuan as a decimal string, e.g. "1234.56"' });

const ZLedgerEntry = z.object({
  id: z.uuid(),
  kind: z.enum(DONATION_KINDS),
  amount: ZMoney,
  reason: z.string().nullable(),
  receivedOn: z.iso.date(),
  recordedBy: z.string(),
  createdAt: z.iso.datetime(),
});

/** 捐赠收据: what the donor is given, and what later corrected the donation. */
export const ZReceiptSchema = ZLedgerEntry.extend({
  receiptNo: z.string().nullable().meta({ description: '捐赠收据号, e.g. JZ2026-000001; none for a correction' }),
  reversesId: z.uuid().nullable(),
  reversesReceiptNo: z.string().nullable().meta({ description: 'A correction: the receipt number of its donation' }),
  donorName: z.string(),
  channel: z.string().nullable(),
  campaign: z.object({
    id: z.uuid(),
    name: z.string(),
    type: z.enum(CAMPAIGN_TYPES).nullable(),
    provider: z.string(),
  }),
  beneficiary: z
    .object({ category: z.string().nullable(), township: z.string().nullable() })
    .nullable()
    .meta({ description: 'A directed campaign’s beneficiary: the need category and the township, never the person' }),
  corrections: z.array(ZLedgerEntry).meta({ description: 'Refunds and reversals of this donation' }),
  remaining: ZMoney.meta({ description: 'What remains of the donation after its refunds and reversals' }),
}).meta({ id: 'DonationReceipt', description: '捐赠收据 A donation’s receipt (or a correction of one)' });

export type TReceipt = z.infer<typeof ZReceiptSchema>;

export const ZCorrectionCreatedSchema = z.object({ id: z.uuid(), amount: ZMoney.meta({ description: 'Signed' }) });

export const getDonation = route({
  method: 'get',
  path: '/{id}',
  tags: ['donations'],
  summary: '捐赠收据 A donation’s receipt',
  description: 'Whoever sees the campaign. The beneficiary is shown as a need category and a township, never by name.',
  request: { params: ZDonationParams },
  responses: { 200: json(ZReceiptSchema, 'The receipt, with the donation’s refunds and reversals') },
});

export const refundDonation = route({
  method: 'post',
  path: '/{id}/refunds',
  tags: ['donations'],
  summary: '退款 Refunds part or all of a donation',
  description:
    'The campaign’s partner, admins and managers of its coverage: a new, negative ledger entry with its reason (never an edit). Not beyond what remains (422 amount); not below what matches hold (409 BELOW_RESERVED). A retried request (same Idempotency-Key) records it once.',
  request: {
    params: ZDonationParams,
    body: { required: true, content: { 'application/json': { schema: ZRefundBodySchema } } },
  },
  responses: { 201: json(ZCorrectionCreatedSchema, 'The refund’s ledger entry') },
});

export const reverseDonation = route({
  method: 'post',
  path: '/{id}/reversals',
  tags: ['donations'],
  summary: '冲正 Reverses a donation recorded in error',
  description:
    'The campaign’s partner, admins and managers of its coverage: a new ledger entry taking out all that remains of the donation, once, with its reason. The public balance changes at once; the month’s disclosure lists it as a correction.',
  request: {
    params: ZDonationParams,
    body: { required: true, content: { 'application/json': { schema: ZReversalBodySchema } } },
  },
  responses: { 201: json(ZCorrectionCreatedSchema, 'The reversal’s ledger entry') },
});
