import { z } from 'zod';
import { json, route } from '../../openapi/router.ts';
import { callsWorkflow } from '../../request/scope.ts';
import { listQuerySchema } from '../../validation.ts';
import { NON_CHENGDU_RULE, ZCaseSchema } from '../cases/cases.types.ts';
import { ZPersonSchema } from '../people/people.types.ts';
import { APPLICANTS, APPLICATION_STATUSES } from '../public/applications.types.ts';
import { DOCUMENT_TYPES } from '../../domain/applications/image-type.ts';

export const ZApplicationSchema = z
  .object({
    id: z.uuid(),
    reference: z.string().meta({ description: '申请编号, e.g. SQ-7K3M9Q2XHP' }),
    name: z.string().meta({ description: 'The person in hardship' }),
    phone: z.string().meta({ description: 'Masked (138****5678); the full number through GET …/phone, audited' }),
    applicant: z.enum(APPLICANTS),
    applicantName: z.string().nullable().meta({ description: 'Who applied for the person, when not themself' }),
    community: z.object({ id: z.uuid(), name: z.string() }),
    situation: z.string(),
    status: z.enum(APPLICATION_STATUSES),
    submittedAt: z.iso.datetime(),
    decidedAt: z.iso.datetime().nullable(),
    decidedBy: z.object({ id: z.uuid(), name: z.string() }).nullable(),
    declineReason: z.string().nullable(),
    caseId: z.uuid().nullable().meta({ description: 'The case opened from it, once accepted' }),
    caseNo: z.string().nullable(),
    documents: z.array(
      z.object({ id: z.uuid(), filename: z.string(), contentType: z.enum(DOCUMENT_TYPES), size: z.number().int() }),
    ),
  })
  .meta({
    id: 'Application',
    description: '网上申请 An online self-application, as its station verifies it (§四(一))',
  });
export type TApplication = z.infer<typeof ZApplicationSchema>;

export const ZApplicationListQuerySchema = listQuerySchema(
  z
    .object({
      status: z.enum(APPLICATION_STATUSES, `must be one of ${APPLICATION_STATUSES.join(', ')}`).optional(),
      communityId: z.uuid('must be an org unit id (uuid)').optional(),
    })
    .strict(),
  ['submittedAt', 'decidedAt', 'reference'] as const,
  ['submittedAt', 'ASC'],
);
export type TApplicationListFilter = NonNullable<z.infer<typeof ZApplicationListQuerySchema>['filter']>;

export const ZApplicationParams = z.object({ id: z.uuid('must be an application id (uuid)') });
export const ZApplicationDocumentParams = ZApplicationParams.extend({
  documentId: z.uuid('must be a document id (uuid)'),
});

export const ZPhoneQuerySchema = z
  .object({ reason: z.string().trim().min(4, 'say why you need the full number').max(200) })
  .strict();
export const ZApplicantPhoneSchema = z
  .object({ phone: z.string() })
  .meta({ id: 'ApplicantPhone', description: '申请人完整电话 The applicant’s full phone number' });

/**
 * Verifying an application opens its case: the body of POST /cases without `discovererKind` (the
 * person came on their own: SELF_APPLICATION).
 */
export const ZAcceptApplicationSchema = z
  .object({
    /** The person, as the station verified them, new to the registry … */
    person: ZPersonSchema.optional(),
    /** … or one already in it. */
    personId: z.uuid('must be a person id').optional(),
    /** The worker saw the possible duplicates of `person` and says this is someone else. */
    confirmNotDuplicate: z.boolean().default(false),
    situation: z.string().trim().min(1, 'is required').max(4000),
    emergency: z.boolean().default(false),
  })
  .strict()
  .refine((body) => (body.person === undefined) !== (body.personId === undefined), {
    path: ['person'],
    message: 'give either the person to register or the personId of a registered one',
    when: (payload) => typeof payload.value === 'object' && payload.value !== null,
  })
  // §四(一): people without Chengdu hukou are accepted when they are in an emergency in Chengdu.
  .refine((body) => body.person?.hukou !== 'OTHER' || body.emergency, {
    path: ['emergency'],
    message: NON_CHENGDU_RULE,
  })
  .meta({ id: 'AcceptApplication', description: '受理网上申请 Opens the case of a verified application' });
export type TAcceptApplication = z.input<typeof ZAcceptApplicationSchema>;

export const ZDeclineApplicationSchema = z
  .object({
    reason: z
      .string()
      .trim()
      .min(4, 'say in at least 4 characters why (the applicant reads it)')
      .max(500, 'must be at most 500 characters'),
  })
  .strict()
  .meta({
    id: 'DeclineApplication',
    description: '不予受理 Declines an application, with the reason the applicant reads',
  });
export type TDeclineApplication = z.infer<typeof ZDeclineApplicationSchema>;

const tags = ['applications'];

export const listApplications = route({
  method: 'get',
  path: '/',
  tags,
  summary: '网上申请列表 The online applications of the communities in my subtree',
  description: 'Workers, inside their jurisdiction (§四(一) 个人申请); phones masked. Filter by status and community.',
  request: { query: ZApplicationListQuerySchema },
  responses: { 200: json(z.array(ZApplicationSchema), 'The page asked for; the total in Content-Range') },
});

export const getApplication = route({
  method: 'get',
  path: '/{id}',
  tags,
  summary: '网上申请详情 An online application, its documents and its outcome',
  description: 'Workers, inside their jurisdiction (§四(一) 个人申请); the phone masked.',
  request: { params: ZApplicationParams },
  responses: { 200: json(ZApplicationSchema, 'The application') },
});

export const revealApplicantPhone = route({
  method: 'get',
  path: '/{id}/phone',
  tags,
  summary: '查看申请人完整电话 The applicant’s full phone number, to call and verify, for a stated reason',
  description: 'Workers, inside their jurisdiction. Every such view is written to the audit log with who and why.',
  request: { params: ZApplicationParams, query: ZPhoneQuerySchema },
  responses: { 200: json(ZApplicantPhoneSchema, 'The phone number') },
});

const file = { schema: z.string().meta({ format: 'binary' }) };

export const getApplicationDocument = route({
  method: 'get',
  path: '/{id}/documents/{documentId}',
  tags,
  summary: '申请材料照片 A photo of a document sent with an application',
  description: 'Whoever may see the application.',
  request: { params: ZApplicationDocumentParams },
  responses: {
    200: {
      description: 'The photo, in the type it was sent as (its bytes were checked to be that type)',
      content: { 'image/jpeg': file, 'image/png': file, 'image/webp': file },
    },
  },
});

export const acceptApplication = route({
  method: 'post',
  path: '/{id}/accept',
  tags,
  summary: '受理网上申请 The station verified the applicant: registers the person and opens the case',
  description:
    'The station worker of the application’s community (§四(一) 个人申请). The case is a SELF_APPLICATION that ' +
    'names the application, which then reads ACCEPTED. An application already decided is a 409 ' +
    'APPLICATION_DECIDED; a retried request (same Idempotency-Key) answers the case its first attempt opened.',
  middleware: callsWorkflow,
  request: {
    params: ZApplicationParams,
    body: { required: true, content: { 'application/json': { schema: ZAcceptApplicationSchema } } },
  },
  responses: { 201: json(ZCaseSchema, 'The case opened') },
});

export const declineApplication = route({
  method: 'post',
  path: '/{id}/decline',
  tags,
  summary: '不予受理 Declines an application, with the reason the applicant reads by the reference number',
  description:
    'The station worker of the application’s community (§四(一) 个人申请); written to the audit log with the ' +
    'reason. An application already decided, or being accepted at this moment, is a 409.',
  // Autocommit: the decline commits its own transaction while it holds the application's lease, so that
  // an accept waiting for the lease sees it declined.
  middleware: callsWorkflow,
  request: {
    params: ZApplicationParams,
    body: { required: true, content: { 'application/json': { schema: ZDeclineApplicationSchema } } },
  },
  responses: { 200: json(ZApplicationSchema, 'The application, declined') },
});
