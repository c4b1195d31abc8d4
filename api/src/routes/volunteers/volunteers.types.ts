import { z } from 'zod';
import { VOLUNTEER_HOURS_KINDS, VOLUNTEER_STATUSES } from '@guanai/workflows/vocabulary';
import { json, route } from '../../openapi/router.ts';
import { listQuerySchema } from '../../validation.ts';
import { ZApplicantPhone } from '../public/applications.types.ts';
import { ZCreateUserSchema, ZPassword } from '../users/users.types.ts';

export const MAX_COMMUNITIES = 20;

const ZLabel = z.string().trim().min(1, 'must not be empty').max(30, 'must be at most 30 characters');
const ZDate = z.iso.date('must be a date YYYY-MM-DD');
const ZRef = z.object({ id: z.uuid(), name: z.string() });
const ZUserRef = z.object({ id: z.uuid(), displayName: z.string() });

/**
 * A volunteer's registration, by a station, a center or a team, or by the volunteer from the phone:
 * as little as the work needs (§四(三) 志愿服务; no identity number) and the login they will use.
 */
export const ZRegisterVolunteerSchema = z
  .object({
    name: z.string().trim().min(1, 'is required').max(50, 'must be at most 50 characters'),
    phone: ZApplicantPhone,
    username: ZCreateUserSchema.shape.username,
    password: ZPassword,
    skills: z.array(ZLabel).max(20, 'at most 20').default([]).meta({ description: '技能, e.g. 陪伴, 维修, 驾驶' }),
    languages: z.array(ZLabel).max(10, 'at most 10').default([]).meta({ description: '语言, e.g. 普通话, 四川话' }),
    availability: z.string().trim().max(200, 'must be at most 200 characters').optional(),
    teamId: z.uuid('must be a volunteer team (partner) id').optional(),
    communityIds: z
      .array(z.uuid('must be a community (村/社区) id'))
      .min(1, 'choose at least one community (村/社区) served')
      .max(MAX_COMMUNITIES, `at most ${MAX_COMMUNITIES} communities`)
      .refine((ids) => new Set(ids).size === ids.length, 'names a community twice'),
  })
  .strict()
  .meta({ id: 'RegisterVolunteer', description: '志愿者登记 A volunteer’s registration, with their login' });
export type TRegisterVolunteer = z.output<typeof ZRegisterVolunteerSchema>;

export const ZVolunteerSchema = z
  .object({
    id: z.uuid(),
    userId: z.uuid(),
    username: z.string(),
    name: z.string(),
    phone: z
      .string()
      .meta({ description: 'Masked (139****0001), but for the volunteer themself (GET /volunteers/me)' }),
    skills: z.array(z.string()),
    languages: z.array(z.string()),
    availability: z.string().nullable(),
    teamId: z.uuid().nullable(),
    team: ZRef.nullable().meta({ description: 'The volunteer team (志愿服务队) they belong to' }),
    communityIds: z.array(z.uuid()),
    communities: z.array(ZRef).meta({ description: 'The communities (村/社区) served' }),
    status: z.enum(VOLUNTEER_STATUSES),
    declineReason: z.string().nullable(),
    selfRegistered: z.boolean(),
    registeredBy: ZUserRef.nullable(),
    decidedBy: ZUserRef.nullable().meta({ description: 'Who approved or declined (a registrar: themself)' }),
    decidedAt: z.iso.datetime().nullable(),
    totalMinutes: z.number().int().meta({ description: 'SUM of the hours ledger' }),
    totalHours: z.string().meta({ description: 'totalMinutes / 60, two decimals, e.g. "2.50"' }),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'Volunteer', description: '志愿者 A volunteer (§四(三) 志愿服务)' });
export type TVolunteer = z.infer<typeof ZVolunteerSchema>;

export const ZMyVolunteerSchema = ZVolunteerSchema.extend({
  openAttendance: z
    .object({ id: z.uuid(), assignmentId: z.uuid(), checkedInAt: z.iso.datetime() })
    .nullable()
    .meta({ description: 'The duty I am on (checked in, not yet out)' }),
}).meta({ id: 'MyVolunteer', description: '我的志愿者信息 The signed-in volunteer: profile, hours and duty' });
export type TMyVolunteer = z.infer<typeof ZMyVolunteerSchema>;

export const ZVolunteerListQuerySchema = listQuerySchema(
  z
    .object({
      q: z.string().trim().max(50).optional(),
      status: z.enum(VOLUNTEER_STATUSES, `must be one of ${VOLUNTEER_STATUSES.join(', ')}`).optional(),
      teamId: z.uuid('must be a partner id (uuid)').optional(),
      communityId: z.uuid('must be an org unit id (uuid)').optional(),
      id: z.array(z.uuid()).max(100).optional(),
    })
    .strict(),
  ['createdAt', 'name'] as const,
  ['createdAt', 'DESC'],
);
export type TVolunteerListFilter = NonNullable<z.infer<typeof ZVolunteerListQuerySchema>['filter']>;

export const ZVolunteerParams = z.object({ id: z.uuid('must be a volunteer id (uuid)') });

export const ZDeclineVolunteerSchema = z
  .object({ reason: z.string().trim().min(2, 'say why').max(500, 'must be at most 500 characters') })
  .strict();

export const ZHoursQuerySchema = z
  .object({ from: ZDate.optional(), to: ZDate.optional() })
  .strict()
  .refine((q) => !q.from || !q.to || q.from <= q.to, { path: ['to'], message: 'must not be before from' });

export const ZCertificateQuerySchema = z
  .object({ from: ZDate, to: ZDate })
  .strict()
  .refine((q) => q.from <= q.to, { path: ['to'], message: 'must not be before from' });

export const ZHoursEntrySchema = z
  .object({
    id: z.uuid(),
    kind: z.enum(VOLUNTEER_HOURS_KINDS),
    minutes: z.number().int().meta({ description: 'Signed: a correction may be negative' }),
    serviceDate: ZDate,
    attendanceId: z.uuid().nullable(),
    correctsId: z.uuid().nullable(),
    reason: z.string().nullable(),
    createdBy: ZUserRef,
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'VolunteerHoursEntry', description: '时长台账一行 An entry of the service-hours ledger' });
export type THoursEntry = z.infer<typeof ZHoursEntrySchema>;

export const ZHoursLedgerSchema = z
  .object({
    volunteerId: z.uuid(),
    from: ZDate.nullable(),
    to: ZDate.nullable(),
    entries: z.array(ZHoursEntrySchema),
    totalMinutes: z.number().int(),
    totalHours: z.string(),
  })
  .meta({ id: 'VolunteerHours', description: '志愿服务时长 A volunteer’s ledger (of a period) and its total' });
export type THoursLedger = z.infer<typeof ZHoursLedgerSchema>;

export const ZCorrectionSchema = z
  .object({
    minutes: z
      .number('must be a whole number of minutes')
      .int('must be a whole number of minutes')
      .min(-1440 * 31, 'is too large')
      .max(1440 * 31, 'is too large')
      .refine((m) => m !== 0, 'must not be 0'),
    reason: z.string().trim().min(2, 'say why the hours are corrected').max(500, 'must be at most 500 characters'),
    correctsId: z.uuid('must be a ledger entry id (uuid)').optional(),
    serviceDate: ZDate.optional(),
  })
  .strict()
  .meta({
    id: 'VolunteerHoursCorrection',
    description: '时长更正 A correction: a new ledger entry with its reason (an entry is never edited)',
  });
export type TCorrection = z.infer<typeof ZCorrectionSchema>;

export const ZCertificateSchema = z
  .object({
    volunteer: z.object({ name: z.string(), team: z.string().nullable() }),
    from: ZDate,
    to: ZDate,
    entries: z.array(
      z.object({
        serviceDate: ZDate,
        kind: z.enum(VOLUNTEER_HOURS_KINDS),
        minutes: z.number().int(),
        reason: z.string().nullable(),
      }),
    ),
    totalMinutes: z.number().int(),
    totalHours: z.string(),
    serial: z
      .string()
      .meta({ description: '证明编号, e.g. ZYFW-20261130-7K3M9Q: in the audit log with what it certified' }),
    issuedAt: z.iso.datetime(),
  })
  .meta({
    id: 'VolunteerCertificate',
    description: '志愿服务时长证明 A certificate of a volunteer’s hours in a period',
  });
export type TCertificate = z.infer<typeof ZCertificateSchema>;

const tags = ['volunteers'];

export const listVolunteers = route({
  method: 'get',
  path: '/',
  tags,
  summary: '志愿者列表 Volunteers: staff’s serving their subtree, a team’s own',
  request: { query: ZVolunteerListQuerySchema },
  responses: { 200: json(z.array(ZVolunteerSchema), 'The page asked for; the total in Content-Range') },
});

export const getMyVolunteer = route({
  method: 'get',
  path: '/me',
  tags,
  summary: '我的志愿者信息 The signed-in volunteer: profile (phone unmasked), hours and duty',
  responses: { 200: json(ZMyVolunteerSchema, 'My profile') },
});

export const getVolunteer = route({
  method: 'get',
  path: '/{id}',
  tags,
  summary: '志愿者详情 One volunteer',
  request: { params: ZVolunteerParams },
  responses: { 200: json(ZVolunteerSchema, 'The volunteer') },
});

export const registerVolunteer = route({
  method: 'post',
  path: '/',
  tags,
  summary: '登记志愿者 A station, a center or a volunteer team registers an active volunteer with a login',
  description:
    'Staff: every community served must be inside their jurisdiction; a team (partner of kind VOLUNTEER_TEAM) ' +
    'registers its own volunteers. A username taken is a 409 naming `username`.',
  request: { body: { required: true, content: { 'application/json': { schema: ZRegisterVolunteerSchema } } } },
  responses: { 201: json(ZVolunteerSchema, 'The volunteer, ACTIVE, whose login works at once') },
});

export const approveVolunteer = route({
  method: 'post',
  path: '/{id}/approve',
  tags,
  summary: '通过志愿者申请 The team (or, without a team, a station served) approves a self-registration',
  description: 'PENDING → ACTIVE; the login works from now on. Anything but PENDING is a 409.',
  request: { params: ZVolunteerParams },
  responses: { 200: json(ZVolunteerSchema, 'The volunteer, ACTIVE') },
});

export const declineVolunteer = route({
  method: 'post',
  path: '/{id}/decline',
  tags,
  summary: '谢绝志愿者申请 The team (or a station served) declines a self-registration, saying why',
  request: {
    params: ZVolunteerParams,
    body: { required: true, content: { 'application/json': { schema: ZDeclineVolunteerSchema } } },
  },
  responses: { 200: json(ZVolunteerSchema, 'The volunteer, DECLINED') },
});

export const getVolunteerHours = route({
  method: 'get',
  path: '/{id}/hours',
  tags,
  summary: '志愿服务时长 A volunteer’s ledger of hours (of a period, by service date) and its total',
  description: 'The volunteer, their team and the centers of the communities served. The total is SUM(minutes).',
  request: { params: ZVolunteerParams, query: ZHoursQuerySchema },
  responses: { 200: json(ZHoursLedgerSchema, 'The ledger') },
});

export const correctVolunteerHours = route({
  method: 'post',
  path: '/{id}/hours/corrections',
  tags,
  summary: '更正时长 A correction of a volunteer’s hours: a new ledger entry with its reason',
  description:
    'Workers of a community served, or the volunteer’s team. Entries are never edited. A correction that would ' +
    'take the total (or the entry it corrects) below zero is a 422 naming `minutes`.',
  request: {
    params: ZVolunteerParams,
    body: { required: true, content: { 'application/json': { schema: ZCorrectionSchema } } },
  },
  responses: { 201: json(ZHoursEntrySchema, 'The correction entry') },
});

export const getVolunteerCertificate = route({
  method: 'get',
  path: '/{id}/certificate',
  tags,
  summary: '志愿服务时长证明 A certificate of the hours of a period, to print',
  description:
    'Who may read the ledger. Its total comes from the same SQL as the ledger’s; each issue has its own serial ' +
    'and is written to the audit log.',
  request: { params: ZVolunteerParams, query: ZCertificateQuerySchema },
  responses: { 200: json(ZCertificateSchema, 'The certificate') },
});
