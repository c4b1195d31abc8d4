import { z } from 'zod';
import { ROLES } from '@guanai/workflows/vocabulary';
import { json, route } from '../../openapi/router.ts';
import { listQuerySchema } from '../../validation.ts';

export const ZColleagueListQuerySchema = listQuerySchema(
  z
    .object({
      q: z.string().trim().max(50).optional(),
      /** same: my unit only (an absence's delegate); subtree: my unit and below (a supervisor's handover). */
      scope: z.enum(['same', 'subtree']).optional(),
      /** Whose colleagues: mine, or (supervisors) a team member's (an absence set for them). */
      of: z.uuid().optional(),
      id: z.array(z.uuid()).max(100).optional(),
    })
    .strict(),
  ['displayName'] as const,
  ['displayName', 'ASC'],
);

export const ZColleagueSchema = z
  .object({
    id: z.uuid(),
    displayName: z.string(),
    role: z.enum(ROLES),
    orgUnitId: z.uuid(),
    orgUnitName: z.string(),
  })
  .meta({ id: 'Colleague', description: '同事 An active colleague: a name and a unit, nothing more' });

export const listColleagues = route({
  method: 'get',
  path: '/',
  tags: ['colleagues'],
  summary:
    '同事 Active colleagues of my unit (or, for supervisors, of my subtree): the pickers of handover and absence',
  request: { query: ZColleagueListQuerySchema },
  responses: { 200: json(z.array(ZColleagueSchema), 'The page asked for; the total in Content-Range') },
});
