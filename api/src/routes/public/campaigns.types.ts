import { z } from 'zod';
import { CAMPAIGN_TYPES } from '@guanai/workflows/vocabulary';
import { json, route } from '../../openapi/router.ts';

const ZMoney = z
  .string()
  .regex(/^-?\d+\.\d{2}$/)
  .meta({ description: 'Yuan as a decimal string, e.g. "1234.56"' });

/** A campaign's public figures, from the ledger alone (the same function as the monthly disclosure's). */
export const ZPublicCampaignSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    type: z.enum(CAMPAIGN_TYPES).nullable(),
    beneficiary: z
      .object({ category: z.string().nullable(), township: z.string().nullable() })
      .nullable()
      .meta({ description: 'A directed campaign’s beneficiary, anonymised: need category and township' }),
    target: ZMoney.nullable(),
    raised: ZMoney.meta({ description: 'The sum of its donations ledger, refunds and reversals included' }),
    spent: ZMoney.meta({ description: 'Money delivered through its accepted matches' }),
    balance: ZMoney.meta({ description: 'raised − spent' }),
  })
  .meta({ id: 'PublicCampaign', description: '募捐公示 A fundraising campaign’s money raised, spent and left' });

export type TPublicCampaign = z.infer<typeof ZPublicCampaignSchema>;

export const listPublicCampaigns = route({
  method: 'get',
  path: '/campaigns',
  tags: ['public'],
  summary: '募捐公示 Every campaign’s money raised, spent and left',
  description:
    'Without signing in (§四(七)): every fundraising campaign past its draft, its figures summed from the ledger to the cent — the same figures the monthly disclosure publishes as of a month’s end.',
  responses: { 200: json(z.array(ZPublicCampaignSchema), 'The campaigns, oldest first') },
});
