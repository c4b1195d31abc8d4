import { z } from 'zod';
import { ORG_LEVELS, ROLES } from '@guanai/workflows/vocabulary';
import { json, route } from '../../openapi/router.ts';
import { listQuerySchema } from '../../validation.ts';

export const ZPassword = z
  .string()
  .min(10, 'must be at least 10 characters')
  .max(200)
  .refine((p) => /[A-Za-z]/.test(p) && /\d/.test(p), 'must contain a letter and a digit');

export const ZCreateUserSchema = z
  .object({
    username: z
      .string()
      .trim()
      .toLowerCase()
      .regex(/^[a-z0-9][a-z0-9._-]{2,39}$/, 'must be 3–40 letters, digits, dots, dashes or underscores'),
    displayName: z.string().trim().min(1, 'is required').max(50),
    role: z.enum(ROLES),
    orgUnitId: z.uuid('must be an org unit id'),
    /** The organisation a PARTNER user acts for. */
    partnerId: z.uuid('must be a partner id').optional(),
    password: ZPassword.optional(),
  })
  .strict();

export type TCreateUser = z.infer<typeof ZCreateUserSchema>;

export const ZUpdateUserSchema = z
  .object({
    displayName: z.string().trim().min(1, 'is required').max(50).optional(),
    role: z.enum(ROLES).optional(),
    orgUnitId: z.uuid('must be an org unit id').optional(),
    partnerId: z.uuid('must be a partner id').nullable().optional(),
    active: z.boolean().optional(),
    /**
     * Issue 15: when the user is deactivated or moved, their claimed open tasks go to this colleague
     * of their unit (each one the colleague may not do back to its queue); without it, to the queues.
     */
    handoverTo: z.uuid('must be a user id (uuid)').nullable().optional(),
  })
  .strict()
  .refine((body) => Object.keys(body).length > 0, { message: 'nothing to change', path: ['(body)'] });

export type TUpdateUser = z.infer<typeof ZUpdateUserSchema>;

export const ZUserListQuerySchema = listQuerySchema(
  z
    .object({
      q: z.string().trim().max(100).optional(),
      role: z.enum(ROLES).optional(),
      orgUnitId: z.uuid().optional(),
      active: z.boolean().optional(),
      id: z.array(z.uuid()).max(100).optional(),
    })
    .strict(),
  ['username', 'displayName', 'role', 'createdAt'] as const,
  ['username', 'ASC'],
);

export const ZUserParams = z.object({ id: z.uuid('must be a user id (uuid)') });

export const ZUserSchema = z
  .object({
    id: z.uuid(),
    username: z.string(),
    displayName: z.string(),
    role: z.enum(ROLES),
    orgUnitId: z.uuid(),
    orgUnitName: z.string(),
    orgUnitLevel: z.enum(ORG_LEVELS),
    partnerId: z.uuid().nullable().meta({ description: 'The partner organisation a PARTNER user acts for' }),
    partnerName: z.string().nullable(),
    active: z.boolean(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'User', description: '工作人员账号 A staff account' });

export type TUser = z.infer<typeof ZUserSchema>;

/** The answer to a change that deactivated or moved the user: what became of their claimed tasks. */
export const ZChangedUserSchema = ZUserSchema.extend({
  handover: z
    .object({
      results: z.array(
        z.object({
          taskId: z.string(),
          caseId: z.uuid(),
          outcome: z.enum(['REASSIGNED', 'RELEASED', 'REFUSED']),
          assigneeId: z.uuid().nullable(),
          code: z.string().optional(),
          message: z.string().optional(),
        }),
      ),
    })
    .optional()
    .meta({ description: 'Deactivated or moved: each claimed task handed on (issue 15)' }),
}).meta({ id: 'ChangedUser', description: '修改后的账号（停用或调动时附任务移交结果）' });

export type TChangedUser = z.infer<typeof ZChangedUserSchema>;

export const ZTemporaryPasswordSchema = z
  .object({
    temporaryPassword: z.string().meta({ description: 'A one-time password, shown once; the user changes it' }),
  })
  .meta({ id: 'TemporaryPassword', description: '一次性密码 A one-time password' });

export type TTemporaryPassword = z.infer<typeof ZTemporaryPasswordSchema>;

export const ZCreatedUserSchema = ZUserSchema.extend({
  temporaryPassword: ZTemporaryPasswordSchema.shape.temporaryPassword.optional(),
}).meta({
  id: 'CreatedUser',
  description: '新账号；未给密码时附一次性密码 A new account, with its one-time password when none was given',
});

export type TCreatedUser = z.infer<typeof ZCreatedUserSchema>;

export const listUsers = route({
  method: 'get',
  path: '/',
  tags: ['users'],
  summary: '工作人员列表 The staff, by unit, role and state',
  description: 'Admins.',
  request: { query: ZUserListQuerySchema },
  responses: { 200: json(z.array(ZUserSchema), 'The page asked for; the total in Content-Range') },
});

export const getUser = route({
  method: 'get',
  path: '/{id}',
  tags: ['users'],
  summary: '查看账号 One staff account',
  description: 'Admins.',
  request: { params: ZUserParams },
  responses: { 200: json(ZUserSchema, 'The account') },
});

export const createUser = route({
  method: 'post',
  path: '/',
  tags: ['users'],
  summary: '新建账号 Creates a staff account',
  description:
    'Admins. The unit must be of a level the role works at; a PARTNER user names the partner organisation ' +
    'they act for. Without a password, a one-time one is made and answered once.',
  request: { body: { required: true, content: { 'application/json': { schema: ZCreateUserSchema } } } },
  responses: { 201: json(ZCreatedUserSchema, 'The new account (and its one-time password when none was given)') },
});

export const updateUser = route({
  method: 'put',
  path: '/{id}',
  tags: ['users'],
  summary: '修改账号 Changes a staff account: name, role, unit, partner, active',
  description:
    'Admins. A changed role, unit or partner takes effect at the next sign-in; deactivating signs the user out ' +
    'everywhere. An admin cannot deactivate themselves or give up the admin role. Deactivating or moving a user ' +
    'hands their claimed open tasks back to their queues (or to `handoverTo`) in the same action, through one workflow.',
  request: {
    params: ZUserParams,
    body: { required: true, content: { 'application/json': { schema: ZUpdateUserSchema } } },
  },
  responses: { 200: json(ZChangedUserSchema, 'The account as changed (with the handover of its tasks)') },
});

export const resetUserPassword = route({
  method: 'post',
  path: '/{id}/reset-password',
  tags: ['users'],
  summary: '重置密码 Gives a user a new one-time password',
  description: 'Admins, for a user who forgot theirs; their sessions end.',
  request: { params: ZUserParams },
  responses: { 200: json(ZTemporaryPasswordSchema, 'The one-time password, shown once') },
});
