import { z } from 'zod';
import { CASE_FLAGS, CLOSURE_REASONS, NOTE_KINDS } from '@guanai/workflows/vocabulary';

const reason = z.string().trim().min(1, 'is required').max(2000);

/** Case-level actions (not tied to completing a task); each becomes one machine event. */
export const ZCaseActionSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ESCALATE'), reason }).strict(),
  z.object({ type: z.literal('REFER_JOINT_MEETING'), reason }).strict(),
  z.object({ type: z.literal('SUSPEND'), reason }).strict(),
  z.object({ type: z.literal('RESUME') }).strict(),
  z.object({ type: z.literal('CLOSE'), reason: z.enum(CLOSURE_REASONS) }).strict(),
  z.object({ type: z.literal('PROPOSE_CLOSURE'), reason: z.enum(CLOSURE_REASONS) }).strict(),
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
export const OFFERED_ACTIONS: TCaseAction['type'][] = [
  'ESCALATE',
  'REFER_JOINT_MEETING',
  'SUSPEND',
  'RESUME',
  'CLOSE',
  'PROPOSE_CLOSURE',
  'REOPEN',
  'MARK_EMERGENCY',
  'FLAG',
];

export const ZNoteSchema = z
  .object({
    text: z.string().trim().min(1, 'is required').max(4000),
    kind: z.enum(NOTE_KINDS).default('NOTE'),
    attachmentIds: z.array(z.uuid()).max(20).default([]),
  })
  .strict();
