import { z } from 'zod';
import { ORG_LEVELS, ROLES } from '@guanai/workflows/vocabulary';
import { json, route } from '../../openapi/router.ts';
import { ZPassword } from '../users/users.types.ts';

export const ZLoginSchema = z.object({
  username: z.string().trim().min(1, 'is required').max(100),
  password: z.string().min(1, 'is required').max(200),
});

export const ZChangePasswordSchema = z
  .object({ currentPassword: z.string().min(1, 'is required').max(200), newPassword: ZPassword })
  .strict();

export type TChangePassword = z.infer<typeof ZChangePasswordSchema>;

export const ZMeSchema = z
  .object({
    id: z.uuid(),
    username: z.string(),
    displayName: z.string(),
    role: z.enum(ROLES),
    orgUnit: z.object({ id: z.uuid(), code: z.string(), name: z.string(), level: z.enum(ORG_LEVELS) }),
    partnerId: z.uuid().nullable().meta({ description: 'For PARTNER users: the organisation they act for' }),
    can: z
      .array(z.string())
      .meta({ description: 'The routes the role may call, as "METHOD /api/path/:param" (auth/policy.ts)' }),
  })
  .meta({
    id: 'Me',
    description: '当前登录用户及其可调用的接口 The signed-in user, and the routes their role may call',
  });

export type TMe = z.infer<typeof ZMeSchema>;

export const login = route({
  method: 'post',
  path: '/login',
  tags: ['auth'],
  summary: '登录 Signs in with username and password',
  description:
    'Anyone. Sets the HttpOnly session cookie `guanai_session`. Failed sign-ins are rate-limited per username ' +
    'and address (429 with Retry-After).',
  request: { body: { required: true, content: { 'application/json': { schema: ZLoginSchema } } } },
  responses: { 200: json(ZMeSchema, 'Signed in; the session cookie is set') },
});

export const logout = route({
  method: 'post',
  path: '/logout',
  tags: ['auth'],
  summary: '退出登录 Signs out (revokes the session)',
  responses: { 204: { description: 'Signed out; the session cookie is cleared' } },
});

export const me = route({
  method: 'get',
  path: '/me',
  tags: ['auth'],
  summary: '我是谁 Who am I, and which routes my role may call',
  responses: { 200: json(ZMeSchema, 'The signed-in user') },
});

export const changePassword = route({
  method: 'post',
  path: '/password',
  tags: ['auth'],
  summary: '修改密码 Changes my own password',
  description: 'Signed-in user (e.g. after an admin reset it). Their other sessions end.',
  request: { body: { required: true, content: { 'application/json': { schema: ZChangePasswordSchema } } } },
  responses: { 204: { description: 'Changed' } },
});
