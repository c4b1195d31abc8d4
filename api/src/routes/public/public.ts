import type { AppDeps } from '../../env.ts';
import { createRouter } from '../../openapi/router.ts';
import { publicDisclosureRoutes } from './disclosures.ts';
import { publicProjectRoutes } from './projects.ts';
import { publicSurveyRoutes } from './surveys.ts';

/**
 * Routes under /api/public, read and answered without a session: the published projects and offers,
 * the monthly disclosures (§四(七)), and the recipients' survey links (§四(八)).
 */
export function publicRoutes(deps: AppDeps) {
  return createRouter()
    .route('/', publicProjectRoutes(deps))
    .route('/', publicDisclosureRoutes(deps))
    .route('/', publicSurveyRoutes(deps));
}
