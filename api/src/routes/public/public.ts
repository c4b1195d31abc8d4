import type { AppDeps } from '../../env.ts';
import { createRouter } from '../../openapi/router.ts';
import { publicApplicationRoutes } from './applications.ts';
import { publicCampaignRoutes } from './campaigns.ts';
import { publicCommunityRoutes } from './communities.ts';
import { publicDisclosureRoutes } from './disclosures.ts';
import { publicProjectRoutes } from './projects.ts';
import { publicSurveyRoutes } from './surveys.ts';
import { publicVolunteerRoutes } from './volunteers.ts';

/**
 * Routes under /api/public, read and answered without a session: the published projects and offers,
 * the monthly disclosures (§四(七)), the recipients' survey links (§四(八)), and the online
 * self-application with the communities to pick from (§四(一) 个人申请).
 */
export function publicRoutes(deps: AppDeps) {
  return createRouter()
    .route('/', publicProjectRoutes(deps))
    .route('/', publicCampaignRoutes(deps))
    .route('/', publicDisclosureRoutes(deps))
    .route('/', publicSurveyRoutes(deps))
    .route('/', publicCommunityRoutes(deps))
    .route('/', publicApplicationRoutes(deps))
    .route('/', publicVolunteerRoutes(deps));
}
