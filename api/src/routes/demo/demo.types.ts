import { z } from 'zod';
import { json, route } from '../../openapi/router.ts';

export const DEMO_STATES = ['absent', 'loading', 'done', 'failed'] as const;

export const ZDemoStatusSchema = z
  .object({
    state: z.enum(DEMO_STATES).meta({
      description:
        'absent: no demo data; loading: the loader runs; done: the database holds demo data; failed: the loader stopped',
    }),
    loaded: z.number().int().meta({ description: 'Demo cases loaded so far' }),
    total: z.number().int().meta({ description: 'Demo cases the loader loads' }),
  })
  .meta({ id: 'DemoStatus', description: '演示数据 The demo data: whether it is there and how far loading is' });

export type TDemoStatus = z.infer<typeof ZDemoStatusSchema>;

export const getDemoStatus = route({
  method: 'get',
  path: '/status',
  tags: ['demo'],
  summary: '演示数据状态 Whether the database holds demo data, and the loader’s progress',
  description:
    'Anyone signed in. Reads the demo loader workflow’s progress (a Query) while it runs, else the database.',
  responses: { 200: json(ZDemoStatusSchema, 'The demo’s state and progress') },
});
