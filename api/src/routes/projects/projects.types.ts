import { z } from 'zod';
import { NEED_CATEGORIES, PROJECT_STATUSES } from '@guanai/workflows/vocabulary';
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

export const ZRespondToProjectSchema = z
  .object({
    message: z.string().trim().min(4, 'at least 4 characters').max(1000),
    amount: ZYuan.positive().optional(),
    resourceId: z.uuid('must be a resource id').optional(),
  })
  .strict();

export type TRespondToProject = z.infer<typeof ZRespondToProjectSchema>;

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
    responses: z.number().int().meta({ description: 'How many partners have responded' }),
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

export const ZProjectResponseSchema = z
  .object({
    id: z.uuid(),
    partnerName: z.string(),
    message: z.string(),
    amount: z.number().nullable(),
    resourceId: z.uuid().nullable(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'ProjectResponse', description: '响应 A partner’s response to a project' });

export const ZProjectDetailSchema = ZStaffProjectSchema.extend({
  responseList: z.array(ZProjectResponseSchema).meta({ description: 'All of them for staff, its own for a partner' }),
}).meta({ id: 'ProjectDetail', description: '援助项目 A project with the partners’ responses' });

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
  summary: '响应援助项目 A partner answers a published project',
  description: 'Partners, once per organisation (409 ALREADY_RESPONDED), optionally naming one of their resources.',
  request: {
    params: ZProjectParams,
    body: { required: true, content: { 'application/json': { schema: ZRespondToProjectSchema } } },
  },
  responses: { 201: json(z.object({ id: z.uuid() }), 'The response’s id') },
});
