import { z } from 'zod';
import { CASE_FLAGS, CLOSURE_REASONS, NOTE_KINDS } from '@guanai/workflows/vocabulary';
import { ZAnswersInputSchema } from '../forms/forms.types.ts';

const reason = z.string().trim().min(1, 'is required').max(2000);

/** Case-level actions (not tied to completing a task); each becomes one machine event. */
export const ZCaseActionSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ESCALATE'), reason }).strict(),
  z.object({ type: z.literal('REFER_JOINT_MEETING'), reason }).strict(),
  z.object({ type: z.literal('SUSPEND'), reason }).strict(),
  z.object({ type: z.literal('RESUME') }).strict(),
  // Issue 17: closing takes the answers of the defined closure form (结案评估), checked against their version.
  z
    .object({ type: z.literal('CLOSE'), reason: z.enum(CLOSURE_REASONS), answers: ZAnswersInputSchema.optional() })
    .strict(),
  z
    .object({
      type: z.literal('PROPOSE_CLOSURE'),
      reason: z.enum(CLOSURE_REASONS),
      answers: ZAnswersInputSchema.optional(),
    })
    .strict(),
  z.object({ type: z.literal('REOPEN'), reason }).strict(),
  z.object({ type: z.literal('MARK_EMERGENCY'), reason }).strict(),
  z.object({ type: z.literal('FLAG'), flag: z.enum(CASE_FLAGS), reason }).strict(),
  z.object({ type: z.literal('UNFLAG'), flag: z.string().trim().min(1).max(40) }).strict(),
  z
    .object({ type: z.literal('REASSIGN'), taskId: z.string().min(1).max(80), assigneeId: z.uuid('must be a user id') })
    .strict(),
]);

export type TCaseAction = z.infer<typeof ZCaseActionSchema>;

/** The actions a case page may offer; the machine says which of them this user may take now. */
export const OFFERED_ACTIONS = [
  'ESCALATE',
  'REFER_JOINT_MEETING',
  'SUSPEND',
  'RESUME',
  'CLOSE',
  'PROPOSE_CLOSURE',
  'REOPEN',
  'MARK_EMERGENCY',
  'FLAG',
] as const satisfies readonly TCaseAction['type'][];
export type TOfferedAction = (typeof OFFERED_ACTIONS)[number];

/** A place the phone gave (WGS-84), with its accuracy in metres. */
export const ZGeoPointSchema = z
  .object({
    lat: z.number().min(-90, 'must be a latitude (−90 to 90)').max(90, 'must be a latitude (−90 to 90)'),
    lng: z.number().min(-180, 'must be a longitude (−180 to 180)').max(180, 'must be a longitude (−180 to 180)'),
    accuracyM: z.number().min(0, 'must be metres, not negative').max(100_000).optional(),
  })
  .strict()
  .meta({ id: 'GeoPoint', description: '位置 A place, as the phone’s geolocation gave it (WGS-84)' });

export const ZNoteSchema = z
  .object({
    text: z.string().trim().min(1, 'is required').max(4000),
    kind: z.enum(NOTE_KINDS).default('NOTE'),
    attachmentIds: z.array(z.uuid()).max(20).default([]),
    /** A visit's check-in time on the worker's phone (a visit recorded offline is sent later). */
    visitedAt: z.iso.datetime({ offset: true, message: 'must be an ISO date-time' }).optional(),
    /** Where the worker checked in, when they let the phone say. */
    place: ZGeoPointSchema.optional(),
  })
  .strict()
  .refine((note) => note.visitedAt === undefined || note.kind === 'VISIT', {
    path: ['visitedAt'],
    message: 'is the check-in time of a visit (kind VISIT)',
  });
export type TNote = z.infer<typeof ZNoteSchema>;

/** What an action, a note or a completed task answers: the case's state once the workflow took it. */
export const ZCaseStateSchema = z
  .object({
    caseId: z.uuid(),
    state: z.string().meta({ description: 'The case statechart’s state' }),
    version: z
      .number()
      .int()
      .meta({ description: 'The case’s version after the action (its ETag): the sequence number of its last event' }),
  })
  .meta({ id: 'CaseState', description: '操作后的案件状态 The case’s state after an action' });
export type TCaseState = z.infer<typeof ZCaseStateSchema>;

/** A risk flag on a case (FLAG, removed by UNFLAG). */
export const ZCaseFlagSchema = z
  .object({
    flag: z.enum(CASE_FLAGS),
    reason: z.string(),
    by: z.string().meta({ description: 'The id of the user who flagged it' }),
    at: z.iso.datetime(),
  })
  .meta({ id: 'CaseFlag', description: '风险标记 A risk flag on a case' });
export type TCaseFlag = z.infer<typeof ZCaseFlagSchema>;
