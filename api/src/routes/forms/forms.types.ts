import { z } from 'zod';
import {
  FORM_KINDS,
  FORM_STATUSES,
  FORM_VOCABULARY_NAMES,
  FORM_WIDGETS,
  type FormLayout,
} from '@guanai/workflows/forms';
import { json, route } from '../../openapi/router.ts';
import { listQuerySchema } from '../../validation.ts';

const text = (max: number) => z.string().trim().max(max);
const ZLocalText = (max = 200) =>
  z
    .object({ zh: text(max).min(1, 'is required'), en: text(max) })
    .strict()
    .meta({ description: 'Chinese (shown first) and English' });
const ZHelpText = z.object({ zh: text(1000), en: text(1000) }).strict();

export const ZFormFieldSchema = z
  .object({
    name: z.string().min(1, 'is required').max(40).meta({ description: 'The key of its value in the answers' }),
    widget: z.enum(FORM_WIDGETS),
    label: ZLocalText(),
    help: ZHelpText.optional(),
    required: z.boolean().optional(),
    choices: z
      .union([
        z.object({ vocabulary: z.enum(FORM_VOCABULARY_NAMES as [string, ...string[]]) }).strict(),
        z
          .object({
            options: z
              .array(
                z.object({ value: z.string().trim().min(1, 'is required').max(40), label: ZLocalText(100) }).strict(),
              )
              .min(1, 'at least one option')
              .max(100),
          })
          .strict(),
      ])
      .optional()
      .meta({ description: 'select/multiselect: a vocabulary by name (e.g. NEED_CATEGORIES), or its own options' }),
    visibleIf: z
      .object({ field: z.string().min(1).max(40), equals: z.union([z.string().max(40), z.number(), z.boolean()]) })
      .strict()
      .optional()
      .meta({ description: 'Shown (and answered) only while an earlier field has this value' }),
    min: z.number().optional(),
    max: z.number().optional(),
  })
  .strict()
  .meta({ id: 'FormField', description: '表单字段 A field of a form' });

export const ZFormLayoutSchema = z
  .object({
    sections: z
      .array(
        z
          .object({
            title: ZLocalText(),
            help: ZHelpText.optional(),
            fields: z.array(ZFormFieldSchema).max(100),
          })
          .strict(),
      )
      .min(1, 'a form has at least one section')
      .max(30),
  })
  .strict()
  .meta({ id: 'FormLayout', description: '表单布局 A form’s sections and fields' });

export const ZFormDefinitionSchema = z
  .object({
    id: z.uuid(),
    kind: z.enum(FORM_KINDS),
    districtId: z.uuid().nullable().meta({ description: 'Null: the city’s' }),
    districtName: z.string().nullable(),
    version: z.number().int().meta({ description: '第N版 within its kind and scope' }),
    status: z.enum(FORM_STATUSES),
    schema: z.record(z.string(), z.unknown()).meta({ description: 'JSON Schema (draft-07) of the values' }),
    layout: ZFormLayoutSchema,
    current: z.boolean().meta({ description: 'The latest published version of its kind and scope' }),
    createdByName: z.string().nullable(),
    createdAt: z.iso.datetime(),
    publishedByName: z.string().nullable(),
    publishedAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'FormDefinition', description: '表单定义 A version of a form: its layout and the schema of its values' });
export type TFormDefinition = z.infer<typeof ZFormDefinitionSchema>;

export const ZFormListFilterSchema = z
  .object({
    id: z
      .array(z.uuid('must be a form definition id (uuid)'))
      .max(100)
      .optional()
      .meta({ description: 'These versions (a case page asks for the ones its answers name)' }),
    kind: z.enum(FORM_KINDS).optional(),
    status: z.enum(FORM_STATUSES).optional(),
    districtId: z
      .uuid('must be a district id (uuid)')
      .nullable()
      .optional()
      .meta({ description: 'A district’s versions; null: the city’s' }),
  })
  .strict();
export const ZFormListQuerySchema = listQuerySchema(
  ZFormListFilterSchema,
  ['kind', 'version', 'status', 'createdAt'] as const,
  ['kind', 'ASC'],
);

export const ZCurrentFormQuerySchema = z
  .object({
    kind: z.enum(FORM_KINDS),
    caseId: z.uuid('must be a case id (uuid)').optional(),
    districtId: z.uuid('must be a district id (uuid)').optional(),
  })
  .strict()
  .refine((q) => !(q.caseId && q.districtId), {
    path: ['districtId'],
    message: 'give a caseId or a districtId, not both',
  });

export const ZCreateFormSchema = z
  .object({
    kind: z.enum(FORM_KINDS),
    districtId: z.uuid('must be a district id (uuid)').nullable().default(null),
    layout: ZFormLayoutSchema.optional().meta({
      description: 'Omitted: a copy of the latest version (the district’s, else the city’s)',
    }),
  })
  .strict();
export type TCreateForm = z.infer<typeof ZCreateFormSchema>;

export const ZUpdateFormSchema = z.object({ layout: ZFormLayoutSchema }).strict();

export const ZFormParams = z.object({ id: z.uuid('must be a form definition id (uuid)') });

/** A task's or closure's answers as the client sends them, beside `form`. */
export const ZAnswersInputSchema = z
  .object({
    definitionId: z.uuid('must be a form definition id (uuid)'),
    values: z.record(z.string(), z.unknown()),
  })
  .strict()
  .meta({
    id: 'FormAnswersInput',
    description:
      '表单答案 The answers of the defined form (GET /api/forms/current), validated against that version’s schema: ' +
      'a 422 names answers.values.<field>',
  });

export const asLayout = (layout: z.infer<typeof ZFormLayoutSchema>) => layout as FormLayout;

const tags = ['forms'];

export const listForms = route({
  method: 'get',
  path: '/',
  tags,
  summary: '表单定义列表 Every version of the forms, city-wide and per district',
  description: 'Any signed-in user. Filter by kind, status and districtId (null: the city’s).',
  request: { query: ZFormListQuerySchema },
  responses: { 200: json(z.array(ZFormDefinitionSchema), 'The page asked for; the total in Content-Range') },
});

export const currentForm = route({
  method: 'get',
  path: '/current',
  tags,
  summary: '当前表单 The version a new answer of a kind is given with, for a case or a district',
  description:
    'Any signed-in user. The district’s latest published version, else the city’s. With caseId (a case I can ' +
    'see), the district the case started in. 404 when none is published.',
  request: { query: ZCurrentFormQuerySchema },
  responses: { 200: json(ZFormDefinitionSchema, 'The version to use') },
});

export const getForm = route({
  method: 'get',
  path: '/{id}',
  tags,
  summary: '表单定义 One version of a form',
  description: 'Any signed-in user (a case page shows each answer with its own version).',
  request: { params: ZFormParams },
  responses: { 200: json(ZFormDefinitionSchema, 'The version') },
});

export const createForm = route({
  method: 'post',
  path: '/',
  tags,
  summary: '新建草稿 An admin starts the next version of a form (city-wide or a district’s override)',
  description:
    'Admins. Without a layout, a copy of the scope’s latest version (a new district override copies the city’s). ' +
    'One draft per kind and scope: a second is a 409.',
  request: { body: { required: true, content: { 'application/json': { schema: ZCreateFormSchema } } } },
  responses: { 201: json(ZFormDefinitionSchema, 'The draft') },
});

export const updateForm = route({
  method: 'put',
  path: '/{id}',
  tags,
  summary: '编辑草稿 An admin edits a draft’s layout (its schema is derived again)',
  description:
    'Admins. A published or retired version is never changed: a 409. A bad layout is a 422 naming layout.<path>.',
  request: {
    params: ZFormParams,
    body: { required: true, content: { 'application/json': { schema: ZUpdateFormSchema } } },
  },
  responses: { 200: json(ZFormDefinitionSchema, 'The draft') },
});

export const publishForm = route({
  method: 'post',
  path: '/{id}/publish',
  tags,
  summary: '发布 An admin publishes a draft as the next version of its kind and scope',
  description: 'Admins. From then on new answers are given with it; answers given before keep their own version.',
  request: { params: ZFormParams },
  responses: { 200: json(ZFormDefinitionSchema, 'The published version') },
});

export const retireForm = route({
  method: 'post',
  path: '/{id}/retire',
  tags,
  summary: '停用 An admin retires a published version: no new answers with it',
  description:
    'Admins. The scope falls back to its previous published version (a district’s to the city’s); answers given ' +
    'with it stay, shown with it.',
  request: { params: ZFormParams },
  responses: { 200: json(ZFormDefinitionSchema, 'The retired version') },
});

export const deleteForm = route({
  method: 'delete',
  path: '/{id}',
  tags,
  summary: '删除草稿 An admin discards a draft',
  description: 'Admins. Only a draft: a published version is never deleted (409).',
  request: { params: ZFormParams },
  responses: { 200: json(ZFormDefinitionSchema, 'The discarded draft') },
});
