import { Hono } from 'hono';
import { z } from 'zod';
import type { Prisma } from '@guanai/db';
import type { ActRequest } from '@guanai/workflows';
import { MEETING_NEXT_STEPS, MEETING_STATUSES } from '@guanai/workflows/vocabulary';
import { within } from '../../auth/jurisdiction.ts';
import type { SessionUser } from '../../auth/session.ts';
import type { AppDeps, AppEnv } from '../../env.ts';
import { AppError, notFound } from '../../errors/app-error.ts';
import type { CaseClient } from '../../temporal/case-client.ts';
import { contentRange, listQuerySchema, validate } from '../../validation.ts';
import { actorOf } from '../tasks/tasks.ts';

const ZIdParam = z.object({ id: z.uuid('must be a meeting id (uuid)') });
const ZMeeting = z
  .object({
    unitId: z.uuid('must be an org unit id').optional(),
    title: z.string().trim().min(2).max(100),
    scheduledAt: z.iso.datetime({ offset: true, message: 'must be a date and time (ISO 8601)' }),
    location: z.string().trim().max(100).optional(),
    departments: z.array(z.string().trim().min(1).max(40)).min(1, 'at least one member department').max(30),
  })
  .strict();
const ZResolution = z
  .object({
    caseId: z.uuid('must be a case id'),
    resolution: z.string().trim().min(4, 'at least 4 characters').max(4000),
    next: z.enum(MEETING_NEXT_STEPS),
    actions: z
      .array(
        z
          .object({
            department: z.string().trim().min(1).max(40),
            action: z.string().trim().min(2).max(500),
            deadline: z.iso.date('must be a date YYYY-MM-DD'),
          })
          .strict(),
      )
      .min(1, 'the resolution assigns at least one action')
      .max(30),
  })
  .strict();
const ZMeetingList = listQuerySchema(
  z.object({ status: z.enum(MEETING_STATUSES).optional(), unitId: z.uuid().optional() }).strict(),
  ['scheduledAt'] as const,
  ['scheduledAt', 'DESC'],
);

const meetingInclude = {
  unit: { select: { name: true, level: true, path: true } },
  _count: { select: { items: true } },
} satisfies Prisma.JointMeetingInclude;

/** §四(九) 联席会议: meetings at the city and the districts, their agendas and resolutions. */
export function meetingRoutes(deps: AppDeps, cases: CaseClient) {
  const { db } = deps;

  async function find(user: SessionUser, id: string) {
    const row = await db.jointMeeting.findUnique({ where: { id }, include: meetingInclude });
    if (!row || !within(user, row.unit.path)) throw notFound('meeting');
    return row;
  }

  /**
   * The agenda: cases referred to the joint meeting at this meeting's unit and not yet resolved. They
   * go on the next scheduled meeting of the unit (the earliest), so a later one shows none yet.
   */
  async function agendaOf(meeting: { id: string; unitId: string; status: string; scheduledAt: Date }) {
    if (meeting.status !== 'SCHEDULED') return [];
    const next = await db.jointMeeting.findFirst({
      where: { unitId: meeting.unitId, status: 'SCHEDULED' },
      orderBy: [{ scheduledAt: 'asc' }, { id: 'asc' }],
      select: { id: true },
    });
    if (next?.id !== meeting.id) return [];
    const referred = await db.case.findMany({
      where: { owningUnitId: meeting.unitId, state: 'jointMeeting' },
      select: {
        id: true,
        caseNo: true,
        situation: true,
        emergency: true,
        updatedAt: true,
        person: { select: { name: true } },
        originUnit: { select: { name: true, parent: { select: { name: true } } } },
        data: true,
      },
      orderBy: { updatedAt: 'asc' },
    });
    return referred.map((r) => ({
      caseId: r.id,
      caseNo: r.caseNo,
      personName: r.person.name,
      community: r.originUnit.name,
      township: r.originUnit.parent?.name ?? null,
      situation: r.situation,
      emergency: r.emergency,
      needs: (r.data as { assessments?: { needs: unknown[] }[] }).assessments?.at(-1)?.needs ?? [],
      referredAt: r.updatedAt.toISOString(),
    }));
  }

  const dto = (row: Prisma.JointMeetingGetPayload<{ include: typeof meetingInclude }>) => ({
    id: row.id,
    unitId: row.unitId,
    unitName: row.unit.name,
    title: row.title,
    scheduledAt: row.scheduledAt.toISOString(),
    location: row.location,
    departments: row.departments,
    status: row.status,
    minutes: row.minutes,
    heldAt: row.heldAt?.toISOString() ?? null,
    resolved: row._count.items,
  });

  return (
    new Hono<AppEnv>()
      /** Supervisors and managers: the meetings of units in their jurisdiction, in the order asked for. */
      .get('/', validate('query', ZMeetingList), async (c) => {
        const user = c.get('user');
        const { filter = {}, sort, range } = c.req.valid('query');
        const where: Prisma.JointMeetingWhereInput = { unit: { path: { startsWith: user.orgUnit.path } }, ...filter };
        const [rows, total] = await Promise.all([
          db.jointMeeting.findMany({
            where,
            include: meetingInclude,
            orderBy: [{ [sort[0]]: sort[1] === 'ASC' ? ('asc' as const) : ('desc' as const) }, { id: 'asc' }],
            skip: range[0],
            take: range[1] - range[0] + 1,
          }),
          db.jointMeeting.count({ where }),
        ]);
        c.header('Content-Range', contentRange('meetings', range, rows.length, total));
        return c.json(rows.map(dto));
      })
      /** The meeting, its agenda (referred cases), and what it resolved. */
      .get('/:id', validate('param', ZIdParam), async (c) => {
        const row = await find(c.get('user'), c.req.valid('param').id);
        const items = await db.meetingItem.findMany({
          where: { meetingId: row.id },
          include: { case: { select: { caseNo: true } } },
          orderBy: { resolvedAt: 'asc' },
        });
        return c.json({
          ...dto(row),
          agenda: await agendaOf(row),
          items: items.map((i) => ({
            id: i.id,
            caseId: i.caseId,
            caseNo: i.case.caseNo,
            resolution: i.resolution,
            next: i.next,
            actions: i.actions,
            resolvedAt: i.resolvedAt.toISOString(),
          })),
        });
      })
      /** Supervisors and managers of the city or a district: schedules a meeting with its member departments. */
      .post('/', validate('json', ZMeeting), async (c) => {
        const user = c.get('user');
        const body = c.req.valid('json');
        const unit = await db.orgUnit.findUnique({
          where: { id: body.unitId ?? user.orgUnit.id },
          select: { id: true, level: true, path: true },
        });
        if (!unit || !within(user, unit.path) || (unit.level !== 'CITY' && unit.level !== 'DISTRICT')) {
          throw new AppError('VALIDATION', {
            message: 'joint meetings sit at the city or a district in your jurisdiction',
            field: 'unitId',
          });
        }
        const known = new Set((await db.department.findMany({ select: { code: true } })).map((d) => d.code));
        const unknown = body.departments.filter((d) => !known.has(d));
        if (unknown.length)
          throw new AppError('VALIDATION', {
            message: `unknown member department ${unknown.join(', ')}`,
            field: 'departments',
          });
        const row = await db.jointMeeting.create({
          data: {
            unitId: unit.id,
            title: body.title,
            scheduledAt: new Date(body.scheduledAt),
            location: body.location ?? null,
            departments: [...new Set(body.departments)],
            createdById: user.id,
          },
          include: meetingInclude,
        });
        return c.json(dto(row), 201);
      })
      /**
       * Supervisors of the meeting's unit: the resolution on one case of the agenda. It is sent to the
       * case workflow (MEETING_RESOLVED), whose actions become tasks with their deadlines. A retried
       * request resolves once.
       */
      .post('/:id/resolutions', validate('param', ZIdParam), validate('json', ZResolution), async (c) => {
        const user = c.get('user');
        const meeting = await find(user, c.req.valid('param').id);
        const body = c.req.valid('json');
        const updateId = `meeting:${meeting.id}:${body.caseId}:resolve`;
        const recorded = () =>
          db.meetingItem.findUnique({ where: { meetingId_caseId: { meetingId: meeting.id, caseId: body.caseId } } });
        const done = await recorded();
        if (done) return c.json({ id: done.id, caseId: done.caseId }, 201);
        // A retry whose first attempt's Update was taken (the case has left the agenda) while its effects
        // are still being performed: the same Update again waits for them and answers as the first did.
        const taken = await db.caseEvent.findFirst({
          where: {
            caseId: body.caseId,
            type: 'MEETING_RESOLVED',
            payload: { path: ['meetingId'], equals: meeting.id },
          },
          select: { payload: true },
        });
        if (taken) {
          await cases.act(
            body.caseId,
            { ...(taken.payload as object), type: 'MEETING_RESOLVED', actor: actorOf(user) } as ActRequest,
            updateId,
          );
          const item = await recorded();
          if (item) return c.json({ id: item.id, caseId: item.caseId }, 201);
        }
        if (!(await agendaOf(meeting)).some((a) => a.caseId === body.caseId)) {
          throw new AppError('VALIDATION', { message: 'is not on this meeting’s agenda', field: 'caseId' });
        }
        const departments = await db.department.findMany({
          where: { code: { in: body.actions.map((a) => a.department) } },
        });
        const nameOf = new Map(departments.map((d) => [d.code, d.name]));
        body.actions.forEach((a, i) => {
          if (!nameOf.has(a.department) || !meeting.departments.includes(a.department)) {
            throw new AppError('VALIDATION', {
              message: 'is not a member department of this meeting',
              field: `actions.${i}.department`,
            });
          }
        });
        const task = await db.task.findFirst({ where: { caseId: body.caseId, kind: 'JOINT_MEETING', status: 'OPEN' } });
        if (!task)
          throw new AppError('CONFLICT', {
            message: 'the case has no open joint-meeting task',
            reason: 'NOT_ALLOWED_IN_STATE',
          });
        const actor = actorOf(user);
        if (task.assigneeId !== user.id)
          await cases.act(
            body.caseId,
            { type: 'CLAIM', taskId: task.id, actor },
            `meeting:${meeting.id}:${body.caseId}:claim`,
          );
        // The workflow writes the meeting's record (an effect of MEETING_RESOLVED) before the Update answers.
        const actions = body.actions.map((a) => ({
          department: nameOf.get(a.department)!,
          departmentCode: a.department,
          action: a.action,
          deadline: a.deadline,
        }));
        await cases.act(
          body.caseId,
          {
            type: 'MEETING_RESOLVED',
            taskId: task.id,
            meetingId: meeting.id,
            next: body.next,
            actions,
            note: body.resolution,
            actor,
          },
          updateId,
        );
        const item = await db.meetingItem.findUniqueOrThrow({
          where: { meetingId_caseId: { meetingId: meeting.id, caseId: body.caseId } },
        });
        return c.json({ id: item.id, caseId: item.caseId }, 201);
      })
      /** Supervisors of the meeting's unit: marks it held, with its minutes. */
      .post(
        '/:id/held',
        validate('param', ZIdParam),
        validate('json', z.object({ minutes: z.string().trim().min(4).max(20_000) }).strict()),
        async (c) => {
          const meeting = await find(c.get('user'), c.req.valid('param').id);
          const held = await db.jointMeeting.updateMany({
            where: { id: meeting.id, status: 'SCHEDULED' },
            data: { status: 'HELD', heldAt: new Date(), minutes: c.req.valid('json').minutes },
          });
          if (held.count === 0)
            throw new AppError('CONFLICT', { message: 'the meeting is not scheduled', reason: 'NOT_SCHEDULED' });
          return c.json(dto(await find(c.get('user'), meeting.id)));
        },
      )
  );
}

/** Member departments of the joint meetings, as data. */
export function departmentRoutes(deps: AppDeps) {
  return new Hono<AppEnv>().get('/', async (c) => {
    const rows = await deps.db.department.findMany({ orderBy: { sortOrder: 'asc' } });
    c.header('Content-Range', `departments 0-${Math.max(rows.length - 1, 0)}/${rows.length}`);
    return c.json(rows.map((d) => ({ id: d.code, code: d.code, name: d.name })));
  });
}
