import { z } from 'zod';
import type { ActRequest, Actor, EligibilitySuggestion, TaskKind } from '@guanai/workflows';
import {
  ESCALATION_TARGETS,
  GOV_AID_DECISIONS,
  GOV_SCHEMES,
  MEETING_NEXT_STEPS,
  NEED_CATEGORIES,
  ORG_LEVELS,
  SCREENING_OUTCOMES,
  SEVERITIES,
  TASK_KINDS,
  TASK_STATUSES,
  TEMP_AID_SCHEMES,
} from '@guanai/workflows/vocabulary';
import { exportResponses, ZExportFormat } from '../../openapi/file-export.ts';
import { json, route } from '../../openapi/router.ts';
import { listQuerySchema, parseOr422 } from '../../validation.ts';
import { ZCaseFlagSchema, ZCaseStateSchema } from '../cases/case-actions.types.ts';
import { ZAnswersInputSchema } from '../forms/forms.types.ts';
import { ZItemDecisions, ZItemOutcomes, ZPlanItems } from './plan-forms.types.ts';
import { beijingToday } from '../../domain/eligibility/beijing-today.ts';
import { screeningEligibility } from '../../domain/eligibility/screening-eligibility.ts';
import { refineScreenEligibility, screenFormEligibility } from '../eligibility/eligibility.types.ts';

const note = z.string().trim().max(2000).optional();

/**
 * The inbox's filters (GET /api/tasks?filter=JSON, the tab counts, the export and saved views).
 * A flag that is false asks for nothing; each bad value is a 422 naming filter.<field>.
 */
export const ZTaskListFilterSchema = z
  .object({
    scope: z
      .enum(['mine', 'unit'])
      .optional()
      .meta({ description: 'mine: assigned to me; unit (default): my unit and below' }),
    status: z.enum(TASK_STATUSES).optional(),
    kind: z.enum(TASK_KINDS).optional(),
    overdue: z.boolean().optional().meta({ description: 'past due' }),
    dueToday: z.boolean().optional().meta({ description: 'due within today’s Beijing date, not yet overdue' }),
    emergency: z.boolean().optional().meta({ description: 'of an emergency (急难) case' }),
    communityId: z
      .uuid('must be an org-unit id (uuid)')
      .optional()
      .meta({ description: 'the community the case started in' }),
    unassigned: z.boolean().optional().meta({ description: 'in a unit queue, claimed by no one' }),
    assigneeId: z.uuid('must be a user id (uuid)').optional(),
    tier: z.enum(ORG_LEVELS).optional().meta({ description: 'the tier of the task’s unit' }),
    warned: z.boolean().optional().meta({ description: 'past the SLA warning point, not yet due' }),
    caseId: z.uuid('must be a case id (uuid)').optional(),
  })
  .strict()
  .superRefine((filter, ctx) => {
    if (filter.scope === 'mine' && (filter.unassigned || filter.assigneeId))
      ctx.addIssue({
        code: 'custom',
        path: [filter.unassigned ? 'unassigned' : 'assigneeId'],
        message: 'my tasks are assigned to me: ask for scope unit',
      });
    if (filter.unassigned && filter.assigneeId)
      ctx.addIssue({ code: 'custom', path: ['assigneeId'], message: 'an unassigned task has no assignee' });
    if (filter.overdue && (filter.dueToday || filter.warned))
      ctx.addIssue({
        code: 'custom',
        path: [filter.dueToday ? 'dueToday' : 'warned'],
        message: 'an overdue task is not due today nor only warned',
      });
  });
export type TTaskListFilter = z.infer<typeof ZTaskListFilterSchema>;

export const TASK_SORT_FIELDS = ['dueAt', 'createdAt', 'kind', 'status'] as const;

export const ZTaskListQuerySchema = listQuerySchema(ZTaskListFilterSchema, TASK_SORT_FIELDS, ['dueAt', 'ASC']);

/** The export takes the list's filter and sort; its rows are capped, not paged. */
export const ZTaskExportQuerySchema = ZTaskListQuerySchema.pick({ filter: true, sort: true }).extend({
  format: ZExportFormat,
});

/** The inbox's tab counts: each is the total of the tab's list (see counts in tasks.ts). */
export const ZTaskCountsSchema = z
  .object({
    mine: z.number().int().meta({ description: '我的任务: open tasks assigned to me' }),
    unassigned: z
      .number()
      .int()
      .meta({ description: '待领取: open tasks of my unit and below that no one has claimed' }),
    unit: z.number().int().meta({ description: '本单位队列: open tasks of my unit and below' }),
    dueToday: z.number().int().meta({ description: '今日到期: of those, due today (Beijing date), not yet overdue' }),
    overdue: z.number().int().meta({ description: '已逾期: of those, past due' }),
    emergency: z.number().int().meta({ description: '紧急: of those, of an emergency case' }),
  })
  .meta({ id: 'TaskCounts', description: '待办计数 The inbox’s tab counts for the signed-in user' });
export type TTaskCounts = z.infer<typeof ZTaskCountsSchema>;

export const ZRegisterForm = z
  .object({ verified: z.literal(true, 'identity must be verified before registering'), note })
  .strict();
export const ZScreenForm = z
  .object({
    referrals: z
      .array(z.enum(GOV_SCHEMES))
      .max(GOV_SCHEMES.length)
      .refine((r) => new Set(r).size === r.length, 'must not repeat a scheme'),
    outcome: z.enum(SCREENING_OUTCOMES),
    note,
    ...screenFormEligibility,
  })
  .strict()
  .refine((form) => form.outcome !== 'GOV_AID_ONLY' || form.referrals.length > 0, {
    path: ['referrals'],
    message: 'government aid only needs at least one scheme referral',
  })
  .superRefine((form, ctx) => refineScreenEligibility(form, ctx, beijingToday()));
export const ZMonitorForm = z
  .object({
    granted: z.boolean(),
    outcomes: z.partialRecord(z.enum(GOV_SCHEMES), z.enum(GOV_AID_DECISIONS)).optional(),
    note,
  })
  .strict();
export const ZAssessForm = z
  .object({
    needs: z
      .array(
        z
          .object({
            category: z.enum(NEED_CATEGORIES),
            severity: z.enum(SEVERITIES),
            description: z.string().trim().max(500).optional(),
          })
          .strict(),
      )
      .min(1, 'at least one need')
      .max(20),
    note,
  })
  .strict();
// §四(二): the plan item by item (a summary alone, as before, still does); see plan-forms.types.ts.
export const ZPlanForm = z
  .object({ summary: z.string().trim().max(4000).optional(), items: ZPlanItems.optional(), note })
  .strict()
  .refine((form) => !!form.summary || !!form.items, { path: ['summary'], message: 'is required' });
/** With `items`, the plan is decided item by item: approved when every item is, else returned. */
export const ZApprovePlanForm = z
  .object({
    approved: z.boolean().optional(),
    reason: z.string().trim().max(2000).optional(),
    items: ZItemDecisions.optional(),
  })
  .strict()
  .refine((form) => form.approved !== undefined || !!form.items, { path: ['approved'], message: 'is required' })
  .refine((form) => form.approved !== false || !!form.items || (form.reason?.length ?? 0) > 0, {
    path: ['reason'],
    message: 'a returned plan needs a reason',
  })
  .refine((form) => form.approved !== true || !form.items?.some((item) => !item.approved), {
    path: ['approved'],
    message: 'an item is returned: the plan goes back with it',
  });
export const ZFollowUpForm = z.object({ resolved: z.boolean(), itemOutcomes: ZItemOutcomes.optional(), note }).strict();
export const ZMatchForm = z
  .object({
    matches: z
      .array(
        z
          .object({
            category: z.enum(NEED_CATEGORIES),
            resource: z.string().trim().min(1, 'is required').max(200),
            provider: z.string().trim().max(200).optional(),
          })
          .strict(),
      )
      .min(1, 'at least one match')
      .max(20),
    note,
  })
  .strict();
export const ZDeliverForm = z
  .object({
    items: z
      .array(
        z
          .object({
            what: z.string().trim().min(1, 'is required').max(200),
            amount: z.number().nonnegative().max(10_000_000).optional(),
            unit: z.string().trim().max(20).optional(),
          })
          .strict(),
      )
      .min(1, 'at least one item')
      .max(50),
    note,
  })
  .strict();
export const ZAcceptEscalationForm = z
  // §四(二): `resume` (the default) goes back to the step the case left; the machine refuses a target that would skip a gate.
  .object({
    accepted: z.boolean(),
    target: z.enum(ESCALATION_TARGETS).optional(),
    guidance: z.string().trim().max(2000).optional(),
  })
  .strict()
  .refine((form) => form.accepted || (form.guidance?.length ?? 0) > 0, {
    path: ['guidance'],
    message: 'a returned escalation needs guidance for the lower tier',
  });
export const ZJointMeetingForm = z
  .object({
    next: z.enum(MEETING_NEXT_STEPS),
    actions: z
      .array(
        z
          .object({
            department: z.string().trim().min(1, 'is required').max(100),
            action: z.string().trim().min(1, 'is required').max(500),
            deadline: z.iso.date('must be a date YYYY-MM-DD'),
          })
          .strict(),
      )
      .min(1, 'the resolution assigns at least one action')
      .max(30),
    note,
  })
  .strict();
export const ZEmergencyAidForm = z
  .object({ scheme: z.enum(TEMP_AID_SCHEMES), amount: z.number().nonnegative().max(1_000_000).optional(), note })
  .strict();
export const ZApproveClosureForm = z
  .object({ approved: z.boolean(), reason: z.string().trim().max(2000).optional() })
  .strict()
  .refine((form) => form.approved || (form.reason?.length ?? 0) > 0, {
    path: ['reason'],
    message: 'a rejected closure needs a reason',
  });

/** §四(九): the department did what the joint meeting assigned it; the outcome says how. */
export const ZMeetingActionForm = z
  .object({ outcome: z.string().trim().min(2, 'say what the department did').max(2000), note })
  .strict();

export const ZCompleteBodySchema = z
  .object({
    form: z.record(z.string(), z.unknown()).meta({
      description:
        'The task kind’s form (REGISTER, SCREEN, MONITOR, ASSESS, …), validated against that kind: a 422 names each field as form.<field>',
    }),
    // Issue 17: SCREEN, ASSESS, PLAN and FOLLOW_UP also take the answers of their defined form.
    answers: ZAnswersInputSchema.optional(),
  })
  .strict();
export type TCompleteBody = z.infer<typeof ZCompleteBodySchema>;

export const ZTaskParams = z.object({ id: z.string().min(1).max(80) });

export const ZTaskSchema = z
  .object({
    id: z.string(),
    caseId: z.uuid(),
    caseNo: z.string(),
    kind: z.enum(TASK_KINDS),
    title: z.string().nullable(),
    status: z.enum(TASK_STATUSES),
    unitId: z.uuid(),
    unitName: z.string(),
    assigneeId: z.uuid().nullable(),
    assigneeName: z.string().nullable(),
    dueAt: z.iso.datetime(),
    breachedAt: z.iso.datetime().nullable(),
    createdAt: z.iso.datetime(),
    completedAt: z.iso.datetime().nullable(),
    caseState: z.string(),
    personName: z.string(),
    emergency: z.boolean(),
    flags: z.array(ZCaseFlagSchema),
  })
  .meta({ id: 'Task', description: '待办任务 A task of a case, with its SLA due time' });
export type TTask = z.infer<typeof ZTaskSchema>;

const tags = ['tasks'];

export const listTasks = route({
  method: 'get',
  path: '/',
  tags,
  summary: '任务列表 Tasks assigned to me (scope=mine) or of my unit and the units below it (scope=unit)',
  description: 'Open tasks unless a status is asked for, soonest due first.',
  request: { query: ZTaskListQuerySchema },
  responses: { 200: json(z.array(ZTaskSchema), 'The page asked for; the total in Content-Range') },
});

export const countTasks = route({
  method: 'get',
  path: '/counts',
  tags,
  summary: '待办计数 The inbox’s tab counts: mine, unclaimed, my unit’s, due today, overdue, emergency',
  description:
    'Any signed-in user. Each count is the total GET /api/tasks gives for its tab: mine {scope: mine}; the others ' +
    'over scope unit (my unit and below): unassigned, all, dueToday, overdue, emergency. Open tasks only.',
  responses: { 200: json(ZTaskCountsSchema, 'The counts') },
});

export const exportTasks = route({
  method: 'get',
  path: '/export',
  tags,
  summary: '导出任务 The filtered task list as CSV or Excel',
  description:
    'Any signed-in user, with the list’s filter and sort. CSV (UTF-8 with BOM, for Excel) or an .xlsx workbook, ' +
    'by `format` or Accept; Chinese headers, only the columns the list shows (no identity number, no phone), at ' +
    'most 10,000 rows (more is a 422 naming the filter: narrow it). Written to the audit log with its filter and size.',
  request: { query: ZTaskExportQuerySchema },
  responses: exportResponses,
});

export const getTask = route({
  method: 'get',
  path: '/{id}',
  tags,
  summary: '任务详情 One task of a case I can see',
  request: { params: ZTaskParams },
  responses: { 200: json(ZTaskSchema, 'The task') },
});

export const claimTask = route({
  method: 'post',
  path: '/{id}/claim',
  tags,
  summary: '认领任务 Takes the task (a user whose role may do it, within its unit’s jurisdiction)',
  request: { params: ZTaskParams },
  responses: { 200: json(ZTaskSchema, 'The task, assigned to me') },
});

const reason = z.string().trim().min(1, 'give a reason').max(500);

export const ZReleaseBodySchema = z
  .object({
    reason: z.string().trim().max(500).optional().meta({
      description: 'Why (required when a supervisor releases someone else’s task); kept as the case event’s note',
    }),
  })
  .strict();

export const releaseTask = route({
  method: 'post',
  path: '/{id}/release',
  tags,
  summary: '退回任务 Gives the task back to its unit’s queue (its assignee, or a supervisor over its unit)',
  description: 'A supervisor releasing someone else’s task gives a reason; the case event keeps it.',
  request: {
    params: ZTaskParams,
    body: { required: false, content: { 'application/json': { schema: ZReleaseBodySchema } } },
  },
  responses: { 200: json(ZTaskSchema, 'The task, unassigned') },
});

export const ZReassignBodySchema = z
  .object({ assigneeId: z.uuid('must be a user id (uuid)'), reason })
  .strict()
  .meta({ id: 'ReassignTask' });
export type TReassignBody = z.infer<typeof ZReassignBodySchema>;

export const reassignTask = route({
  method: 'post',
  path: '/{id}/reassign',
  tags,
  summary: '改派任务 A supervisor hands a task of their subtree to a colleague, with a reason',
  description:
    'The colleague must be active, within the supervisor’s subtree, of a role that may do the task’s kind, at the ' +
    'task’s unit or a center above it. One who is away is replaced by their delegate (the event notes 代 X 办理).',
  request: {
    params: ZTaskParams,
    body: { required: true, content: { 'application/json': { schema: ZReassignBodySchema } } },
  },
  responses: { 200: json(ZTaskSchema, 'The task, assigned to the colleague') },
});

export const ZHandoverBodySchema = z
  .object({
    taskIds: z
      .array(z.string().min(1).max(80))
      .min(1, 'select at least one task')
      .max(200, 'at most 200 tasks at once')
      .refine((ids) => new Set(ids).size === ids.length, 'must not repeat a task'),
    assigneeId: z.uuid('must be a user id (uuid)').nullable().meta({
      description: 'The colleague who takes the tasks; null gives each back to its unit’s queue',
    }),
    reason,
  })
  .strict()
  .meta({ id: 'Handover' });
export type THandoverBody = z.infer<typeof ZHandoverBodySchema>;

export const ZHandoverResultSchema = z
  .object({
    taskId: z.string(),
    caseId: z.uuid(),
    outcome: z.enum(['REASSIGNED', 'RELEASED', 'REFUSED']),
    assigneeId: z.uuid().nullable(),
    code: z
      .string()
      .optional()
      .meta({ description: 'Why the case refused it (e.g. NOT_ALLOWED_IN_STATE, TASK_NOT_FOUND)' }),
    message: z.string().optional(),
  })
  .meta({ id: 'HandoverResult', description: '移交结果 What one task’s case did with the handover' });

export const ZHandoverOutputSchema = z
  .object({ results: z.array(ZHandoverResultSchema) })
  .meta({ id: 'HandoverOutput', description: '每个任务的移交结果 The result per task' });

export const handOverTasks = route({
  method: 'post',
  path: '/handover',
  tags,
  summary: '批量移交 A supervisor hands up to 200 tasks of their subtree to a colleague or back to their queues',
  description:
    'Checked first (a 4xx naming the field, nothing sent); then one workflow sends each case its REASSIGN or ' +
    'RELEASE with the reason, and the answer gives each task’s result. Send an Idempotency-Key: a retry joins the same run.',
  request: { body: { required: true, content: { 'application/json': { schema: ZHandoverBodySchema } } } },
  responses: { 200: json(ZHandoverOutputSchema, 'The result per task') },
});

export const completeTask = route({
  method: 'post',
  path: '/{id}/complete',
  tags,
  summary: '完成任务 The assignee completes the task with its form, which moves the case on',
  description:
    'A MATCH task takes the case’s accepted matches and a DELIVER task the delivery ledger (§四(六), §四(七)): their rows are not typed in.',
  request: {
    params: ZTaskParams,
    body: { required: true, content: { 'application/json': { schema: ZCompleteBodySchema } } },
  },
  responses: { 200: json(ZCaseStateSchema, 'The case’s state after the task') },
});

/** The machine event a completed task form becomes (validated per task kind). */
export function eventFromForm(
  kind: TaskKind,
  taskId: string,
  form: unknown,
  actor: Actor,
  /** SCREEN: the suggestions the API computed for the household now (never the client's). */
  computed: { eligibility?: readonly EligibilitySuggestion[] } = {},
): ActRequest {
  const base = { taskId, actor };
  switch (kind) {
    case 'REGISTER': {
      const f = parseOr422(ZRegisterForm, form, 'form');
      return { type: 'REGISTERED', ...base, verified: f.verified, ...(f.note ? { note: f.note } : {}) };
    }
    case 'SCREEN': {
      const f = parseOr422(ZScreenForm, form, 'form');
      // §二 无缝衔接: an override of a suggestion needs a reason (422 naming form.eligibility.decisions.<i>.overrideReason).
      const eligibility = screeningEligibility({
        suggestions: computed.eligibility ?? [],
        referrals: f.referrals,
        decisions: f.eligibility?.decisions,
      });
      return {
        type: 'SCREENED',
        ...base,
        referrals: f.referrals,
        outcome: f.outcome,
        ...(eligibility ? { eligibility } : {}),
        ...(f.referralDetails?.length ? { referralDetails: f.referralDetails } : {}),
        ...(f.note ? { note: f.note } : {}),
      };
    }
    case 'MONITOR': {
      const f = parseOr422(ZMonitorForm, form, 'form');
      return {
        type: f.granted ? 'GOV_AID_GRANTED' : 'GOV_AID_DENIED',
        ...base,
        ...(f.outcomes ? { outcomes: f.outcomes } : {}),
        ...(f.note ? { note: f.note } : {}),
      };
    }
    case 'ASSESS': {
      const f = parseOr422(ZAssessForm, form, 'form');
      return { type: 'ASSESSED', ...base, needs: f.needs, ...(f.note ? { note: f.note } : {}) };
    }
    case 'PLAN': {
      const f = parseOr422(ZPlanForm, form, 'form');
      // Each item's responsible name is the server's (withPlanItems); a new item gets its id here.
      const items = f.items?.map(({ id, responsible, ...item }) => ({
        ...item,
        id: id ?? crypto.randomUUID(),
        responsible: { kind: responsible.kind, id: responsible.id, name: responsible.name ?? '' },
      }));
      const summary =
        f.summary ||
        (items ?? [])
          .map((i) => `${i.goal}（${i.action}）`)
          .join('；')
          .slice(0, 4000);
      return {
        type: 'PLAN_SUBMITTED',
        ...base,
        summary,
        ...(items ? { items } : {}),
        ...(f.note ? { note: f.note } : {}),
      };
    }
    case 'APPROVE_PLAN': {
      const f = parseOr422(ZApprovePlanForm, form, 'form');
      const itemDecisions = f.items?.map((d) => ({
        itemId: d.itemId,
        approved: d.approved,
        ...(d.reason ? { reason: d.reason } : {}),
      }));
      // A returned item returns the plan; the machine adds the returned items' reasons to the overall one.
      return (f.approved ?? !itemDecisions?.some((d) => !d.approved))
        ? { type: 'PLAN_APPROVED', ...base, ...(itemDecisions ? { itemDecisions } : {}) }
        : { type: 'PLAN_RETURNED', ...base, reason: f.reason ?? '', ...(itemDecisions ? { itemDecisions } : {}) };
    }
    case 'FOLLOW_UP': {
      const f = parseOr422(ZFollowUpForm, form, 'form');
      return {
        type: 'FOLLOWED_UP',
        ...base,
        resolved: f.resolved,
        ...(f.itemOutcomes ? { itemOutcomes: f.itemOutcomes } : {}),
        ...(f.note ? { note: f.note } : {}),
      };
    }
    case 'MATCH': {
      const f = parseOr422(ZMatchForm, form, 'form');
      return { type: 'MATCHED', ...base, matches: f.matches, ...(f.note ? { note: f.note } : {}) };
    }
    case 'DELIVER': {
      const f = parseOr422(ZDeliverForm, form, 'form');
      return { type: 'DELIVERED', ...base, items: f.items, ...(f.note ? { note: f.note } : {}) };
    }
    case 'ACCEPT_ESCALATION': {
      const f = parseOr422(ZAcceptEscalationForm, form, 'form');
      return f.accepted
        ? { type: 'ESCALATION_ACCEPTED', ...base, target: f.target ?? 'resume' }
        : { type: 'ESCALATION_RETURNED', ...base, guidance: f.guidance ?? '' };
    }
    case 'JOINT_MEETING': {
      const f = parseOr422(ZJointMeetingForm, form, 'form');
      return {
        type: 'MEETING_RESOLVED',
        ...base,
        next: f.next,
        actions: f.actions,
        ...(f.note ? { note: f.note } : {}),
      };
    }
    case 'EMERGENCY_AID': {
      const f = parseOr422(ZEmergencyAidForm, form, 'form');
      return {
        type: 'TEMP_AID_GIVEN',
        ...base,
        scheme: f.scheme,
        ...(f.amount !== undefined ? { amount: f.amount } : {}),
        ...(f.note ? { note: f.note } : {}),
      };
    }
    case 'APPROVE_CLOSURE': {
      const f = parseOr422(ZApproveClosureForm, form, 'form');
      return f.approved
        ? { type: 'CLOSURE_APPROVED', ...base }
        : { type: 'CLOSURE_REJECTED', ...base, reason: f.reason ?? '' };
    }
    case 'MEETING_ACTION': {
      const f = parseOr422(ZMeetingActionForm, form, 'form');
      return { type: 'MEETING_ACTION_DONE', ...base, outcome: f.outcome, ...(f.note ? { note: f.note } : {}) };
    }
  }
}
