import { z } from 'zod';
import { VOLUNTEER_ASSIGNMENT_KINDS, VOLUNTEER_ASSIGNMENT_STATUSES } from '@guanai/workflows/vocabulary';
import { json, route } from '../../openapi/router.ts';
import { listQuerySchema } from '../../validation.ts';

const ZDate = z.iso.date('must be a date YYYY-MM-DD');

export const ZAssignmentSchema = z
  .object({
    id: z.uuid(),
    kind: z.enum(VOLUNTEER_ASSIGNMENT_KINDS),
    status: z.enum(VOLUNTEER_ASSIGNMENT_STATUSES),
    scheduledOn: ZDate,
    note: z.string().nullable(),
    volunteer: z.object({ id: z.uuid(), name: z.string() }),
    case: z
      .object({
        number: z.string().meta({ description: '个案编号, e.g. GA-2026-000042' }),
        person: z.string().meta({ description: 'The person’s name: masked (黄*英) for a volunteer or partner' }),
        community: z.string(),
        address: z.string().nullable(),
      })
      .meta({ description: 'Only what the visit needs: never an identity number, phone, history or other needs' }),
    caseId: z.uuid().optional().meta({ description: 'Staff only' }),
    matchId: z.uuid().nullable().optional().meta({ description: 'Staff only' }),
    checkedInAt: z.iso.datetime().nullable().meta({ description: 'While on duty: when the volunteer checked in' }),
    attendance: z.array(
      z.object({
        id: z.uuid(),
        checkedInAt: z.iso.datetime(),
        checkedOutAt: z.iso.datetime().nullable(),
        minutes: z.number().int().nullable().meta({ description: 'The service entry written at check-out' }),
        serviceDate: ZDate.nullable(),
      }),
    ),
    cancelReason: z.string().nullable(),
    assignedBy: z.object({ id: z.uuid(), displayName: z.string() }),
    createdAt: z.iso.datetime(),
  })
  .meta({
    id: 'VolunteerAssignment',
    description: '志愿者任务 A visit or delivery of a case given to a volunteer (§四(三) 志愿服务)',
  });
export type TAssignment = z.infer<typeof ZAssignmentSchema>;

export const ZAssignmentListQuerySchema = listQuerySchema(
  z
    .object({
      status: z.enum(VOLUNTEER_ASSIGNMENT_STATUSES).optional(),
      kind: z.enum(VOLUNTEER_ASSIGNMENT_KINDS).optional(),
      volunteerId: z.uuid().optional(),
      caseId: z.uuid().optional(),
      matchId: z.uuid().optional(),
      id: z.array(z.uuid()).max(100).optional(),
    })
    .strict(),
  ['scheduledOn', 'createdAt'] as const,
  ['scheduledOn', 'ASC'],
);
export type TAssignmentListFilter = NonNullable<z.infer<typeof ZAssignmentListQuerySchema>['filter']>;

export const ZAssignmentParams = z.object({ id: z.uuid('must be an assignment id (uuid)') });

export const ZCreateAssignmentSchema = z
  .object({
    volunteerId: z.uuid('must be a volunteer id (uuid)'),
    caseId: z.uuid('must be a case id (uuid)').optional(),
    matchId: z.uuid('must be a match id (uuid)').optional(),
    kind: z.enum(VOLUNTEER_ASSIGNMENT_KINDS, `must be one of ${VOLUNTEER_ASSIGNMENT_KINDS.join(', ')}`),
    scheduledOn: ZDate,
    note: z.string().trim().max(500, 'must be at most 500 characters').optional(),
  })
  .strict()
  .meta({ id: 'CreateVolunteerAssignment', description: '派遣志愿者 Sends a volunteer on a visit or delivery' });
export type TCreateAssignment = z.infer<typeof ZCreateAssignmentSchema>;

export const ZAttendanceBodySchema = z
  .object({
    at: z.iso
      .datetime({ offset: true, message: 'must be a date and time (ISO 8601)' })
      .optional()
      .meta({ description: 'When it happened, for a phone that was offline (default: now)' }),
  })
  .strict()
  .meta({ id: 'VolunteerAttendance', description: '签到/签退 `{}` for now, or `{ at }` for when it happened' });
export type TAttendanceBody = z.infer<typeof ZAttendanceBodySchema>;

export const ZCancelAssignmentSchema = z
  .object({ reason: z.string().trim().min(2, 'say why').max(500, 'must be at most 500 characters') })
  .strict();

const tags = ['volunteers'];

export const listAssignments = route({
  method: 'get',
  path: '/',
  tags,
  summary: '志愿者任务列表 Assignments: a volunteer’s own, a team’s volunteers’, staff’s of the cases they see',
  request: { query: ZAssignmentListQuerySchema },
  responses: { 200: json(z.array(ZAssignmentSchema), 'The page asked for; the total in Content-Range') },
});

export const getAssignment = route({
  method: 'get',
  path: '/{id}',
  tags,
  summary: '志愿者任务详情 One assignment',
  request: { params: ZAssignmentParams },
  responses: { 200: json(ZAssignmentSchema, 'The assignment') },
});

export const createAssignment = route({
  method: 'post',
  path: '/',
  tags,
  summary: '派遣志愿者 The case’s center, or the volunteer’s team for a match it accepted, sends a volunteer',
  description:
    'Caseworkers and supervisors of the center that owns the (open) case name the case (and a match of it, if ' +
    'any); a volunteer team names an ACCEPTED match of its own resource, whose case it is. The volunteer must be ' +
    'ACTIVE and one the sender sees (serving their jurisdiction, or of the team).',
  request: { body: { required: true, content: { 'application/json': { schema: ZCreateAssignmentSchema } } } },
  responses: { 201: json(ZAssignmentSchema, 'The assignment') },
});

export const checkIn = route({
  method: 'post',
  path: '/{id}/check-in',
  tags,
  summary: '签到 The volunteer checks in on their assignment',
  description:
    '`at` (not in the future beyond 5 minutes of clock skew, not before the day before the scheduled day) lets ' +
    'a phone that was offline say when. One duty at a time; checking in again is the same answer.',
  request: {
    params: ZAssignmentParams,
    body: { required: true, content: { 'application/json': { schema: ZAttendanceBodySchema } } },
  },
  responses: { 200: json(ZAssignmentSchema, 'The assignment, on duty') },
});

export const checkOut = route({
  method: 'post',
  path: '/{id}/check-out',
  tags,
  summary: '签退 The volunteer checks out: one service entry in the hours ledger, the assignment done',
  description:
    'Writes ONE SERVICE entry of the whole minutes between check-in and check-out (across midnight, on the ' +
    'check-in’s Beijing date); a duty over 24 hours is a 422 naming `at`. Checking out again is the same answer.',
  request: {
    params: ZAssignmentParams,
    body: { required: true, content: { 'application/json': { schema: ZAttendanceBodySchema } } },
  },
  responses: { 200: json(ZAssignmentSchema, 'The assignment, DONE, with its minutes') },
});

export const cancelAssignment = route({
  method: 'post',
  path: '/{id}/cancel',
  tags,
  summary: '取消志愿者任务 The side that assigned it cancels an assignment not yet begun',
  request: {
    params: ZAssignmentParams,
    body: { required: true, content: { 'application/json': { schema: ZCancelAssignmentSchema } } },
  },
  responses: { 200: json(ZAssignmentSchema, 'The assignment, CANCELLED') },
});
