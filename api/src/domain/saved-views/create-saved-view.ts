import type { Db, SavedTaskView } from '@guanai/db';
import type { SessionUser } from '../../auth/session.ts';
import { AppError } from '../../errors/app-error.ts';
import { MAX_SAVED_VIEWS, type TCreateSavedView } from '../../routes/saved-views/saved-views.types.ts';

/**
 * Saves an inbox view for its user. The user's row is locked first, so two saves at once neither
 * pass the limit together nor race on the name (the unique index would answer a 500 otherwise).
 */
export async function createSavedView(db: Db, user: SessionUser, view: TCreateSavedView): Promise<SavedTaskView> {
  await db.$queryRaw`SELECT id FROM app_user WHERE id = ${user.id}::uuid FOR UPDATE`;
  const mine = await db.savedTaskView.findMany({ where: { userId: user.id }, select: { name: true } });
  if (mine.some((v) => v.name === view.name))
    throw new AppError('CONFLICT', { message: 'a view of yours has this name already', field: 'name' });
  if (mine.length >= MAX_SAVED_VIEWS)
    throw new AppError('VALIDATION', {
      message: `at most ${MAX_SAVED_VIEWS} saved views: delete one first`,
      field: 'name',
    });
  return db.savedTaskView.create({
    data: { userId: user.id, name: view.name, filter: view.filter, sortField: view.sort[0], sortOrder: view.sort[1] },
  });
}
