import { z } from 'zod';
import { json, route } from '../../openapi/router.ts';
import { TASK_SORT_FIELDS, ZTaskListFilterSchema } from '../tasks/tasks.types.ts';

/** At most this many views per user: a menu to pick from, not a store. */
export const MAX_SAVED_VIEWS = 50;

export const ZSavedViewSortSchema = z.tuple([z.enum(TASK_SORT_FIELDS), z.enum(['ASC', 'DESC'])]);

export const ZCreateSavedViewSchema = z
  .object({
    name: z.string().trim().min(1, 'is required').max(60, 'at most 60 characters'),
    filter: ZTaskListFilterSchema.meta({
      description: 'The inbox filter, as GET /api/tasks takes it (a 422 names filter.<field>)',
    }),
    sort: ZSavedViewSortSchema.default(['dueAt', 'ASC']),
  })
  .strict();
export type TCreateSavedView = z.infer<typeof ZCreateSavedViewSchema>;

export const ZSavedViewSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    filter: z.record(z.string(), z.unknown()),
    sort: ZSavedViewSortSchema,
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'SavedView', description: '已保存的视图 A named inbox filter of mine, with its sort' });
export type TSavedView = z.infer<typeof ZSavedViewSchema>;

export const ZSavedViewParams = z.object({ id: z.uuid('must be a saved view id (uuid)') });

const tags = ['saved-views'];

export const listSavedViews = route({
  method: 'get',
  path: '/',
  tags,
  summary: '我的视图 My saved inbox views, by name',
  description: 'Any signed-in user; only their own. The total in Content-Range.',
  responses: { 200: json(z.array(ZSavedViewSchema), 'My views; the total in Content-Range') },
});

export const createSavedView = route({
  method: 'post',
  path: '/',
  tags,
  summary: '保存视图 Saves the inbox’s filter and sort under a name',
  description: `Any signed-in user, for themself. The filter is checked as the list checks it; a name used already is a 409; at most ${MAX_SAVED_VIEWS} views.`,
  request: { body: { required: true, content: { 'application/json': { schema: ZCreateSavedViewSchema } } } },
  responses: { 201: json(ZSavedViewSchema, 'The view') },
});

export const deleteSavedView = route({
  method: 'delete',
  path: '/{id}',
  tags,
  summary: '删除视图 Deletes one of my saved views',
  description: 'Any signed-in user; another user’s view is a 404.',
  request: { params: ZSavedViewParams },
  responses: { 200: json(ZSavedViewSchema, 'The deleted view') },
});
