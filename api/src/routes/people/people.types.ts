import { z } from 'zod';
import { isValidIdNumber } from '@guanai/db';
import {
  CASE_STATUSES,
  HUKOU,
  ID_TYPES,
  RELATIONS,
  SEXES,
  VULNERABILITY_TAGS,
  type IdType,
  type Sex,
} from '@guanai/workflows/vocabulary';
import { json, route } from '../../openapi/router.ts';
import { callsWorkflow } from '../../request/scope.ts';
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
  .object({
    ...newPerson,
    // A never field has no OpenAPI type of its own: `not: {}` says that no value is accepted.
    communityId: z
      .never('a case registers the person at your community')
      .meta({ type: 'string', not: {}, description: 'Not accepted: a case registers the person at your community' })
      .optional(),
  })
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
    /** 劳动能力 (issue 17, 特困): null clears it (judged by age). */
    canWork: z.boolean().nullable().optional().meta({ description: '劳动能力 for eligibility; null: not recorded' }),
  })
  .strict()
  .superRefine((person, ctx) => checkDocument(person, ctx))
  .refine((body) => Object.keys(body).length > 0, { message: 'nothing to change', path: ['(body)'] });

export type TUpdatePerson = z.infer<typeof ZUpdatePersonSchema>;

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

export type TPersonListFilter = NonNullable<z.infer<typeof ZPersonListQuerySchema>['filter']>;

export const ZPersonExportQuery = ZPersonListQuerySchema.pick({ filter: true });

export const ZPersonParams = z.object({ id: z.uuid('must be a person id (uuid)') });

export const ZReasonQuery = z
  .object({ reason: z.string().trim().min(4, 'say why you need the full number').max(200) })
  .strict();

// Answers

const day = z.iso.date();

export const ZPersonRecordSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    sex: z.enum(SEXES).nullable(),
    birthDate: day.nullable(),
    phone: z.string().nullable(),
    address: z.string().nullable(),
    hukou: z.enum(HUKOU),
    idType: z.enum(ID_TYPES).nullable(),
    idNumberMasked: z
      .string()
      .nullable()
      .meta({ description: 'The document number masked; the full one is never listed' }),
    communityId: z.uuid(),
    communityName: z.string(),
    householdId: z.uuid().nullable(),
    relation: z.enum(RELATIONS).nullable().meta({ description: 'Relation to the head of the household' }),
    tags: z.array(z.enum(VULNERABILITY_TAGS)),
    mergedIntoId: z
      .uuid()
      .nullable()
      .meta({ description: 'Set when this record was merged into another (the kept one)' }),
    openCases: z.number().int().meta({ description: 'Cases of the person that are not closed' }),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'Person', description: '困难群众信息库中的一条记录 A record of the registry of people in hardship' });

export type TPersonRecord = z.infer<typeof ZPersonRecordSchema>;

export const ZHouseholdMemberSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    relation: z.enum(RELATIONS).nullable(),
    sex: z.enum(SEXES).nullable(),
    birthDate: day.nullable(),
    idNumberMasked: z.string().nullable(),
    tags: z.array(z.enum(VULNERABILITY_TAGS)),
  })
  .meta({ id: 'HouseholdMember', description: '家庭成员 A member of the household' });

export const ZPersonDetailSchema = ZPersonRecordSchema.extend({
  household: z
    .object({
      id: z.uuid(),
      address: z.string().nullable(),
      monthlyIncome: z
        .number()
        .nullable()
        .meta({ description: 'Yuan per month for the whole household; null: not known' }),
      members: z
        .array(ZHouseholdMemberSchema)
        .meta({ description: 'The members not merged away, oldest record first' }),
    })
    .nullable(),
  cases: z
    .array(
      z.object({
        id: z.uuid(),
        caseNo: z.string(),
        state: z.string().meta({ description: "The case machine's state, dotted (e.g. planning.drafting)" }),
        status: z.enum(CASE_STATUSES),
        createdAt: z.iso.datetime(),
      }),
    )
    .meta({ description: 'The cases of the person, newest first' }),
}).meta({ id: 'PersonDetail', description: '一人的记录、家庭与案件 A person, their household and their cases' });

export type TPersonDetail = z.infer<typeof ZPersonDetailSchema>;

export const DUPLICATE_MATCHES = ['ID_NUMBER', 'PHONE', 'NAME_ADDRESS'] as const;

export const ZDuplicateSchema = z
  .object({
    id: z.uuid().nullable().meta({ description: "null when the record is outside the caller's jurisdiction" }),
    name: z.string().meta({ description: "Masked when the record is outside the caller's jurisdiction" }),
    idNumberMasked: z.string().nullable(),
    communityName: z.string(),
    match: z
      .enum(DUPLICATE_MATCHES)
      .meta({ description: 'What the records share: document, phone, or a similar name at the address' }),
  })
  .meta({ id: 'Duplicate', description: '可能重复的记录 A registry record that may be the same person' });

export type TDuplicate = z.infer<typeof ZDuplicateSchema>;

export const ZDuplicatesSchema = z
  .object({ duplicates: z.array(ZDuplicateSchema).meta({ description: 'Strongest match first; at most 10' }) })
  .meta({ id: 'Duplicates', description: '可能重复的记录 The records a new entry may duplicate' });

export const ZPersonIdNumberSchema = z
  .object({ idType: z.enum(ID_TYPES).nullable(), idNumber: z.string() })
  .meta({ id: 'PersonIdNumber', description: '证件类型与完整号码 A person’s document type and full number' });

export type TPersonIdNumber = z.infer<typeof ZPersonIdNumberSchema>;

// Routes

export const listPeople = route({
  method: 'get',
  path: '/',
  tags: ['people'],
  summary: '困难群众名册 The registry of my jurisdiction',
  description:
    'Station workers, caseworkers, supervisors and managers. `filter.q` finds a name or phone, or a full identity ' +
    'number (by its keyed hash).',
  request: { query: ZPersonListQuerySchema },
  responses: { 200: json(z.array(ZPersonRecordSchema), 'The page asked for; the total in Content-Range') },
});

export const exportPeople = route({
  method: 'get',
  path: '/export',
  tags: ['people'],
  summary: '导出名册 The registry list as CSV',
  description:
    'Station workers, caseworkers, supervisors and managers. UTF-8 with BOM (for Excel), identity numbers and ' +
    'phones masked, at most 50,000 rows. A sensitive read: written to the audit log with its filter and size.',
  request: { query: ZPersonExportQuery },
  responses: {
    200: {
      description: 'The CSV file (Content-Disposition: attachment)',
      content: { 'text/csv': { schema: z.string() } },
    },
  },
});

export const checkDuplicates = route({
  method: 'post',
  path: '/duplicates',
  tags: ['people'],
  summary: '查重 The records a new entry may duplicate, to warn while typing',
  description:
    'Anyone who registers people (discoverers included). Same document, same phone, or a similar name at the ' +
    "same address; a record outside the caller's jurisdiction shows only that it exists.",
  request: { body: { required: true, content: { 'application/json': { schema: ZDuplicateCheckSchema } } } },
  responses: { 200: json(ZDuplicatesSchema, 'The possible duplicates, strongest first') },
});

export const getPerson = route({
  method: 'get',
  path: '/{id}',
  tags: ['people'],
  summary: '查看人员 A person, their household and their cases',
  description:
    'Station workers, caseworkers, supervisors and managers, inside their jurisdiction (merged records too).',
  request: { params: ZPersonParams },
  responses: { 200: json(ZPersonDetailSchema, 'The person') },
});

export const createPerson = route({
  method: 'post',
  path: '/',
  tags: ['people'],
  summary: '登记人员 Registers a person',
  description:
    'Station workers, caseworkers, supervisors. In their community (or the one named, inside their jurisdiction), ' +
    'in the household they join or in a new one they head. 409 on a duplicate: a same-document match cannot be ' +
    'overridden; the others can with confirmNotDuplicate.',
  request: { body: { required: true, content: { 'application/json': { schema: ZCreatePersonSchema } } } },
  responses: { 201: json(ZPersonRecordSchema, 'The registered person') },
});

export const updatePerson = route({
  method: 'put',
  path: '/{id}',
  tags: ['people'],
  summary: '修改人员信息 Corrects a person’s own fields',
  description:
    'Station workers, caseworkers, supervisors. Never the unit, household or owner; a new document number is ' +
    'checked for duplicates; a merged record is not edited (edit the kept one).',
  request: {
    params: ZPersonParams,
    body: { required: true, content: { 'application/json': { schema: ZUpdatePersonSchema } } },
  },
  responses: { 200: json(ZPersonRecordSchema, 'The person as corrected') },
});

export const revealIdNumber = route({
  method: 'get',
  path: '/{id}/id-number',
  tags: ['people'],
  summary: '查看完整证件号码 The full document number, for a stated reason',
  description:
    'Station workers, caseworkers, supervisors. Every such view is written to the audit log with who and why.',
  request: { params: ZPersonParams, query: ZReasonQuery },
  responses: { 200: json(ZPersonIdNumberSchema, 'The document type and number') },
});

export const mergePeople = route({
  method: 'post',
  path: '/{id}/merge',
  // Autocommit: the merge commits its own transaction while it holds the people's case lease.
  middleware: callsWorkflow,
  tags: ['people'],
  summary: '合并重复记录 Merges a duplicate record into the one to keep',
  description:
    'Supervisors. The kept record takes the cases, fills its empty fields from the duplicate and gains its tags; ' +
    'the duplicate stays, marked as merged. Refused when the records carry different documents, or when both ' +
    'have an open case (one open case per person: close one as a duplicate first).',
  request: {
    params: ZPersonParams,
    body: { required: true, content: { 'application/json': { schema: ZMergeSchema } } },
  },
  responses: { 200: json(ZPersonRecordSchema, 'The kept record, as merged') },
});
