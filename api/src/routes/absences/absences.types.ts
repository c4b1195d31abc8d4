import { z } from 'zod';
import { json, route } from '../../openapi/router.ts';
import { listQuerySchema } from '../../validation.ts';

export const ZAbsenceListQuerySchema = listQuerySchema(
  z
    .object({
      /** mine: my absences; team: my subtree's (supervisors); covering: those I am the delegate of. */
      scope: z.enum(['mine', 'team', 'covering']).optional(),
      /** Only those not yet over. */
      current: z.boolean().optional(),
      userId: z.uuid().optional(),
    })
    .strict(),
  ['startsAt', 'endsAt', 'createdAt'] as const,
  ['startsAt', 'DESC'],
);

export const ZAbsenceSchema = z
  .object({
    id: z.uuid(),
    userId: z.uuid(),
    userName: z.string(),
    unitName: z.string(),
    delegateId: z.uuid(),
    delegateName: z.string(),
    startsAt: z.iso.datetime(),
    endsAt: z.iso.datetime(),
    note: z.string().nullable(),
    /** Running now: new assignments and notifications for the user go to the delegate. */
    active: z.boolean(),
    createdById: z.uuid(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'Absence', description: '休假/外出及代理人 An absence and the colleague who covers it' });

export type TAbsence = z.infer<typeof ZAbsenceSchema>;

export const ZCreateAbsenceSchema = z
  .object({
    /** Whose absence: mine when left out; a supervisor may name a member of their subtree. */
    userId: z.uuid('must be a user id (uuid)').optional(),
    delegateId: z.uuid('must be a user id (uuid)'),
    startsAt: z.iso.datetime({ offset: true, message: 'must be a date and time (ISO 8601)' }),
    endsAt: z.iso.datetime({ offset: true, message: 'must be a date and time (ISO 8601)' }),
    note: z.string().trim().max(500).optional(),
  })
  .strict()
  .meta({ id: 'CreateAbsence' });

export type TCreateAbsence = z.infer<typeof ZCreateAbsenceSchema>;

export const ZAbsenceParams = z.object({ id: z.uuid('must be an absence id (uuid)') });

export const ZCurrentCoverSchema = z
  .object({
    mine: ZAbsenceSchema.nullable().meta({ description: 'My absence running now (who covers me)' }),
    covering: z.array(ZAbsenceSchema).meta({ description: 'Absences running now that I cover' }),
  })
  .meta({ id: 'CurrentCover', description: '当前代理情况 Who covers me now, and whom I cover' });

const tags = ['absences'];

export const listAbsences = route({
  method: 'get',
  path: '/',
  tags,
  summary: '休假列表 My absences, my team’s (supervisors: their subtree), or those I cover',
  request: { query: ZAbsenceListQuerySchema },
  responses: { 200: json(z.array(ZAbsenceSchema), 'The page asked for; the total in Content-Range') },
});

export const currentCover = route({
  method: 'get',
  path: '/current',
  tags,
  summary: '当前代理 Who covers me now, and whom I cover now (the inbox banner)',
  responses: { 200: json(ZCurrentCoverSchema, 'My running absence, and the running absences I cover') },
});

export const createAbsence = route({
  method: 'post',
  path: '/',
  tags,
  summary: '登记休假 Sets an absence and its delegate (mine, or a team member’s for a supervisor)',
  description:
    'The delegate is an active colleague of the same unit, not the absent user; the end is after the start and ' +
    'not past; absences of one user do not overlap. Each is a 422 naming the field.',
  request: { body: { required: true, content: { 'application/json': { schema: ZCreateAbsenceSchema } } } },
  responses: { 201: json(ZAbsenceSchema, 'The absence') },
});

export const endAbsence = route({
  method: 'delete',
  path: '/{id}',
  tags,
  summary: '结束休假 Ends a running absence now, or cancels one not yet begun',
  description: 'The absent user, or a supervisor over them.',
  request: { params: ZAbsenceParams },
  responses: { 200: json(ZAbsenceSchema, 'The absence as ended (or as it was, when cancelled)') },
});
