import { z } from 'zod';
import { CASE_STATUSES, CLOSURE_REASONS, DISCOVERER_KINDS, ORG_LEVELS, ORIGINS } from '@guanai/workflows/vocabulary';
import { exportResponses, ZExportFormat } from '../../openapi/file-export.ts';
import { json, route, ZProblem } from '../../openapi/router.ts';
import { IF_MATCH } from '../../request/case-version.ts';
import { callsWorkflow } from '../../request/scope.ts';
import { listQuerySchema } from '../../validation.ts';
import { attachmentUpload, ZAttachmentSchema } from '../attachments/attachments.types.ts';
import { ZPersonSchema } from '../people/people.types.ts';
import { ZTaskSchema } from '../tasks/tasks.types.ts';
import { ZCasePlanningShape } from './plan.types.ts';
import {
  OFFERED_ACTIONS,
  ZCaseActionSchema,
  ZCaseFlagSchema,
  ZCaseStateSchema,
  ZNoteSchema,
} from './case-actions.types.ts';

export const NON_CHENGDU_RULE = 'a person without Chengdu hukou is accepted only in an emergency (§四(一))';

/** §四(一) who referred the person: a member department (成员单位), or the 12345 hotline with its ticket. */
export const ZReferralSchema = z
  .discriminatedUnion('source', [
    z
      .object({
        source: z.literal('DEPARTMENT'),
        departmentCode: z.string().trim().min(1, 'is required: the department that referred the person').max(40),
      })
      .strict(),
    z
      .object({
        source: z.literal('HOTLINE_12345'),
        ticketNo: z
          .string()
          .trim()
          .regex(/^[A-Za-z0-9-]{4,40}$/, 'must be the 12345 ticket number (4–40 letters, digits or dashes)'),
      })
      .strict(),
  ])
  .meta({ id: 'Referral', description: '转介来源 Who referred the person: a member department or the 12345 hotline' });
export type TReferral = z.infer<typeof ZReferralSchema>;

export const ZCreateCaseSchema = z
  .object({
    /** A person new to the registry, registered at the station's community … */
    person: ZPersonSchema.optional(),
    /** … or one already in it. */
    personId: z.uuid('must be a person id').optional(),
    /** The worker saw the possible duplicates of `person` and says this is someone else. */
    confirmNotDuplicate: z.boolean().default(false),
    situation: z.string().trim().min(1, 'is required').max(4000),
    emergency: z.boolean().default(false),
    /** §四(一) active discovery: who found the person. */
    discovererKind: z.enum(DISCOVERER_KINDS).optional(),
    /** §四(一) a referral by township, district or city staff: who referred the person … */
    referral: ZReferralSchema.optional(),
    /** … and the community (村/社区) it concerns, where the case starts. */
    communityId: z.uuid('must be an org unit id (uuid)').optional(),
  })
  .strict()
  .refine((body) => (body.person === undefined) !== (body.personId === undefined), {
    path: ['person'],
    message: 'give either the person to register or the personId of a registered one',
    // Said even when other fields are wrong too, so that an empty body names everything missing.
    when: (payload) => typeof payload.value === 'object' && payload.value !== null,
  })
  // §四(一): people without Chengdu hukou are accepted when they are in an emergency in Chengdu.
  .refine((body) => body.person?.hukou !== 'OTHER' || body.emergency, {
    path: ['emergency'],
    message: NON_CHENGDU_RULE,
  });

export type TCreateCase = z.infer<typeof ZCreateCaseSchema>;

export const ZCaseListQuerySchema = listQuerySchema(
  z
    .object({
      q: z.string().trim().max(100).optional(),
      state: z.string().max(60).optional(),
      status: z.enum(CASE_STATUSES).optional(),
      emergency: z.boolean().optional(),
      id: z.array(z.uuid()).max(100).optional(),
      /** The tier of the unit that owns the case (the home pages' "open cases by tier"). */
      tier: z.enum(ORG_LEVELS).optional(),
      /** Cases owned by this unit or a unit below it. */
      unitId: z.uuid('must be an org unit id (uuid)').optional(),
      /** Cases that started in this community (村/社区). */
      communityId: z.uuid('must be an org unit id (uuid)').optional(),
      /** Cases changed after this time ("changed since I last looked"). */
      changedSince: z.iso.datetime({ offset: true, message: 'must be an ISO date-time' }).optional(),
      /** Cases whose last escalation was returned with guidance. */
      returned: z.literal(true, 'must be true (the cases whose last escalation was returned)').optional(),
    })
    .strict(),
  ['createdAt', 'updatedAt', 'caseNo', 'state'] as const,
  ['createdAt', 'DESC'],
);

export type TCaseListFilter = NonNullable<z.infer<typeof ZCaseListQuerySchema>['filter']>;

export const ZCaseParams = z.object({ id: z.uuid('must be a case id (uuid)') });

export const ZIdNumberQuerySchema = z
  .object({ reason: z.string().trim().min(4, 'say why you need the full number').max(200) })
  .strict();

export const ZCaseSchema = z
  .object({
    id: z.uuid(),
    caseNo: z.string().meta({ description: 'GA-<year>-<serial>' }),
    personName: z.string(),
    personIdMasked: z.string().nullable().meta({ description: 'The identity number with its middle digits masked' }),
    state: z.string().meta({ description: 'The case statechart’s state' }),
    status: z.enum(CASE_STATUSES),
    closureReason: z.enum(CLOSURE_REASONS).nullable(),
    emergency: z.boolean(),
    origin: z.enum(ORIGINS),
    owningUnitId: z.uuid(),
    owningUnitName: z.string(),
    originUnitId: z.uuid(),
    originUnitName: z.string(),
    situation: z.string(),
    flags: z.array(ZCaseFlagSchema),
    /** The case's version: the sequence number of its last event (its ETag; If-Match on an action). */
    version: z.number().int().meta({ description: 'The sequence number of its last event; its ETag' }),
    /** The online self-application (网上申请) it was opened from. */
    applicationId: z.uuid().nullable(),
    /** §四(一) a REFERRAL's source. */
    referral: ZReferralSchema.nullable(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'Case', description: '案件 A case: one person’s request for help, from intake to closure' });
export type TCase = z.infer<typeof ZCaseSchema>;

export const ZCaseEventSchema = z
  .object({
    seq: z.number().int(),
    type: z.string().meta({ description: 'The machine event (ASSESSED, ESCALATE, ADD_NOTE, …)' }),
    fromState: z.string().nullable(),
    toState: z.string(),
    actorName: z.string().nullable().meta({ description: 'Null for the system (SLA timers, the workflow)' }),
    at: z.iso.datetime(),
    payload: z.record(z.string(), z.unknown()).meta({ description: 'What the event carried (its form, reason, …)' }),
    attachments: z.array(ZAttachmentSchema),
  })
  .meta({ id: 'CaseEvent', description: '案件时间线上的一条 One entry of a case’s timeline' });
export type TCaseEvent = z.infer<typeof ZCaseEventSchema>;

export const ZCaseDetailSchema = ZCaseSchema.extend({
  actions: z
    .array(z.enum(OFFERED_ACTIONS))
    .meta({ description: 'The case-level actions the machine lets me take now' }),
  events: z.array(ZCaseEventSchema),
  tasks: z.array(ZTaskSchema),
  ...ZCasePlanningShape,
}).meta({ id: 'CaseDetail', description: '案件详情 A case with its timeline, its tasks and the actions I may take' });
export type TCaseDetail = z.infer<typeof ZCaseDetailSchema>;

export const ZIdNumberSchema = z
  .object({ idNumber: z.string() })
  .meta({ id: 'IdNumber', description: '完整身份证号 The full identity number' });

/** If-Match: the case version an action was decided on (a phone's offline action). */
export const ZIfMatchHeaders = z.object({
  'if-match': z
    .string()
    .regex(IF_MATCH, 'must be the case’s version as its ETag gave it, e.g. "12"')
    .optional()
    .meta({ description: 'The case version (ETag) the action was decided on; a case that moved since answers 412' }),
});

/** The 412 of an action on a stale version: the problem, with the case as it is now. */
export const ZStaleProblem = ZProblem.extend({ current: ZCaseSchema }).meta({
  id: 'StaleCaseProblem',
  description: '案件已变化 The case moved since the version in If-Match; `current` is the case as it is now',
});

const staleVersionAnswer = {
  description: '案件已变化 The case changed since If-Match’s version: the problem, with the case as it is now',
  content: { 'application/problem+json': { schema: ZStaleProblem } },
} as const;

const tags = ['cases'];

export const listCases = route({
  method: 'get',
  path: '/',
  tags,
  summary: '案件列表 The cases owned by, or started in, a unit of my subtree',
  request: { query: ZCaseListQuerySchema },
  responses: { 200: json(z.array(ZCaseSchema), 'The page asked for; the total in Content-Range') },
});

/** The export takes the list's filter and sort, and a format; its rows are capped, not paged. */
export const ZCaseExportQuerySchema = ZCaseListQuerySchema.pick({ filter: true, sort: true }).extend({
  format: ZExportFormat,
});

export const exportCases = route({
  method: 'get',
  path: '/export',
  tags,
  summary: '导出案件 The filtered case list as CSV or Excel',
  description:
    'Who may list the cases, with the list’s filter and sort, inside their jurisdiction. CSV (UTF-8 with BOM, for ' +
    'Excel) or an .xlsx workbook, by `format` or Accept; Chinese headers; identity numbers and phones masked. At ' +
    'most 10,000 rows (more is a 422 naming the filter: narrow it). Written to the audit log with its filter and size.',
  request: { query: ZCaseExportQuerySchema },
  responses: exportResponses,
});

export const getCase = route({
  method: 'get',
  path: '/{id}',
  tags,
  summary: '案件详情 A case I can see, with its timeline, its tasks and the actions I may take',
  request: { params: ZCaseParams },
  responses: {
    200: {
      ...json(ZCaseDetailSchema, 'The case'),
      headers: z.object({
        ETag: z.string().meta({ description: 'The case’s version ("<seq>"), to send back as If-Match' }),
      }),
    },
  },
});

export const openCase = route({
  method: 'post',
  path: '/',
  tags,
  summary: '立案 Registers the person (or takes a registered one) and opens the case workflow',
  description:
    'A station worker (self-application, §四(一)) or a discoverer (outreach report) at a community service station (服务站). ' +
    'A person without Chengdu hukou is accepted only in an emergency (§四(一)); one case is open per person. ' +
    'A retried request (same Idempotency-Key) answers the case its first attempt opened.',
  middleware: callsWorkflow,
  request: { body: { required: true, content: { 'application/json': { schema: ZCreateCaseSchema } } } },
  responses: { 201: json(ZCaseSchema, 'The case opened') },
});

export const revealIdNumber = route({
  method: 'get',
  path: '/{id}/id-number',
  tags,
  summary: '查看完整身份证号 The full identity number of the case’s person, for a stated reason',
  description: 'Every such view is written to the audit log with who and why.',
  request: { params: ZCaseParams, query: ZIdNumberQuerySchema },
  responses: { 200: json(ZIdNumberSchema, 'The identity number') },
});

export const actOnCase = route({
  method: 'post',
  path: '/{id}/actions',
  tags,
  summary: '案件操作 A case-level action (escalate, suspend, close, reopen, flag, reassign, …)',
  description:
    'Whoever the case statechart allows, by action. §四(二): escalation goes to the next tier. Reopening is refused while the person has another open case.',
  middleware: callsWorkflow,
  request: {
    params: ZCaseParams,
    headers: ZIfMatchHeaders,
    body: { required: true, content: { 'application/json': { schema: ZCaseActionSchema } } },
  },
  responses: { 200: json(ZCaseStateSchema, 'The case’s state after the action'), 412: staleVersionAnswer },
});

export const addCaseNote = route({
  method: 'post',
  path: '/{id}/notes',
  tags,
  summary: '添加记录 A note (a visit, a call, a note) on the case, with its attachments',
  description:
    'Anyone who may work on or knows the case, its station included. A visit recorded offline carries its check-in ' +
    'time and place, and the case version it was made on (If-Match): it lands although the case moved, unless the ' +
    'case no longer takes it (closed meanwhile: 412 with the case as it is now; a written note still lands).',
  request: {
    params: ZCaseParams,
    headers: ZIfMatchHeaders,
    body: { required: true, content: { 'application/json': { schema: ZNoteSchema } } },
  },
  responses: { 201: json(ZCaseStateSchema, 'The case’s state; the note is on its timeline'), 412: staleVersionAnswer },
});

export const addCaseAttachment = route({
  method: 'post',
  path: '/{id}/attachments',
  tags,
  summary: '上传附件 Uploads a file (a photo or PDF) to a case that is not closed; a note then refers to it',
  request: { params: ZCaseParams, body: attachmentUpload },
  responses: { 201: json(ZAttachmentSchema, 'The stored file') },
});
