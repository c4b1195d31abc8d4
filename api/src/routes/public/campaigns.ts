import { campaignFigures } from '@guanai/workflows';
import type { AppDeps } from '../../env.ts';
import { createRouter } from '../../openapi/router.ts';
import { listPublicCampaigns } from './campaigns.types.ts';

/** /api/public/campaigns, without a session: §四(七) the campaigns' money, from the ledger alone. */
export function publicCampaignRoutes(deps: AppDeps) {
  const { db } = deps;
  return (
    createRouter()
      /** Anyone: each campaign's raised, spent and balance, now; a reversal shows at once. */
      .openapi(listPublicCampaigns, async (c) => c.json(await campaignFigures(db), 200))
  );
}
