import { z } from 'zod';
import { ORG_LEVELS } from '@guanai/workflows/vocabulary';
import { json, route } from '../../openapi/router.ts';
import { listQuerySchema } from '../../validation.ts';

export const ZOrgUnitListQuerySchema = listQuerySchema(
  z
    .object({
      q: z.string().trim().max(100).optional(),
      level: z.enum(ORG_LEVELS).optional(),
      parentId: z.uuid().optional(),
      id: z.array(z.uuid()).max(100).optional(),
    })
    .strict(),
  ['code', 'name', 'level'] as const,
  ['code', 'ASC'],
);

export const ZOrgUnitParams = z.object({ id: z.uuid('must be an org unit id (uuid)') });

export const ZCreateOrgUnitSchema = z
  .object({
    code: z
      .string()
      .trim()
      .regex(/^\d{12}$/, 'must be a 12-digit division code'),
    name: z.string().trim().min(1, 'is required').max(100),
    level: z.enum(ORG_LEVELS).exclude(['CITY']),
    parentId: z.uuid('must be an org unit id'),
  })
  .strict();

export type TCreateOrgUnit = z.infer<typeof ZCreateOrgUnitSchema>;

// Code, level and parent are fixed: cases, people and paths refer to them.
export const ZUpdateOrgUnitSchema = z.object({ name: z.string().trim().min(1, 'is required').max(100) }).strict();

export type TUpdateOrgUnit = z.infer<typeof ZUpdateOrgUnitSchema>;

export const ZRosterImportQuery = z.object({ dryRun: z.enum(['true', 'false']).default('true') }).strict();

export const ZOrgUnitSchema = z
  .object({
    id: z.uuid(),
    code: z.string().meta({ description: '行政区划代码 The 12-digit division code' }),
    name: z.string(),
    level: z.enum(ORG_LEVELS),
    parentId: z.uuid().nullable(),
    parentName: z.string().nullable(),
    path: z.string().meta({ description: 'The codes from the city down, e.g. "510100000000/510104000000/"' }),
    children: z.number().int().meta({ description: 'Units directly below' }),
    users: z.number().int().meta({ description: 'Staff accounts at the unit' }),
    createdAt: z.iso.datetime(),
  })
  .meta({
    id: 'OrgUnit',
    description: '三级中心、四级网络中的一个单位 A unit of the network (city, district, township, community)',
  });

export type TOrgUnit = z.infer<typeof ZOrgUnitSchema>;

export const ZOrgRosterImportResultSchema = z
  .object({
    dryRun: z.boolean(),
    rows: z.number().int().meta({ description: 'Rows in the roster' }),
    imported: z.number().int().meta({ description: 'Units created (0 in a dry run)' }),
  })
  .meta({ id: 'OrgRosterImportResult', description: '区划名册导入结果 The result of an org-unit roster import' });

export type TOrgRosterImportResult = z.infer<typeof ZOrgRosterImportResultSchema>;

export const listOrgUnits = route({
  method: 'get',
  path: '/',
  tags: ['org-units'],
  summary: '单位列表 The network’s units, to pick from',
  description: 'Anyone signed in (administrative divisions are public).',
  request: { query: ZOrgUnitListQuerySchema },
  responses: { 200: json(z.array(ZOrgUnitSchema), 'The page asked for; the total in Content-Range') },
});

export const getOrgUnit = route({
  method: 'get',
  path: '/{id}',
  tags: ['org-units'],
  summary: '查看单位 One unit',
  request: { params: ZOrgUnitParams },
  responses: { 200: json(ZOrgUnitSchema, 'The unit') },
});

export const createOrgUnit = route({
  method: 'post',
  path: '/',
  tags: ['org-units'],
  summary: '新建单位 Creates a unit one level below its parent',
  description: 'Admins. The code is unique; a community has no units below it.',
  request: { body: { required: true, content: { 'application/json': { schema: ZCreateOrgUnitSchema } } } },
  responses: { 201: json(ZOrgUnitSchema, 'The new unit') },
});

export const renameOrgUnit = route({
  method: 'put',
  path: '/{id}',
  tags: ['org-units'],
  summary: '修改单位名称 Renames a unit',
  description: 'Admins. Code, level and parent are fixed: cases, people and paths refer to them.',
  request: {
    params: ZOrgUnitParams,
    body: { required: true, content: { 'application/json': { schema: ZUpdateOrgUnitSchema } } },
  },
  responses: { 200: json(ZOrgUnitSchema, 'The unit as renamed') },
});

export const importOrgRoster = route({
  method: 'post',
  path: '/import',
  tags: ['org-units'],
  summary: '导入区划名册 Imports townships, villages and communities from a CSV roster',
  description:
    'Admins. The CSV has the header `code,name,level,parent_code` (a parent in the database or anywhere in the ' +
    'file, one level up). With dryRun=true (the default) it only checks; it imports nothing until every row is ' +
    'clean (a 422 names each bad row), then all rows in one transaction.',
  request: {
    query: ZRosterImportQuery,
    body: {
      required: true,
      content: {
        'text/csv': { schema: z.string().meta({ description: 'code,name,level,parent_code; at most 5 MB' }) },
      },
    },
  },
  responses: { 200: json(ZOrgRosterImportResultSchema, 'Checked (dry run) or imported') },
});
