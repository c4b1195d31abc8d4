import { z } from 'zod';
import { CAMPAIGN_TYPES, NEED_CATEGORIES, RESOURCE_KINDS } from '@guanai/workflows/vocabulary';
import { json, route } from '../../openapi/router.ts';
import { ZProjectListQuerySchema, ZProjectSchema } from '../projects/projects.types.ts';

/** A published resource as the public sees it: no ids of units or partners, no reservations. */
export const ZOfferSchema = z
  .object({
    id: z.uuid(),
    kind: z.enum(RESOURCE_KINDS),
    name: z.string(),
    description: z.string().nullable(),
    providerName: z.string(),
    coverageName: z.string(),
    categories: z.array(z.enum(NEED_CATEGORIES)),
    remainingPlaces: z.number().int().nullable(),
    campaign: z
      .object({
        type: z.enum(CAMPAIGN_TYPES).nullable(),
        target: z.number(),
        raised: z.number().meta({ description: 'Its donations, the figure the disclosure publishes (§四(七))' }),
        deadline: z.iso.date().nullable(),
      })
      .nullable()
      .meta({ description: 'Fundraising campaigns only' }),
  })
  .meta({ id: 'Offer', description: '公开的援助资源 A published resource, as the public sees it' });

export type TOffer = z.infer<typeof ZOfferSchema>;

export const listPublicProjects = route({
  method: 'get',
  path: '/projects',
  tags: ['public'],
  summary: '公开援助项目 The published projects, for donors',
  description: 'Without signing in (§四(六)); by category and township. No person, no case.',
  request: { query: ZProjectListQuerySchema },
  responses: { 200: json(z.array(ZProjectSchema), 'The page asked for; the total in Content-Range') },
});

export const listPublicOffers = route({
  method: 'get',
  path: '/offers',
  tags: ['public'],
  summary: '公开援助资源 The published resources and campaigns',
  description: 'Without signing in: the newest 200; a campaign with what its donations raised (§四(七)).',
  responses: { 200: json(z.array(ZOfferSchema), 'The published resources, newest first') },
});
