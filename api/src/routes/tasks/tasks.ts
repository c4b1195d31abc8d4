import { Hono } from 'hono';
import type { Prisma } from '@guanai/db';
import type { Actor, TaskKind } from '@guanai/workflows';
import { subtree, visibleCases } from '../../auth/jurisdiction.ts';
import type { SessionUser } from '../../auth/session.ts';
import type { AppDeps, AppEnv } from '../../env.ts';
import { notFound } from '../../errors/app-error.ts';
import type { CaseClient } from '../../temporal/case-client.ts';
import { contentRange, validate } from '../../validation.ts';
import { eventFromForm, ZCompleteBodySchema, ZTaskListQuerySchema } from './tasks.types.ts';
import { z } from 'zod';

/** What a task row brings along for its DTO (the case page's task list uses it too). */
export const taskInclude = {
  unit: { select: { name: true } },
  assignee: { select: { displayName: true } },
  case: { select: { caseNo: true, state: true, emergency: true, flags: true, person: { select: { name: true } } } },
} satisfies Prisma.TaskInclude;

type TaskRow = Prisma.TaskGetPayload<{ include: typeof taskInclude }>;

export function toTaskDto(task: TaskRow) {
  return {
    id: task.id,
    caseId: task.caseId,
    caseNo: task.case.caseNo,
    kind: task.kind,
    status: task.status,
    unitId: task.unitId,
    unitName: task.unit.name,
    assigneeId: task.assigneeId,
    assigneeName: task.assignee?.displayName ?? null,
    dueAt: task.dueAt.toISOString(),
    breachedAt: task.breachedAt?.toISOString() ?? null,
    createdAt: task.createdAt.toISOString(),
    completedAt: task.completedAt?.toISOString() ?? null,
    caseState: task.case.state,
    personName: task.case.person.name,
    emergency: task.case.emergency,
    flags: task.case.flags,
  };
}

export const actorOf = (user: SessionUser): Actor => ({ id: user.id, role: user.role, unitId: user.orgUnit.id });

const ZTaskParams = z.object({ id: z.string().min(1).max(80) });

export function taskRoutes(deps: AppDeps, cases: CaseClient) {
  /** A task on a case the user can see, or 404. */
  const findVisible = async (user: SessionUser, id: string) => {
    const task = await deps.db.task.findFirst({ where: { id, case: visibleCases(user) }, include: taskInclude });
    if (!task) throw notFound(`task ${id}`);
    return task;
  };
  const reload = async (id: string) => toTaskDto(await deps.db.task.findUniqueOrThrow({ where: { id }, include: taskInclude }));
  const idempotencyKey = (header: string | undefined) => (header && header.length <= 200 ? header : undefined);

  return new Hono<AppEnv>()
    /** Any signed-in user: tasks assigned to me (scope=mine) or of my unit and the units below it (scope=unit). */
    .get('/', validate('query', ZTaskListQuerySchema), async (c) => {
      const user = c.get('user');
      const { filter = {}, sort, range } = c.req.valid('query');
      const where: Prisma.TaskWhereInput = {
        ...(filter.scope === 'mine' ? { assigneeId: user.id } : { unit: subtree(user) }),
        case: visibleCases(user),
        status: filter.status ?? 'OPEN',
        ...(filter.kind ? { kind: filter.kind } : {}),
        ...(filter.caseId ? { caseId: filter.caseId } : {}),
        ...(filter.overdue ? { dueAt: { lt: new Date() } } : {}),
      };
      const [rows, total] = await Promise.all([
        deps.db.task.findMany({ where, include: taskInclude, orderBy: [{ [sort[0]]: sort[1].toLowerCase() }, { id: 'asc' }], skip: range[0], take: range[1] - range[0] + 1 }),
        deps.db.task.count({ where }),
      ]);
      c.header('Content-Range', contentRange('tasks', range, rows.length, total));
      return c.json(rows.map(toTaskDto));
    })
    /** Any signed-in user who can see the case: one task. */
    .get('/:id', validate('param', ZTaskParams), async (c) => c.json(toTaskDto(await findVisible(c.get('user'), c.req.valid('param').id))))
    /** A user whose role may do the task, within its unit's jurisdiction: takes the task. */
    .post('/:id/claim', validate('param', ZTaskParams), async (c) => {
      const user = c.get('user');
      const task = await findVisible(user, c.req.valid('param').id);
      await cases.act(task.caseId, { type: 'CLAIM', taskId: task.id, actor: actorOf(user) }, idempotencyKey(c.req.header('Idempotency-Key')));
      return c.json(await reload(task.id));
    })
    /** The assignee, or a supervisor over the task's unit: gives the task back to the queue. */
    .post('/:id/release', validate('param', ZTaskParams), async (c) => {
      const user = c.get('user');
      const task = await findVisible(user, c.req.valid('param').id);
      await cases.act(task.caseId, { type: 'RELEASE', taskId: task.id, actor: actorOf(user) }, idempotencyKey(c.req.header('Idempotency-Key')));
      return c.json(await reload(task.id));
    })
    /** The assignee: completes the task with its form, which moves the case on. */
    .post('/:id/complete', validate('param', ZTaskParams), validate('json', ZCompleteBodySchema), async (c) => {
      const user = c.get('user');
      const task = await findVisible(user, c.req.valid('param').id);
      const event = eventFromForm(task.kind as TaskKind, task.id, c.req.valid('json').form, actorOf(user));
      const view = await cases.act(task.caseId, event, idempotencyKey(c.req.header('Idempotency-Key')));
      return c.json({ caseId: task.caseId, state: view.state });
    });
}
