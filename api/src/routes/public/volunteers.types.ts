import { z } from 'zod';
import { VOLUNTEER_STATUSES } from '@guanai/workflows/vocabulary';
import { json, route } from '../../openapi/router.ts';
import { ZRegisterVolunteerSchema } from '../volunteers/volunteers.types.ts';

export const ZVolunteerTeamSchema = z
  .object({ id: z.uuid(), name: z.string() })
  .meta({ id: 'PublicVolunteerTeam', description: '志愿服务队 A volunteer team one may join' });
export type TVolunteerTeam = z.infer<typeof ZVolunteerTeamSchema>;

export const ZVolunteerRegistrationReceiptSchema = z
  .object({
    status: z.enum(VOLUNTEER_STATUSES),
    username: z.string().meta({ description: 'The login, which works once the registration is approved' }),
    team: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  })
  .strict()
  .meta({
    id: 'VolunteerRegistrationReceipt',
    description: '志愿者注册回执 A self-registration, waiting for approval',
  });
export type TVolunteerRegistrationReceipt = z.infer<typeof ZVolunteerRegistrationReceiptSchema>;

const tags = ['public'];

export const listVolunteerTeams = route({
  method: 'get',
  path: '/volunteer-teams',
  tags,
  summary: '志愿服务队列表 The active volunteer teams, to join when registering',
  responses: { 200: json(z.array(ZVolunteerTeamSchema), 'Every active volunteer team, by name') },
});

export const registerVolunteerPublic = route({
  method: 'post',
  path: '/volunteers',
  tags,
  summary: '志愿者注册 Anyone registers as a volunteer from the phone; the team approves',
  description:
    'Without signing in (§四(三) 志愿服务): PENDING until the team (or, without a team, the station of a community ' +
    'served) approves; the login works only then. A 422 names every field in error; a username taken is a 409; ' +
    'too many registrations from one address within an hour are a 429 with Retry-After.',
  request: { body: { required: true, content: { 'application/json': { schema: ZRegisterVolunteerSchema } } } },
  responses: { 201: json(ZVolunteerRegistrationReceiptSchema, 'Registered, waiting for approval') },
});
