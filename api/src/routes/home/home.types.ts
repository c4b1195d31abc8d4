import { z } from 'zod';
import { CASE_STATUSES, ORG_LEVELS, ROLES, VOLUNTEER_STATUSES } from '@guanai/workflows/vocabulary';
import { json, route } from '../../openapi/router.ts';
import { ZKpisSchema } from '../kpis/kpis.types.ts';

/**
 * Where a number leads: the admin builds the link from it (#/tasks?filter=…, #/cases?filter=…, #/board,
 * #/matches?filter=…), with the list filters of the contract (RULES.md), so that the number is the total
 * of the list the link opens.
 */
export const ZHomeLinkSchema = z
  .object({
    to: z.enum(['tasks', 'cases', 'board', 'matches', 'applications', 'volunteers', 'volunteer-assignments']),
    filter: z.record(z.string(), z.union([z.string(), z.boolean()])).optional(),
  })
  .meta({ id: 'HomeLink', description: '数字背后的列表 The list behind a number, with its filter' });
export type THomeLink = z.infer<typeof ZHomeLinkSchema>;

export const ZHomeFigureSchema = z
  .object({ value: z.number().int(), link: ZHomeLinkSchema })
  .meta({ id: 'HomeFigure', description: '首页数字 A number of a home page and the list behind it' });
export type THomeFigure = z.infer<typeof ZHomeFigureSchema>;

const unit = z.object({ id: z.uuid(), name: z.string(), level: z.enum(ORG_LEVELS) });

export const ZCaseworkerHomeSchema = z.object({
  kind: z.literal('caseworker'),
  unit,
  dueToday: ZHomeFigureSchema.meta({ description: 'My open tasks due by the end of today (Beijing), not yet overdue' }),
  overdue: ZHomeFigureSchema.meta({ description: 'My open tasks past their due time' }),
  emergency: ZHomeFigureSchema.meta({ description: 'My open tasks of emergency (急难) cases' }),
  unclaimed: ZHomeFigureSchema.meta({ description: 'Open tasks of my unit and below that nobody has claimed' }),
  changed: ZHomeFigureSchema.extend({
    since: z.iso.datetime().meta({ description: 'When I last looked (POST /api/home/seen), or a day ago' }),
  }).meta({ description: 'Cases I can see that changed since I last looked' }),
});

export const ZSupervisorHomeSchema = z.object({
  kind: z.literal('supervisor'),
  unit,
  team: z
    .array(
      z.object({
        userId: z.uuid(),
        name: z.string(),
        role: z.enum(ROLES),
        open: ZHomeFigureSchema,
        overdue: ZHomeFigureSchema,
      }),
    )
    .meta({ description: 'The caseworkers and supervisors of my unit: their open and overdue tasks' }),
  unclaimed: ZHomeFigureSchema,
  unitOverdue: ZHomeFigureSchema,
  planApprovals: ZHomeFigureSchema.meta({ description: 'Plans awaiting approval at my unit' }),
  closureApprovals: ZHomeFigureSchema.meta({ description: 'Closures awaiting approval at my unit' }),
  escalations: ZHomeFigureSchema.meta({ description: 'Escalations waiting at my unit (the escalation board)' }),
  returned: ZHomeFigureSchema.meta({ description: 'Open cases whose last escalation was returned with guidance' }),
});

export const ZManagerHomeSchema = z.object({
  kind: z.literal('manager'),
  unit,
  openCases: z
    .array(z.object({ state: z.string(), tier: z.enum(ORG_LEVELS), value: z.number().int(), link: ZHomeLinkSchema }))
    .meta({ description: 'Open cases by state and by the tier of the unit that owns them' }),
  openTotal: ZHomeFigureSchema,
  sla: z
    .array(
      z.object({
        tier: z.enum(ORG_LEVELS),
        open: z.number().int(),
        warned: ZHomeFigureSchema,
        overdue: ZHomeFigureSchema,
      }),
    )
    .meta({ description: 'Open tasks per tier: warned (past the warning point, not due) and overdue' }),
  kpis: z
    .object({ current: ZKpisSchema, previous: ZKpisSchema })
    .meta({ description: 'This month’s KPIs of my unit, and the month before’s' }),
});

export const ZStationHomeSchema = z.object({
  kind: z.literal('station'),
  unit,
  openCases: ZHomeFigureSchema,
  applicationsToVerify: ZHomeFigureSchema.optional().meta({
    description: 'Station workers: the online applications of my community waiting to be verified (§四(一) 个人申请)',
  }),
  byState: z.array(z.object({ state: z.string(), value: z.number().int(), link: ZHomeLinkSchema })),
  recent: z
    .array(
      z.object({
        id: z.uuid(),
        caseNo: z.string(),
        personName: z.string(),
        state: z.string(),
        status: z.enum(CASE_STATUSES),
        updatedAt: z.iso.datetime(),
      }),
    )
    .meta({ description: 'My community’s ten cases changed last, with their state' }),
});

export const ZPartnerHomeSchema = z.object({
  kind: z.literal('partner'),
  proposals: ZHomeFigureSchema.meta({ description: 'Matches proposed to my organisation, awaiting my answer' }),
  accepted: ZHomeFigureSchema.meta({ description: 'Matches I accepted: deliveries to record' }),
  undelivered: z.number().int().meta({ description: 'Of the accepted, those with no delivery recorded yet' }),
  volunteersToApprove: ZHomeFigureSchema.optional().meta({
    description: 'Volunteer teams (志愿服务队): self-registrations of my team waiting for my decision',
  }),
});

export const ZVolunteerHomeSchema = z.object({
  kind: z.literal('volunteer'),
  status: z.enum(VOLUNTEER_STATUSES),
  assignments: ZHomeFigureSchema.meta({ description: 'My assignments still to do (我的任务)' }),
  onDuty: z
    .object({ assignmentId: z.uuid(), checkedInAt: z.iso.datetime() })
    .nullable()
    .meta({ description: 'The duty I am on: checked in, not yet out' }),
  totalMinutes: z.number().int().meta({ description: 'My service hours: SUM of my ledger' }),
  totalHours: z.string().meta({ description: 'The same, in hours with two decimals ("2.50")' }),
});

export const ZHomeSchema = z
  .discriminatedUnion('kind', [
    ZCaseworkerHomeSchema,
    ZSupervisorHomeSchema,
    ZManagerHomeSchema,
    ZStationHomeSchema,
    ZPartnerHomeSchema,
    ZVolunteerHomeSchema,
  ])
  .meta({ id: 'Home', description: '首页 The signed-in user’s home page: the numbers of their day, by role' });
export type THome = z.infer<typeof ZHomeSchema>;
export type TCaseworkerHome = z.infer<typeof ZCaseworkerHomeSchema>;
export type TSupervisorHome = z.infer<typeof ZSupervisorHomeSchema>;
export type TManagerHome = z.infer<typeof ZManagerHomeSchema>;
export type TStationHome = z.infer<typeof ZStationHomeSchema>;
export type TPartnerHome = z.infer<typeof ZPartnerHomeSchema>;
export type TVolunteerHome = z.infer<typeof ZVolunteerHomeSchema>;

/** Nothing to say but "now": an empty object, so that every write declares its body. */
export const ZHomeSeenBodySchema = z.object({}).strict();

export const ZHomeSeenSchema = z
  .object({ seenAt: z.iso.datetime() })
  .meta({ id: 'HomeSeen', description: '上次查看 When I last looked at what changed' });

/** The figures a map can be coloured by; per10k needs each area's population, which the data does not hold. */
export const MAP_FIGURES = ['open', 'overdueRate', 'per10k', 'resolutionRate'] as const;
export type MapFigure = (typeof MAP_FIGURES)[number];

export const ZHomeMapQuerySchema = z
  .object({
    figure: z.enum(MAP_FIGURES).default('open'),
    district: z
      .string()
      .regex(
        /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|\d{12})$/i,
        'must be a district’s id (uuid) or its 12-digit division code',
      )
      .optional(),
  })
  .strict();

export const ZMapAreaSchema = z.object({
  id: z.uuid(),
  code: z.string().meta({ description: '行政区划代码' }),
  name: z.string(),
  open: z.number().int().meta({ description: 'Open cases owned by a unit of the area' }),
  openTasks: z.number().int(),
  overdueTasks: z.number().int(),
  overdueRate: z.number().nullable().meta({ description: 'Overdue share of the area’s open tasks' }),
  closed: z.number().int().meta({ description: 'Cases started in the area and now closed' }),
  resolved: z.number().int(),
  resolutionRate: z
    .number()
    .nullable()
    .meta({ description: 'Of the cases started in the area and closed, share resolved' }),
  value: z.number().nullable().meta({ description: 'The chosen figure' }),
  link: ZHomeLinkSchema.meta({ description: 'The area’s open cases' }),
});

export const ZHomeMapSchema = z
  .object({
    figure: z.enum(MAP_FIGURES),
    level: z.enum(['DISTRICT', 'TOWNSHIP']),
    district: z.object({ id: z.uuid(), code: z.string(), name: z.string() }).nullable(),
    figures: z.array(z.enum(MAP_FIGURES)).meta({ description: 'The figures this data can give' }),
    populationAvailable: z.boolean(),
    areas: z.array(ZMapAreaSchema),
  })
  .meta({ id: 'HomeMap', description: '地图 Districts (or one district’s townships) with their figures' });
export type THomeMap = z.infer<typeof ZHomeMapSchema>;
export type TMapArea = z.infer<typeof ZMapAreaSchema>;

const tags = ['home'];

export const getHome = route({
  method: 'get',
  path: '/',
  tags,
  summary: '首页 My home page: the numbers of my day, each with the list behind it',
  description: 'Reading it writes nothing; POST /api/home/seen records that I looked at what changed.',
  responses: { 200: json(ZHomeSchema, 'The home page of my role') },
});

export const markHomeSeen = route({
  method: 'post',
  path: '/seen',
  tags,
  summary: '标记已查看 Records that I looked at the cases changed until now',
  request: { body: { required: true, content: { 'application/json': { schema: ZHomeSeenBodySchema } } } },
  responses: { 200: json(ZHomeSeenSchema, 'When I looked') },
});

export const getHomeMap = route({
  method: 'get',
  path: '/map',
  tags,
  summary: '地图 The districts of my jurisdiction (or a district’s townships) with a figure each',
  description:
    'per10k (cases per 10,000 residents) needs each area’s population, which the data does not hold: asking for it is a 422 on figure.',
  request: { query: ZHomeMapQuerySchema },
  responses: { 200: json(ZHomeMapSchema, 'The areas and their figures') },
});
