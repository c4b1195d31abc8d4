import type { AppDeps } from '../../env.ts';
import { demoStatus } from '../../domain/demo/demo-status.ts';
import { createRouter } from '../../openapi/router.ts';
import { getDemoStatus } from './demo.types.ts';

/** Routes under /api/demo: the demo data (演示数据) the embedded default loads. */
export function demoRoutes(deps: AppDeps) {
  /** Anyone signed in: whether the database holds demo data and how far the loader is; changes nothing. */
  return createRouter().openapi(getDemoStatus, async (c) => c.json(await demoStatus(deps), 200));
}
