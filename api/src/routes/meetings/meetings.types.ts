import { z } from 'zod';
import { MEETING_NEXT_STEPS, MEETING_STATUSES, NEED_CATEGORIES, SEVERITIES } from '@guanai/workflows/vocabulary';
import { json, route } from '../../openapi/router.ts';
import { listQuerySchema } from '../../validation.ts';

export const ZMeetingParams = z.object({ id: z.uuid('must be a meeting id (uuid)') });

export const ZScheduleMeetingSchema = z
  .object({
    unitId: z.uuid('must be an org unit id').optional(),
    title: z.string().trim().min(2).max(100),
    scheduledAt: z.iso.datetime({ offset: true, message: 'must be a date and time (ISO 8601)' }),
    location: z.string().trim().max(100).optional(),
    departments: z.array(z.string().trim().min(1).max(40)).min(1, 'at least one member department').max(30),
  })
  .strict();

export type TScheduleMeeting = z.infer<typeof ZScheduleMeetingSchema>;

export const ZResolutionSchema = z
  .object({
    caseId: z.uuid('must be a case id'),
    resolution: z.string().trim().min(4, 'at least 4 characters').max(4000),
    next: z.enum(MEETING_NEXT_STEPS),
    actions: z
      .array(
        z
          .object({
            department: z.string().trim().min(1).max(40),
            action: z.string().trim().min(2).max(500),
            deadline: z.iso.date('must be a date YYYY-MM-DD'),
          })
          .strict(),
      )
      .min(1, 'the resolution assigns at least one action')
      .max(30),
  })
  .strict();

export type TResolution = z.infer<typeof ZResolutionSchema>;

export const ZMeetingHeldSchema = z.object({ minutes: z.string().trim().min(4).max(20_000) }).strict();

export const ZMeetingListQuerySchema = listQuerySchema(
  z.object({ status: z.enum(MEETING_STATUSES).optional(), unitId: z.uuid().optional() }).strict(),
  ['scheduledAt'] as const,
  ['scheduledAt', 'DESC'],
);

export const ZMeetingSchema = z
  .object({
    id: z.uuid(),
    unitId: z.uuid(),
    unitName: z.string(),
    title: z.string(),
    scheduledAt: z.iso.datetime(),
    location: z.string().nullable(),
    departments: z.array(z.string()).meta({ description: 'Member departments, by code (GET /api/departments)' }),
    status: z.enum(MEETING_STATUSES),
    minutes: z.string().nullable(),
    heldAt: z.iso.datetime().nullable(),
    resolved: z.number().int().meta({ description: 'How many cases it resolved' }),
  })
  .meta({ id: 'Meeting', description: '联席会议 A joint meeting at the city or a district (§四(九))' });

export type TMeeting = z.infer<typeof ZMeetingSchema>;

export const ZAgendaCaseSchema = z
  .object({
    caseId: z.uuid(),
    caseNo: z.string(),
    personName: z.string(),
    community: z.string(),
    township: z.string().nullable(),
    situation: z.string(),
    emergency: z.boolean(),
    needs: z
      .array(
        z
          .object({
            category: z.enum(NEED_CATEGORIES),
            severity: z.enum(SEVERITIES).optional(),
            description: z.string().optional(),
          })
          .loose(),
      )
      .meta({ description: 'The current assessment’s needs' }),
    referredAt: z.iso.datetime(),
  })
  .meta({ id: 'AgendaCase', description: '议题 A case referred to the meeting’s unit and not yet resolved' });

export type TAgendaCase = z.infer<typeof ZAgendaCaseSchema>;

export const ZMeetingItemSchema = z
  .object({
    id: z.uuid(),
    caseId: z.uuid(),
    caseNo: z.string(),
    resolution: z.string(),
    next: z.enum(MEETING_NEXT_STEPS),
    actions: z.array(
      z
        .object({
          department: z.string().meta({ description: 'The department’s name' }),
          departmentCode: z.string().optional(),
          action: z.string(),
          deadline: z.string().meta({ description: 'YYYY-MM-DD' }),
        })
        .loose(),
    ),
    resolvedAt: z.iso.datetime(),
  })
  .meta({ id: 'MeetingItem', description: '会议决议 What the meeting resolved on one case' });

export const ZMeetingDetailSchema = ZMeetingSchema.extend({
  agenda: z
    .array(ZAgendaCaseSchema)
    .meta({ description: 'Only on the unit’s next scheduled meeting (the earliest); empty on others' }),
  items: z.array(ZMeetingItemSchema),
}).meta({ id: 'MeetingDetail', description: '联席会议 A meeting, its agenda and its resolutions' });

export type TMeetingDetail = z.infer<typeof ZMeetingDetailSchema>;

export const listMeetings = route({
  method: 'get',
  path: '/',
  tags: ['meetings'],
  summary: '联席会议 The meetings in my jurisdiction',
  description: 'Supervisors and managers (§四(九)).',
  request: { query: ZMeetingListQuerySchema },
  responses: { 200: json(z.array(ZMeetingSchema), 'The page asked for; the total in Content-Range') },
});

export const getMeeting = route({
  method: 'get',
  path: '/{id}',
  tags: ['meetings'],
  summary: '联席会议 A meeting, its agenda and what it resolved',
  request: { params: ZMeetingParams },
  responses: { 200: json(ZMeetingDetailSchema, 'The meeting') },
});

export const scheduleMeeting = route({
  method: 'post',
  path: '/',
  tags: ['meetings'],
  summary: '安排联席会议 Schedules a meeting with its member departments',
  description: 'Supervisors and managers, at the city or a district in their jurisdiction (§四(九)).',
  request: { body: { required: true, content: { 'application/json': { schema: ZScheduleMeetingSchema } } } },
  responses: { 201: json(ZMeetingSchema, 'The scheduled meeting') },
});

export const resolveMeetingCase = route({
  method: 'post',
  path: '/{id}/resolutions',
  tags: ['meetings'],
  summary: '会议决议 The resolution on one case of the agenda',
  description:
    'Supervisors of the meeting’s unit (§四(九)). Sent to the case workflow (MEETING_RESOLVED), whose actions become tasks with their deadlines; a retried request resolves once.',
  request: {
    params: ZMeetingParams,
    body: { required: true, content: { 'application/json': { schema: ZResolutionSchema } } },
  },
  responses: { 201: json(z.object({ id: z.uuid(), caseId: z.uuid() }), 'The meeting’s record of the case') },
});

export const markMeetingHeld = route({
  method: 'post',
  path: '/{id}/held',
  tags: ['meetings'],
  summary: '会议已召开 Marks a scheduled meeting held, with its minutes',
  description: 'Supervisors and managers of the meeting’s unit; 409 NOT_SCHEDULED otherwise.',
  request: {
    params: ZMeetingParams,
    body: { required: true, content: { 'application/json': { schema: ZMeetingHeldSchema } } },
  },
  responses: { 200: json(ZMeetingSchema, 'The meeting, held') },
});
