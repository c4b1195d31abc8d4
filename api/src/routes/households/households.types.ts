import { z } from 'zod';
import { json, route } from '../../openapi/router.ts';
import { ZYuan } from '../resources/resources.types.ts';

export const ZUpdateHouseholdSchema = z
  .object({
    address: z.string().trim().max(200).optional(),
    /** Yuan per month for the whole household; eligibility divides it by the members. Null: not known. */
    monthlyIncome: ZYuan.nullable().optional(),
    /** Yuan of financial assets in total (issue 17: against a scheme's asset limit per head). Null: not known. */
    assets: ZYuan.nullable().optional(),
    /** 特困: a legal supporter able to support them (法定赡养、抚养、扶养义务人). Null: not known. */
    hasSupporter: z.boolean().nullable().optional(),
  })
  .strict()
  .refine((body) => Object.keys(body).length > 0, { message: 'nothing to change', path: ['(body)'] });

export type TUpdateHousehold = z.infer<typeof ZUpdateHouseholdSchema>;

export const ZHouseholdParams = z.object({ id: z.uuid('must be a household id (uuid)') });

export const ZHouseholdSchema = z
  .object({
    id: z.uuid(),
    address: z.string().nullable(),
    monthlyIncome: z
      .number()
      .nullable()
      .meta({ description: 'Yuan per month for the whole household; null: not known' }),
    members: z.number().int().meta({ description: 'Members not merged away' }),
    assets: z.number().nullable().meta({ description: 'Yuan of financial assets in total; null: not known' }),
    hasSupporter: z.boolean().nullable().meta({ description: '特困: a legal supporter able to support them' }),
  })
  .meta({ id: 'Household', description: '家庭：住址与月收入 A household: its address and monthly income' });

export type THousehold = z.infer<typeof ZHouseholdSchema>;

export const updateHousehold = route({
  method: 'put',
  path: '/{id}',
  tags: ['households'],
  summary: '修改家庭信息 Changes a household’s address and monthly income',
  description:
    'Station workers, caseworkers, supervisors, inside their jurisdiction. Matching reads the income per head ' +
    '(the household income divided by its members).',
  request: {
    params: ZHouseholdParams,
    body: { required: true, content: { 'application/json': { schema: ZUpdateHouseholdSchema } } },
  },
  responses: { 200: json(ZHouseholdSchema, 'The household as changed') },
});
