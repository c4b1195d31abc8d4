import { z } from 'zod';
import { CASE_STATUSES, DISCOVERER_KINDS } from '@guanai/workflows/vocabulary';
import { listQuerySchema } from '../../validation.ts';
import { ZPersonSchema } from '../people/people.types.ts';

export const NON_CHENGDU_RULE = 'a person without Chengdu hukou is accepted only in an emergency (§四(一))';

export const ZCreateCaseSchema = z
  .object({
    /** A person new to the registry, registered at the station's community … */
    person: ZPersonSchema.optional(),
    /** … or one already in it. */
    personId: z.uuid('must be a person id').optional(),
    /** The worker saw the possible duplicates of `person` and says this is someone else. */
    confirmNotDuplicate: z.boolean().default(false),
    situation: z.string().trim().min(1, 'is required').max(4000),
    emergency: z.boolean().default(false),
    /** §四(一) active discovery: who found the person. */
    discovererKind: z.enum(DISCOVERER_KINDS).optional(),
  })
  .strict()
  .refine((body) => (body.person === undefined) !== (body.personId === undefined), {
    path: ['person'],
    message: 'give either the person to register or the personId of a registered one',
    // Said even when other fields are wrong too, so that an empty body names everything missing.
    when: (payload) => typeof payload.value === 'object' && payload.value !== null,
  })
  // §四(一): people without Chengdu hukou are accepted when they are in an emergency in Chengdu.
  .refine((body) => body.person?.hukou !== 'OTHER' || body.emergency, {
    path: ['emergency'],
    message: NON_CHENGDU_RULE,
  });

export type TCreateCase = z.infer<typeof ZCreateCaseSchema>;

export const ZCaseListQuerySchema = listQuerySchema(
  z
    .object({
      q: z.string().trim().max(100).optional(),
      state: z.string().max(60).optional(),
      status: z.enum(CASE_STATUSES).optional(),
      emergency: z.boolean().optional(),
      id: z.array(z.uuid()).max(100).optional(),
    })
    .strict(),
  ['createdAt', 'updatedAt', 'caseNo', 'state'] as const,
  ['createdAt', 'DESC'],
);

export const ZCaseParams = z.object({ id: z.uuid('must be a case id (uuid)') });
