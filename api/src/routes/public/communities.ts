import { listPublicCommunities } from '../../domain/applications/list-public-communities.ts';
import type { AppDeps } from '../../env.ts';
import { createRouter } from '../../openapi/router.ts';
import { listPublicCommunities as listPublicCommunitiesRoute } from './communities.types.ts';

/** /api/public/communities: the network's communities, for the online application's picker. */
export function publicCommunityRoutes(deps: AppDeps) {
  return (
    createRouter()
      /** Anyone: every community with its township and district. */
      .openapi(listPublicCommunitiesRoute, async (c) => c.json(await listPublicCommunities({ db: deps.db }), 200))
  );
}
