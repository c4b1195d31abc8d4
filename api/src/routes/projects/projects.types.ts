import { z } from 'zod';
import {
  NEED_CATEGORIES,
  PLEDGE_KINDS,
  PLEDGE_STATUSES,
  PROJECT_CLOSED_REASONS,
  PROJECT_STATUSES,
  type PledgeKind,
} from '@guanai/workflows/vocabulary';
import { json, route } from '../../openapi/router.ts';
import { listQuerySchema } from '../../validation.ts';
import { ZYuan } from '../resources/resources.types.ts';

export const ZProjectParams = z.object({ id: z.uuid('must be an id (uuid)') });

export const ZPublishProjectSchema = z
  .object({
    caseId: z.uuid('must be a case id'),
    needIndex: z.number().int().min(0),
    title: z.string().trim().min(4, 'at least 4 characters').max(60),
    description: z.string().trim().min(10, 'at least 10 characters').max(1000),
    amount: ZYuan.positive().optional(),
    service: z.string().trim().max(200).optional(),
  })
  .strict()
  .refine((p) => p.amount !== undefined || p.service, {
    path: ['amount'],
    message: 'say the amount or the service needed',
  });

export type TPublishProject = z.infer<typeof ZPublishProjectSchema>;

export const ZCloseProjectSchema = z.object({ status: z.enum(PROJECT_STATUSES).exclude(['PUBLISHED']) }).strict();

export const ZProjectResponseParams = z.object({
  id: z.uuid('must be an id (uuid)'),
  responseId: z.uuid('must be an id (uuid)'),
});

/** The figure each kind of pledge states; the others are refused so a pledge means one thing. */
const PLEDGE_FIGURE: Record<PledgeKind, 'amount' | 'places' | 'quantity'> = {
  MONEY: 'amount',
  PLACES: 'places',
  GOODS: 'quantity',
  HOURS: 'quantity',
};

/** 认捐 §四(三): what a partner pledges, from which of its own published resources. */
export const ZRespondToProjectSchema = z
  .object({
    kind: z
      .enum(PLEDGE_KINDS)
      .meta({ description: 'MONEY (amount), PLACES (places), GOODS (quantity: items), HOURS (quantity: hours)' }),
    amount: ZYuan.positive('must be more than zero').optional().meta({ description: 'Yuan, for MONEY' }),
    places: z.number().int('must be a whole number').min(1, 'at least 1').max(100).optional(),
    quantity: z
      .number()
      .positive('must be more than zero')
      .max(1e6)
      .multipleOf(0.01, 'at most two decimals')
      .optional()
      .meta({ description: 'Items for GOODS, hours for HOURS' }),
    resourceId: z.uuid('must be a resource id').meta({ description: 'One of your organisation’s published resources' }),
    message: z.string().trim().min(4, 'at least 4 characters').max(1000),
  })
  .strict()
  .superRefine((body, ctx) => {
    const figure = PLEDGE_FIGURE[body.kind];
    if (body[figure] === undefined)
      ctx.addIssue({ code: 'custom', path: [figure], message: `required for a ${body.kind} pledge` });
    for (const other of ['amount', 'places', 'quantity'] as const)
      if (other !== figure && body[other] !== undefined)
        ctx.addIssue({ code: 'custom', path: [other], message: `not for a ${body.kind} pledge` });
  });

export type TRespondToProject = z.infer<typeof ZRespondToProjectSchema>;

export const ZDeclinePledgeSchema = z
  .object({ reason: z.string().trim().min(2, 'say why (at least 2 characters)').max(500) })
  .strict();

export const ZProjectListQuerySchema = listQuerySchema(
  z
    .object({
      category: z.enum(NEED_CATEGORIES).optional(),
      status: z.enum(PROJECT_STATUSES).optional(),
      townshipId: z.uuid().optional(),
      caseId: z.uuid().optional(),
    })
    .strict(),
  ['publishedAt', 'amount'] as const,
  ['publishedAt', 'DESC'],
);

/** A published project carries no person: category, township, amount or service, and the words the center chose. */
export const ZProjectSchema = z
  .object({
    id: z.uuid(),
    title: z.string(),
    description: z.string(),
    category: z.enum(NEED_CATEGORIES),
    townshipId: z.uuid(),
    townshipName: z.string(),
    districtName: z.string().nullable(),
    amount: z.number().nullable().meta({ description: 'Yuan needed' }),
    service: z.string().nullable(),
    status: z.enum(PROJECT_STATUSES),
    closedReason: z
      .enum(PROJECT_CLOSED_REASONS)
      .nullable()
      .meta({ description: 'Why it left the platform: its case closed, pledges covered its need, or its center' }),
    responses: z.number().int().meta({ description: 'How many pledges it has had' }),
    publishedAt: z.iso.datetime(),
  })
  .meta({
    id: 'Project',
    description: '援助项目 One need of a case, published anonymised on the platform (§四(六)): no person, no case',
  });

export type TProject = z.infer<typeof ZProjectSchema>;

/** Staff also see which case and need a project is of; partners do not. */
export const ZStaffProjectSchema = ZProjectSchema.extend({
  caseId: z.uuid().optional().meta({ description: 'Staff only' }),
  needIndex: z.number().int().optional().meta({ description: 'Staff only' }),
}).meta({ id: 'ProjectForStaff', description: '援助项目 A project, with its case and need for staff' });

export type TStaffProject = z.infer<typeof ZStaffProjectSchema>;

export const ZPledgeSchema = z
  .object({
    id: z.uuid(),
    partnerName: z.string(),
    kind: z.enum(PLEDGE_KINDS),
    message: z.string(),
    amount: z.number().nullable().meta({ description: 'Yuan, for MONEY' }),
    places: z.number().int().nullable(),
    quantity: z.number().nullable().meta({ description: 'Items for GOODS, hours for HOURS' }),
    resourceId: z.uuid().nullable(),
    resourceName: z.string().nullable(),
    status: z.enum(PLEDGE_STATUSES),
    declineReason: z.string().nullable().meta({ description: 'Why the center declined it, shown to the partner' }),
    decidedAt: z.iso.datetime().nullable(),
    matchId: z.uuid().nullable().meta({ description: 'The proposed match an accepted pledge became' }),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'Pledge', description: '认捐 A partner’s pledge to a project, and the center’s answer' });

export type TPledge = z.infer<typeof ZPledgeSchema>;

export const ZProjectDetailSchema = ZStaffProjectSchema.extend({
  responseList: z.array(ZPledgeSchema).meta({ description: 'All of them for staff, its own for a partner' }),
}).meta({ id: 'ProjectDetail', description: '援助项目 A project with the partners’ pledges' });

export type TProjectDetail = z.infer<typeof ZProjectDetailSchema>;

export const listProjects = route({
  method: 'get',
  path: '/',
  tags: ['projects'],
  summary: '援助项目 The projects on the platform',
  description:
    'Staff: the projects of cases they can see, with their case and need; partners: every published project.',
  request: { query: ZProjectListQuerySchema },
  responses: { 200: json(z.array(ZStaffProjectSchema), 'The page asked for; the total in Content-Range') },
});

export const getProject = route({
  method: 'get',
  path: '/{id}',
  tags: ['projects'],
  summary: '援助项目 One project, with its responses',
  description: 'Staff see every partner’s response, a partner its own.',
  request: { params: ZProjectParams },
  responses: { 200: json(ZProjectDetailSchema, 'The project and its responses') },
});

export const publishProject = route({
  method: 'post',
  path: '/',
  tags: ['projects'],
  summary: '发布援助项目 Publishes one need of a case, anonymised',
  description:
    'Caseworkers and supervisors of the center owning the case (§四(六) 援助项目发布平台). Text naming the person (name, phone, identity number, address) is refused; a need is published once (409 ALREADY_PUBLISHED).',
  request: { body: { required: true, content: { 'application/json': { schema: ZPublishProjectSchema } } } },
  responses: { 201: json(ZProjectSchema, 'The published project') },
});

export const closeProject = route({
  method: 'post',
  path: '/{id}/close',
  tags: ['projects'],
  summary: '撤下援助项目 Takes a project off the platform, funded or withdrawn',
  description: 'Caseworkers and supervisors of the center owning the case; 409 NOT_PUBLISHED when it is already off.',
  request: {
    params: ZProjectParams,
    body: { required: true, content: { 'application/json': { schema: ZCloseProjectSchema } } },
  },
  responses: { 200: json(ZProjectSchema, 'The project, off the platform') },
});

export const respondToProject = route({
  method: 'post',
  path: '/{id}/responses',
  tags: ['projects'],
  summary: '认捐 A partner pledges money, goods, places or hours to a published project',
  description:
    'Partners (§四(三)), from one of their own published resources; one live pledge per organisation (409 ALREADY_RESPONDED), again after a decline. 409 NOT_PUBLISHED when the project is off the platform; 422 naming the field for a missing or stray figure.',
  request: {
    params: ZProjectParams,
    body: { required: true, content: { 'application/json': { schema: ZRespondToProjectSchema } } },
  },
  responses: { 201: json(z.object({ id: z.uuid() }), 'The pledge’s id') },
});

export const acceptPledge = route({
  method: 'post',
  path: '/{id}/responses/{responseId}/accept',
  tags: ['projects'],
  summary: '接受认捐 Accepts a pledge: a proposed match from its resource',
  description:
    'Caseworkers and supervisors of the center owning the case. Proposes a match on the project’s need from the pledge’s resource exactly as POST /api/cases/{id}/matches does (eligibility, the capacity or budget held at once; 409 CAPACITY_EXHAUSTED leaves the pledge pending). Accepting again answers the same. When accepted money covers the project’s amount (or, without one, on the first acceptance) the project is FUNDED and the other pending pledges are declined 需求已满足.',
  request: { params: ZProjectResponseParams },
  responses: { 200: json(ZPledgeSchema, 'The pledge, accepted, with its match') },
});

export const declinePledge = route({
  method: 'post',
  path: '/{id}/responses/{responseId}/decline',
  tags: ['projects'],
  summary: '谢绝认捐 Declines a pledge, with a reason the partner sees',
  description: 'Caseworkers and supervisors of the center owning the case; 409 NOT_PENDING for an accepted pledge.',
  request: {
    params: ZProjectResponseParams,
    body: { required: true, content: { 'application/json': { schema: ZDeclinePledgeSchema } } },
  },
  responses: { 200: json(ZPledgeSchema, 'The pledge, declined') },
});
