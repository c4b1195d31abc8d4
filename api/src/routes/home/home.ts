import { homeFor } from '../../domain/home/home-for.ts';
import { homeMap } from '../../domain/home/home-map.ts';
import { markHomeSeen } from '../../domain/home/mark-home-seen.ts';
import type { AppDeps } from '../../env.ts';
import { createRouter } from '../../openapi/router.ts';
import { getHome, getHomeMap, markHomeSeen as markHomeSeenRoute } from './home.types.ts';

/** Routes under /api/home: each role's home page, the map of the districts, and "I have looked". */
export function homeRoutes(deps: AppDeps) {
  const { db } = deps;
  return (
    createRouter()
      /** Any signed-in user: the numbers of my day, by my role; writes nothing. */
      .openapi(getHome, async (c) => c.json(await homeFor({ db, user: c.get('user'), now: new Date() }), 200))
      /** Any signed-in user: records that I looked at the cases changed until now. */
      .openapi(markHomeSeenRoute, async (c) =>
        c.json(await markHomeSeen({ db, user: c.get('user'), now: new Date() }), 200),
      )
      /** Managers and admins: the districts (or a district's townships) of my jurisdiction with a figure each. */
      .openapi(getHomeMap, async (c) => {
        const { figure, district } = c.req.valid('query');
        return c.json(await homeMap({ db, user: c.get('user'), figure, district }), 200);
      })
  );
}
