import { z } from 'zod';
import {
  BREACH_EFFECTS,
  CALENDAR_DAY_KINDS,
  DURATION_UNITS,
  ORG_LEVELS,
  TASK_KINDS,
} from '@guanai/workflows/vocabulary';
import { json, route } from '../../openapi/router.ts';

/** react-admin sends the whole record back; the read-only fields are dropped, anything else is refused. */
const withoutReadOnly = (body: unknown) => {
  if (!body || typeof body !== 'object') return body;
  const { id: _id, taskKind: _kind, updatedAt: _at, updatedById: _by, ...rest } = body as Record<string, unknown>;
  return rest;
};

const slaRule = {
  normal: z.number().positive().max(10_000).meta({ description: 'The time allowed in a normal case, in `unit`' }),
  emergency: z
    .number()
    .positive()
    .max(10_000)
    .meta({ description: 'The time allowed in an emergency (急难) case, in `unit`' }),
  unit: z.enum(DURATION_UNITS),
  warnAt: z.number().gt(0).lt(1).meta({ description: 'Share of the time after which a warning goes out' }),
  onBreach: z.enum(BREACH_EFFECTS),
};

export const ZSlaPolicyBodySchema = z.preprocess(
  withoutReadOnly,
  z
    .object(slaRule)
    .strict()
    .refine((p) => p.emergency <= p.normal, {
      path: ['emergency'],
      message: 'an emergency duration may not be longer than the normal one',
    }),
);

export type TSlaPolicyBody = z.infer<typeof ZSlaPolicyBodySchema>;

export const ZCalendarDayBodySchema = z.preprocess(
  (body) =>
    body && typeof body === 'object' ? (({ id: _id, ...rest }) => rest)(body as Record<string, unknown>) : body,
  z
    .object({
      date: z.iso.date('must be a date YYYY-MM-DD'),
      kind: z.enum(CALENDAR_DAY_KINDS),
      name: z.string().trim().min(1).max(50),
    })
    .strict(),
);

export type TCalendarDayBody = z.infer<typeof ZCalendarDayBodySchema>;

export const ZSlaOverviewQuery = z.object({ level: z.enum(ORG_LEVELS).optional() }).strict();
export const ZSlaPolicyParams = z.object({ kind: z.enum(TASK_KINDS) });
export const ZCalendarDayParams = z.object({ date: z.iso.date('must be a date YYYY-MM-DD') });

export const ZSlaPolicySchema = z
  .object({
    id: z.enum(TASK_KINDS).meta({ description: 'The task kind (react-admin needs an id)' }),
    taskKind: z.enum(TASK_KINDS),
    ...slaRule,
    updatedAt: z.iso.datetime(),
    updatedById: z.uuid().nullable().meta({ description: 'The admin who last changed it; null: as installed' }),
  })
  .meta({ id: 'SlaPolicy', description: '一类任务的办理时限 The SLA of one task kind' });

export type TSlaPolicy = z.infer<typeof ZSlaPolicySchema>;

export const ZSlaPolicyChangedSchema = z
  .object({ id: z.enum(TASK_KINDS), ...slaRule })
  .meta({ id: 'SlaPolicyChanged', description: '修改后的时限 The SLA of one task kind, as changed' });

export type TSlaPolicyChanged = z.infer<typeof ZSlaPolicyChangedSchema>;

export const ZCalendarDaySchema = z
  .object({
    id: z.iso.date().meta({ description: 'The date (react-admin needs an id)' }),
    date: z.iso.date(),
    kind: z.enum(CALENDAR_DAY_KINDS),
    name: z.string(),
  })
  .meta({ id: 'CalendarDay', description: '节假日或调休工作日 A holiday, or a weekend day worked (调休)' });

export type TCalendarDay = z.infer<typeof ZCalendarDaySchema>;

const slaFigures = {
  open: z.number().int().meta({ description: 'Open tasks' }),
  warned: z.number().int().meta({ description: 'Open tasks past their warning point and not yet due' }),
  overdue: z.number().int().meta({ description: 'Open tasks past their deadline' }),
  breachRate: z.number().meta({ description: 'Share (0–1) of all tasks that breached their SLA' }),
};

export const ZSlaOverviewSchema = z
  .object({
    units: z.array(z.object({ id: z.uuid(), name: z.string(), level: z.enum(ORG_LEVELS), ...slaFigures })),
    tiers: z.array(z.object({ level: z.enum(ORG_LEVELS), ...slaFigures })),
  })
  .meta({ id: 'SlaOverview', description: '辖区时限执行情况 SLA state per unit and per tier of my subtree' });

export type TSlaOverview = z.infer<typeof ZSlaOverviewSchema>;

const calendarBody = {
  body: { required: true, content: { 'application/json': { schema: ZCalendarDayBodySchema } } },
} as const;

export const listSlaPolicies = route({
  method: 'get',
  path: '/policies',
  tags: ['sla'],
  summary: '时限规则 The SLA policy in force, per task kind',
  responses: { 200: json(z.array(ZSlaPolicySchema), 'Every task kind’s SLA; the total in Content-Range') },
});

export const updateSlaPolicy = route({
  method: 'put',
  path: '/policies/{kind}',
  tags: ['sla'],
  summary: '修改时限规则 Changes one task kind’s SLA',
  description:
    'Admins. New cases take it; running cases keep the policy they started with. The read-only fields ' +
    'react-admin sends back (id, taskKind, updatedAt, updatedById) are ignored.',
  request: {
    params: ZSlaPolicyParams,
    body: { required: true, content: { 'application/json': { schema: ZSlaPolicyBodySchema } } },
  },
  responses: { 200: json(ZSlaPolicyChangedSchema, 'The rule as saved') },
});

export const listCalendarDays = route({
  method: 'get',
  path: '/calendar',
  tags: ['sla'],
  summary: '工作日历 The working-day calendar: holidays and 调休 workdays',
  responses: { 200: json(z.array(ZCalendarDaySchema), 'Every calendar day, by date; the total in Content-Range') },
});

export const createCalendarDay = route({
  method: 'post',
  path: '/calendar',
  tags: ['sla'],
  summary: '添加日历日 Adds or changes a calendar day',
  description: 'Admins (the admin’s create form); an existing date is changed.',
  request: calendarBody,
  responses: { 201: json(ZCalendarDaySchema, 'The day as saved') },
});

export const putCalendarDay = route({
  method: 'put',
  path: '/calendar',
  tags: ['sla'],
  summary: '保存日历日 Adds or changes a calendar day',
  description: 'Admins.',
  request: calendarBody,
  responses: { 200: json(ZCalendarDaySchema, 'The day as saved') },
});

export const deleteCalendarDay = route({
  method: 'delete',
  path: '/calendar/{date}',
  tags: ['sla'],
  summary: '删除日历日 Removes a calendar day',
  description: 'Admins. The date becomes an ordinary weekday or weekend day.',
  request: { params: ZCalendarDayParams },
  responses: { 204: { description: 'Removed' } },
});

export const slaOverview = route({
  method: 'get',
  path: '/overview',
  tags: ['sla'],
  summary: '时限总览 SLA state of the units in my subtree, per unit and per tier',
  description:
    'Supervisors, managers and admins. Open tasks; warned (past the warning point, not yet due); overdue; the ' +
    'breach rate of all tasks. Read from the per-unit counters a trigger keeps on task, plus what the workflows’ ' +
    'SLA timers have not recorded yet.',
  request: { query: ZSlaOverviewQuery },
  responses: { 200: json(ZSlaOverviewSchema, 'Per unit (most overdue first) and per tier') },
});
