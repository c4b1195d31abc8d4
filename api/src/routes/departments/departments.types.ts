import { z } from 'zod';
import { json, route } from '../../openapi/router.ts';

export const ZDepartmentSchema = z
  .object({
    id: z.string().meta({ description: 'Its code' }),
    code: z.string(),
    name: z.string(),
  })
  .meta({ id: 'Department', description: '成员单位 A member department of the joint meetings' });

export type TDepartment = z.infer<typeof ZDepartmentSchema>;

export const listDepartments = route({
  method: 'get',
  path: '/',
  tags: ['departments'],
  summary: '成员单位 The member departments of the joint meetings',
  description: 'Anyone signed in; all of them, in their order; the total in Content-Range.',
  responses: { 200: json(z.array(ZDepartmentSchema), 'Every department; the total in Content-Range') },
});
