import { createSavedView as saveView } from '../../domain/saved-views/create-saved-view.ts';
import { toSavedViewDto } from '../../domain/saved-views/saved-view-dto.ts';
import type { AppDeps } from '../../env.ts';
import { AppError } from '../../errors/app-error.ts';
import { createRouter } from '../../openapi/router.ts';
import { contentRange } from '../../validation.ts';
import { createSavedView, deleteSavedView, listSavedViews } from './saved-views.types.ts';

/** Routes under /api/saved-views: each user's named inbox filters (已保存的视图). */
export function savedViewRoutes(deps: AppDeps) {
  const { db } = deps;
  return (
    createRouter()
      /** Any signed-in user: my saved views, by name. */
      .openapi(listSavedViews, async (c) => {
        const rows = await db.savedTaskView.findMany({
          where: { userId: c.get('user').id },
          orderBy: [{ name: 'asc' }, { id: 'asc' }],
        });
        c.header('Content-Range', contentRange('saved-views', [0, rows.length], rows.length, rows.length));
        return c.json(rows.map(toSavedViewDto), 200);
      })
      /** Any signed-in user: saves a view of their own. */
      .openapi(createSavedView, async (c) =>
        c.json(toSavedViewDto(await saveView(db, c.get('user'), c.req.valid('json'))), 201),
      )
      /** Any signed-in user: deletes a view of their own (another's is not found). */
      .openapi(deleteSavedView, async (c) => {
        const where = { id: c.req.valid('param').id, userId: c.get('user').id };
        const view = await db.savedTaskView.findFirst({ where });
        if (!view) throw new AppError('NOT_FOUND', { message: 'no saved view of yours with this id' });
        await db.savedTaskView.delete({ where: { id: view.id } });
        return c.json(toSavedViewDto(view), 200);
      })
  );
}
