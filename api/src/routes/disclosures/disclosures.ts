import { publishDisclosure } from '../../domain/disclosures/publish-disclosure.ts';
import type { AppDeps } from '../../env.ts';
import { createRouter } from '../../openapi/router.ts';
import { publishDisclosure as publishDisclosureRoute } from './disclosures.types.ts';

/** Routes under /api/disclosures: publishing a month's disclosure (§四(七) 过程信息公开); the public reads it under /api/public. */
export function disclosureRoutes(deps: AppDeps) {
  /** Managers and admins of the city: publish a month now, through the workflow the schedule runs monthly. */
  return createRouter().openapi(publishDisclosureRoute, async (c) => {
    const result = await publishDisclosure({
      temporal: deps.temporal,
      taskQueue: deps.taskQueue,
      threshold: deps.disclosureThreshold,
      user: c.get('user'),
      period: c.req.valid('param').period,
      requestId: c.get('requestId'),
    });
    return c.json(result, 200);
  });
}
