import { z } from 'zod';
import { isValidIdNumber } from '@guanai/db';
import {
  HUKOU,
  ID_TYPES,
  RELATIONS,
  SEXES,
  VULNERABILITY_TAGS,
  type IdType,
  type Sex,
} from '@guanai/workflows/vocabulary';
import { listQuerySchema } from '../../validation.ts';

/** Document numbers other than the resident ID: letters, digits and dashes. */
const OTHER_DOCUMENT = /^[A-Z0-9-]{5,30}$/;

export const ZPhone = z
  .string()
  .trim()
  .regex(/^(1\d{10}|0\d{2,3}-?\d{7,8})$/, 'must be a mobile (11 digits) or landline number');

/** The fields of a person that the registry owns and a worker may write. */
const personFields = {
  name: z.string().trim().min(1, 'is required').max(50),
  idType: z.enum(ID_TYPES).optional(),
  idNumber: z.string().trim().toUpperCase().min(1).max(30).optional(),
  sex: z.enum(SEXES).optional(),
  birthDate: z.iso.date('must be a date YYYY-MM-DD').optional(),
  phone: ZPhone.optional(),
  address: z.string().trim().max(200).optional(),
  hukou: z.enum(HUKOU),
  relation: z.enum(RELATIONS).optional(),
  tags: z.array(z.enum(VULNERABILITY_TAGS)).max(VULNERABILITY_TAGS.length).optional(),
};

interface DocumentFields {
  idType?: IdType | undefined;
  idNumber?: string | undefined;
  sex?: Sex | undefined;
  birthDate?: string | undefined;
}

/**
 * GB 11643 for resident identity numbers, a plain pattern for other documents; and a resident
 * number's birth date and sex (digits 7–14 and 17) must agree with the ones entered.
 */
export function checkDocument(person: DocumentFields, ctx: z.core.$RefinementCtx, prefix: (string | number)[] = []) {
  if (!person.idNumber) {
    if (person.idType)
      ctx.addIssue({
        code: 'custom',
        path: [...prefix, 'idNumber'],
        message: 'is required when a document type is given',
      });
    return;
  }
  const type = person.idType ?? 'RESIDENT_ID';
  if (type === 'RESIDENT_ID') {
    if (!isValidIdNumber(person.idNumber)) {
      ctx.addIssue({
        code: 'custom',
        path: [...prefix, 'idNumber'],
        message: 'is not a valid 18-character identity number (GB 11643 check digit)',
      });
      return;
    }
    const born = `${person.idNumber.slice(6, 10)}-${person.idNumber.slice(10, 12)}-${person.idNumber.slice(12, 14)}`;
    if (person.birthDate && person.birthDate !== born)
      ctx.addIssue({
        code: 'custom',
        path: [...prefix, 'birthDate'],
        message: `does not match the identity number (${born})`,
      });
    const sex = Number(person.idNumber[16]) % 2 === 1 ? 'M' : 'F';
    if (person.sex && person.sex !== sex)
      ctx.addIssue({ code: 'custom', path: [...prefix, 'sex'], message: 'does not match the identity number' });
  } else if (!OTHER_DOCUMENT.test(person.idNumber)) {
    ctx.addIssue({ code: 'custom', path: [...prefix, 'idNumber'], message: 'must be 5–30 letters, digits or dashes' });
  }
}

const newPerson = {
  ...personFields,
  /** The community the person lives in; a station worker's own community when left out. */
  communityId: z.uuid('must be an org unit id').optional(),
  /** Joins an existing household; without it the person starts one as its head. */
  householdId: z.uuid('must be a household id').optional(),
};

/** A new person registered with a case (at the station's community). */
export const ZPersonSchema = z
  .object({ ...newPerson, communityId: z.never('a case registers the person at your community').optional() })
  .strict()
  .superRefine((person, ctx) => checkDocument(person, ctx));

export type TPersonInput = Omit<z.infer<typeof ZCreatePersonSchema>, 'confirmNotDuplicate'>;

/** A new person in the registry. */
export const ZCreatePersonSchema = z
  .object({
    ...newPerson,
    /** The worker saw the possible duplicates and says this is someone else. */
    confirmNotDuplicate: z.boolean().default(false),
  })
  .strict()
  .superRefine((person, ctx) => checkDocument(person, ctx));

/** An update: any subset of the registry's own fields; never the unit, household, owner or hashes. */
export const ZUpdatePersonSchema = z
  .object({
    ...personFields,
    name: personFields.name.optional(),
    hukou: personFields.hukou.optional(),
    // An empty value clears an optional field.
    phone: ZPhone.or(z.literal('')).optional(),
    address: z.string().trim().max(200).optional(),
  })
  .strict()
  .superRefine((person, ctx) => checkDocument(person, ctx))
  .refine((body) => Object.keys(body).length > 0, { message: 'nothing to change', path: ['(body)'] });

export const ZDuplicateCheckSchema = z
  .object({
    name: personFields.name,
    idType: personFields.idType,
    idNumber: personFields.idNumber,
    phone: ZPhone.optional(),
    address: personFields.address,
    communityId: z.uuid().optional(),
  })
  .strict();

export const ZMergeSchema = z
  .object({
    intoId: z.uuid('must be a person id'),
    reason: z.string().trim().min(4, 'say why the two records are the same person').max(500),
  })
  .strict();

export const ZPersonListQuerySchema = listQuerySchema(
  z
    .object({
      q: z.string().trim().max(100).optional(),
      communityId: z.uuid().optional(),
      householdId: z.uuid().optional(),
      tag: z.enum(VULNERABILITY_TAGS).optional(),
      hukou: z.enum(HUKOU).optional(),
      merged: z.boolean().optional(),
      id: z.array(z.uuid()).max(100).optional(),
    })
    .strict(),
  ['name', 'createdAt', 'updatedAt'] as const,
  ['createdAt', 'DESC'],
);

export const ZPersonParams = z.object({ id: z.uuid('must be a person id (uuid)') });

export const ZReasonQuery = z
  .object({ reason: z.string().trim().min(4, 'say why you need the full number').max(200) })
  .strict();
