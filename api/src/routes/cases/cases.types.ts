import { z } from 'zod';
import { isValidIdNumber } from '@guanai/db';
import { listQuerySchema } from '../../validation.ts';

export const ZPersonSchema = z
  .object({
    name: z.string().trim().min(1, 'is required').max(50),
    // 公民身份号码, GB 11643 check digit; people without one are registered without it.
    idNumber: z
      .string()
      .trim()
      .toUpperCase()
      .refine(isValidIdNumber, 'is not a valid 18-character identity number (GB 11643 check digit)')
      .optional(),
    sex: z.enum(['M', 'F']).optional(),
    birthDate: z.iso.date('must be a date YYYY-MM-DD').optional(),
    phone: z.string().trim().regex(/^(1\d{10}|0\d{2,3}-?\d{7,8})$/, 'must be a mobile (11 digits) or landline number').optional(),
    address: z.string().trim().max(200).optional(),
    hukou: z.enum(['CHENGDU', 'OTHER']),
  })
  .strict();

export const ZCreateCaseSchema = z
  .object({
    person: ZPersonSchema,
    situation: z.string().trim().min(1, 'is required').max(4000),
    emergency: z.boolean().default(false),
    /** §四(一) active discovery: who found the person. */
    discovererKind: z.enum(['GRID_WORKER', 'BUILDING_LEADER', 'VOLUNTEER', 'SOCIAL_WORKER', 'COMMUNITY_WORKER']).optional(),
  })
  .strict()
  // §四(一): people without Chengdu hukou are accepted when they are in an emergency in Chengdu.
  .refine((body) => body.person.hukou === 'CHENGDU' || body.emergency, {
    path: ['emergency'],
    message: 'a person without Chengdu hukou is accepted only in an emergency (§四(一))',
  });

export type TCreateCase = z.infer<typeof ZCreateCaseSchema>;

export const ZCaseListQuerySchema = listQuerySchema(
  z
    .object({
      q: z.string().trim().max(100).optional(),
      state: z.string().max(60).optional(),
      status: z.enum(['OPEN', 'SUSPENDED', 'CLOSED']).optional(),
      emergency: z.boolean().optional(),
      id: z.array(z.uuid()).max(100).optional(),
    })
    .strict(),
  ['createdAt', 'updatedAt', 'caseNo', 'state'] as const,
  ['createdAt', 'DESC'],
);

export const ZCaseParams = z.object({ id: z.uuid('must be a case id (uuid)') });
