import { updateHousehold } from '../../domain/people/update-household.ts';
import type { AppDeps } from '../../env.ts';
import { createRouter } from '../../openapi/router.ts';
import { updateHousehold as updateHouseholdRoute } from './households.types.ts';

export function householdRoutes(deps: AppDeps) {
  return (
    createRouter()
      /** Station workers, caseworkers, supervisors: a household's address and income (matching reads the income per head). */
      .openapi(updateHouseholdRoute, async (c) =>
        c.json(
          await updateHousehold({
            db: deps.db,
            user: c.get('user'),
            id: c.req.valid('param').id,
            changes: c.req.valid('json'),
          }),
          200,
        ),
      )
  );
}
