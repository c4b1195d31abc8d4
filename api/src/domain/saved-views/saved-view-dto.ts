import type { SavedTaskView } from '@guanai/db';
import type { TSavedView } from '../../routes/saved-views/saved-views.types.ts';

export function toSavedViewDto(view: SavedTaskView): TSavedView {
  return {
    id: view.id,
    name: view.name,
    filter: view.filter as Record<string, unknown>,
    sort: [view.sortField as TSavedView['sort'][0], view.sortOrder === 'DESC' ? 'DESC' : 'ASC'],
    createdAt: view.createdAt.toISOString(),
  };
}
