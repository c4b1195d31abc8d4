import { bodyLimit } from 'hono/body-limit';
import { z } from 'zod';
import { APPLICANTS, APPLICATION_STATUSES } from '@guanai/workflows/vocabulary';
import { DOCUMENT_TYPES, imageTypeOf } from '../../domain/applications/image-type.ts';
import { AppError } from '../../errors/app-error.ts';
import { json, route } from '../../openapi/router.ts';

/** The vocabularies of an online application (workflows/src/vocabulary.ts), as the routes' schemas use them. */
export { APPLICANTS, APPLICATION_STATUSES };

export const MAX_DOCUMENTS = 3;
export const MAX_DOCUMENT_BYTES = 2 * 1024 * 1024;
const MAX_BASE64 = 4 * Math.ceil(MAX_DOCUMENT_BYTES / 3);
/** Three photos of 2 MB in base64, and the form's text around them. */
const MAX_BODY_BYTES = MAX_DOCUMENTS * MAX_BASE64 + 64 * 1024;

/**
 * A phone number to call the applicant back on: a mainland mobile (11 digits, 13x–19x) or a landline
 * with its area code (0 and 9–11 digits); spaces and dashes are dropped.
 */
export const ZApplicantPhone = z
  .string()
  .transform((phone) => phone.replace(/[\s-]/g, ''))
  .pipe(
    z
      .string()
      .regex(
        /^(1[3-9]\d{9}|0\d{9,11})$/,
        'must be a mainland mobile number (11 digits starting 13–19) or a landline with its area code',
      ),
  );

/** A photo of a document (户口簿, 诊断书 …): its bytes must really be the image type it claims. */
const ZApplicationDocumentInput = z
  .object({
    filename: z
      .string()
      .trim()
      .min(1, 'is required')
      .max(200, 'must be at most 200 characters')
      .regex(/^[^\\/\u0000-\u001f\u007f]+$/, 'must not contain slashes or control characters'),
    contentType: z.enum(DOCUMENT_TYPES, `must be one of ${DOCUMENT_TYPES.join(', ')}`),
    data: z
      .string()
      .min(1, 'is empty: send the photo itself')
      .max(MAX_BASE64, `is larger than ${MAX_DOCUMENT_BYTES / 1024 / 1024} MB`)
      .regex(/^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/, 'must be the file in base64')
      .meta({ description: 'The file, base64-encoded (at most 2 MB decoded)' }),
  })
  .strict()
  .transform((document, ctx) => {
    const bytes = Buffer.from(document.data, 'base64');
    if (bytes.length > MAX_DOCUMENT_BYTES) {
      ctx.addIssue({
        code: 'custom',
        path: ['data'],
        message: `is larger than ${MAX_DOCUMENT_BYTES / 1024 / 1024} MB`,
      });
      return z.NEVER;
    }
    const actual = imageTypeOf(bytes);
    if (actual !== document.contentType) {
      ctx.addIssue({
        code: 'custom',
        path: ['data'],
        message: actual
          ? `is a ${actual} image, not the ${document.contentType} that contentType says`
          : `is not a ${document.contentType} image (nor any photo this form takes)`,
      });
      return z.NEVER;
    }
    return { filename: document.filename, contentType: document.contentType, bytes };
  });

export const ZSubmitApplicationSchema = z
  .object({
    name: z.string().trim().min(1, 'is required').max(50, 'must be at most 50 characters'),
    phone: ZApplicantPhone,
    communityId: z.uuid('must be a community (村/社区) picked from the list'),
    situation: z
      .string()
      .trim()
      .min(10, 'say in at least 10 characters what is hard and what help is needed')
      .max(2000, 'must be at most 2000 characters'),
    applicant: z.enum(APPLICANTS, `must be one of ${APPLICANTS.join(', ')}`),
    /** Who applies for the person, when not the person themself. */
    applicantName: z.string().trim().min(1, 'is required').max(50, 'must be at most 50 characters').optional(),
    documents: z.array(ZApplicationDocumentInput).max(MAX_DOCUMENTS, `at most ${MAX_DOCUMENTS} photos`).default([]),
    challenge: z
      .object({
        token: z.string().min(1, 'is required').max(300, 'is not a challenge this service gave'),
        solution: z
          .number('must be a whole number')
          .int('must be a whole number')
          .min(0, 'must not be negative')
          .max(Number.MAX_SAFE_INTEGER, 'is too large'),
      })
      .strict()
      .meta({ description: 'The proof of work: GET /public/applications/challenge’s token and its solution' }),
  })
  .strict()
  .refine(
    (body) => typeof body.applicant !== 'string' || body.applicant === 'SELF' || (body.applicantName ?? '').length > 0,
    {
      path: ['applicantName'],
      message: 'is required when someone applies for another person',
      // Said even when other fields are wrong too, so that one answer names everything to correct.
      when: (payload) => typeof payload.value === 'object' && payload.value !== null,
    },
  )
  .meta({ id: 'SubmitApplication', description: '网上申请 An online self-application (§四(一) 个人申请)' });

export type TSubmitApplication = z.input<typeof ZSubmitApplicationSchema>;
export type TApplicationInput = z.output<typeof ZSubmitApplicationSchema>;

export const ZChallengeSchema = z
  .object({
    token: z.string().meta({ description: 'The API’s signed statement of the nonce, the difficulty and the expiry' }),
    nonce: z.string(),
    bits: z.number().int().meta({ description: 'Leading zero bits SHA-256(`${nonce}:${solution}`) must have' }),
  })
  .meta({
    id: 'ApplicationChallenge',
    description:
      '工作量证明 A proof of work: find the smallest whole number `solution` such that SHA-256 of the UTF-8 ' +
      'string `${nonce}:${solution}` starts with `bits` zero bits; answerable for 10 minutes, once',
  });
export type TChallenge = z.infer<typeof ZChallengeSchema>;

export const ZApplicationReceiptSchema = z
  .object({
    reference: z
      .string()
      .meta({ description: '申请编号, e.g. SQ-7K3M9Q2XHP: the applicant keeps it to read the outcome' }),
    status: z.literal('SUBMITTED'),
    submittedAt: z.iso.datetime(),
  })
  .strict()
  .meta({ id: 'ApplicationReceipt', description: '申请回执 The receipt of an online application' });
export type TApplicationReceipt = z.infer<typeof ZApplicationReceiptSchema>;

/** What anyone holding the reference number reads: the outcome, nothing personal. */
export const ZPublicApplicationStatusSchema = z
  .object({
    reference: z.string(),
    status: z.enum(APPLICATION_STATUSES),
    submittedAt: z.iso.datetime(),
    decidedAt: z.iso.datetime().nullable(),
    declineReason: z.string().nullable().meta({ description: 'Why the station declined it, for the applicant' }),
  })
  .strict()
  .meta({
    id: 'PublicApplicationStatus',
    description: '申请进度 An application’s outcome, by its reference number: no name, phone, community or case',
  });
export type TPublicApplicationStatus = z.infer<typeof ZPublicApplicationStatusSchema>;

export const ZReferenceParams = z.object({
  reference: z.string().max(40, 'is not a reference number (SQ- and ten letters and digits)'),
});

const tags = ['public'];

export const getApplicationChallenge = route({
  method: 'get',
  path: '/applications/challenge',
  tags,
  summary: '申请验证题 A proof of work to answer with an online application',
  description:
    'Without signing in (§四(一) 个人申请): stands in for a one-time code; stateless (signed by the API), ' +
    'answerable for 10 minutes and accepted once.',
  responses: { 200: json(ZChallengeSchema, 'The challenge') },
});

export const submitApplication = route({
  method: 'post',
  path: '/applications',
  tags,
  summary: '网上申请 A resident or a relative applies for help, without an account',
  description:
    'Without signing in (§四(一) 个人申请): lands in the community station’s queue to verify. A 422 names every ' +
    'field in error (the challenge’s token and solution included); too many applications from one address ' +
    'within an hour are a 429 with Retry-After. The answer is only the reference number to read the outcome by.',
  // A body larger than three photos' worth is refused before it is read.
  middleware: bodyLimit({
    maxSize: MAX_BODY_BYTES,
    onError: () => {
      throw new AppError('VALIDATION', {
        message: `the application is too large: at most ${MAX_DOCUMENTS} photos of ${MAX_DOCUMENT_BYTES / 1024 / 1024} MB each`,
        field: 'documents',
      });
    },
  }),
  request: {
    body: { required: true, content: { 'application/json': { schema: ZSubmitApplicationSchema } } },
  },
  responses: { 201: json(ZApplicationReceiptSchema, 'Received; keep the reference number') },
});

export const getApplicationStatus = route({
  method: 'get',
  path: '/applications/{reference}',
  tags,
  summary: '查询申请进度 An application’s outcome, by its reference number',
  description:
    'Without signing in (§四(一) 个人申请): the status, when it was decided and a decline’s reason, nothing ' +
    'else. An unknown reference is a 404; too many unknown ones from one address are a 429 with Retry-After.',
  request: { params: ZReferenceParams },
  responses: { 200: json(ZPublicApplicationStatusSchema, 'The outcome') },
});
