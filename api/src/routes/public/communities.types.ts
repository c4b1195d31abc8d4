import { z } from 'zod';
import { json, route } from '../../openapi/router.ts';

const ZUnitName = z.object({ id: z.uuid(), name: z.string() });

export const ZPublicCommunitySchema = z
  .object({ id: z.uuid(), name: z.string(), township: ZUnitName, district: ZUnitName })
  .meta({ id: 'PublicCommunity', description: '村/社区 A community of the network, with its township and district' });
export type TPublicCommunity = z.infer<typeof ZPublicCommunitySchema>;

export const listPublicCommunities = route({
  method: 'get',
  path: '/communities',
  tags: ['public'],
  summary: '村/社区列表 Every community of the network, to pick where one lives',
  description:
    'Without signing in (§四(一) 个人申请): the picker of the online application builds its tree (district → ' +
    'township → community) from these; by district, township and community code.',
  responses: { 200: json(z.array(ZPublicCommunitySchema), 'Every community') },
});
