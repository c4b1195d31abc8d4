import { z } from 'zod';
import { GOV_SCHEMES, NEED_CATEGORIES, SCREENING_OUTCOMES, SEVERITIES, type ActRequest, type Actor, type TaskKind } from '@guanai/workflows';
import { AppError } from '../../errors/app-error.ts';
import { parseOr422 } from '../../validation.ts';
import { listQuerySchema } from '../../validation.ts';

const note = z.string().trim().max(2000).optional();

export const ZTaskListQuerySchema = listQuerySchema(
  z.object({
    scope: z.enum(['mine', 'unit']).optional(),
    status: z.enum(['OPEN', 'DONE', 'CANCELLED']).optional(),
    kind: z.string().max(40).optional(),
    caseId: z.uuid().optional(),
  }).strict(),
  ['dueAt', 'createdAt', 'kind', 'status'] as const,
  ['dueAt', 'ASC'],
);

export const ZRegisterForm = z.object({ verified: z.literal(true, 'identity must be verified before registering'), note }).strict();
export const ZScreenForm = z
  .object({ referrals: z.array(z.enum(GOV_SCHEMES)).max(GOV_SCHEMES.length).refine((r) => new Set(r).size === r.length, 'must not repeat a scheme'), outcome: z.enum(SCREENING_OUTCOMES), note })
  .strict()
  .refine((form) => form.outcome !== 'GOV_AID_ONLY' || form.referrals.length > 0, { path: ['referrals'], message: 'government aid only needs at least one scheme referral' });
export const ZMonitorForm = z.object({ granted: z.boolean(), note }).strict();
export const ZAssessForm = z
  .object({ needs: z.array(z.object({ category: z.enum(NEED_CATEGORIES), severity: z.enum(SEVERITIES), description: z.string().trim().max(500).optional() }).strict()).min(1, 'at least one need').max(20), note })
  .strict();
export const ZPlanForm = z.object({ summary: z.string().trim().min(1, 'is required').max(4000), note }).strict();
export const ZApprovePlanForm = z
  .object({ approved: z.boolean(), reason: z.string().trim().max(2000).optional() })
  .strict()
  .refine((form) => form.approved || (form.reason?.length ?? 0) > 0, { path: ['reason'], message: 'a returned plan needs a reason' });
export const ZFollowUpForm = z.object({ resolved: z.boolean(), note }).strict();

export const ZCompleteBodySchema = z.object({ form: z.record(z.string(), z.unknown()) }).strict();

/** The machine event a completed task form becomes (validated per task kind). */
export function eventFromForm(kind: TaskKind, taskId: string, form: unknown, actor: Actor): ActRequest {
  const base = { taskId, actor };
  switch (kind) {
    case 'REGISTER': {
      const f = parseOr422(ZRegisterForm, form, 'form');
      return { type: 'REGISTERED', ...base, verified: f.verified, ...(f.note ? { note: f.note } : {}) };
    }
    case 'SCREEN': {
      const f = parseOr422(ZScreenForm, form, 'form');
      return { type: 'SCREENED', ...base, referrals: f.referrals, outcome: f.outcome, ...(f.note ? { note: f.note } : {}) };
    }
    case 'MONITOR': {
      const f = parseOr422(ZMonitorForm, form, 'form');
      return { type: f.granted ? 'GOV_AID_GRANTED' : 'GOV_AID_DENIED', ...base, ...(f.note ? { note: f.note } : {}) };
    }
    case 'ASSESS': {
      const f = parseOr422(ZAssessForm, form, 'form');
      return { type: 'ASSESSED', ...base, needs: f.needs, ...(f.note ? { note: f.note } : {}) };
    }
    case 'PLAN': {
      const f = parseOr422(ZPlanForm, form, 'form');
      return { type: 'PLAN_SUBMITTED', ...base, summary: f.summary, ...(f.note ? { note: f.note } : {}) };
    }
    case 'APPROVE_PLAN': {
      const f = parseOr422(ZApprovePlanForm, form, 'form');
      return f.approved ? { type: 'PLAN_APPROVED', ...base } : { type: 'PLAN_RETURNED', ...base, reason: f.reason ?? '' };
    }
    case 'FOLLOW_UP': {
      const f = parseOr422(ZFollowUpForm, form, 'form');
      return { type: 'FOLLOWED_UP', ...base, resolved: f.resolved, ...(f.note ? { note: f.note } : {}) };
    }
    case 'MATCH':
      throw new AppError('CONFLICT', { message: 'matching to resources is not available yet; a supervisor can close the case', reason: 'NOT_ALLOWED_IN_STATE' });
  }
}
