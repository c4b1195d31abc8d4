import { Hono } from 'hono';
import type { Db, Prisma } from '@guanai/db';
import type { Actor, CaseView, TaskKind } from '@guanai/workflows';
import { subtree, visibleCases } from '../../auth/jurisdiction.ts';
import type { SessionUser } from '../../auth/session.ts';
import type { AppDeps, AppEnv } from '../../env.ts';
import { AppError, notFound } from '../../errors/app-error.ts';
import type { CaseClient } from '../../temporal/case-client.ts';
import { contentRange, validate } from '../../validation.ts';
import { keyedId } from '../../request/idempotency.ts';
import { eventFromForm, ZCompleteBodySchema, ZTaskListQuerySchema } from './tasks.types.ts';
import { z } from 'zod';

/**
 * Matching and delivery are done only through the catalogue: a MATCH task takes the case's accepted
 * matches, a DELIVER task the delivery ledger, so the case's record says what the ledger says. Rows
 * typed in by hand are refused: they passed no eligibility or capacity check, and a delivery that is
 * not in the ledger reaches neither the disclosure (§四(七)) nor the KPIs' cost figures (§四(八)).
 */
async function withLedger(db: Db, kind: string, caseId: string, form: unknown): Promise<unknown> {
  const given = (form ?? {}) as Record<string, unknown>;
  if (kind === 'MATCH' && given.matches !== undefined) {
    throw new AppError('VALIDATION', {
      message:
        'matches are not typed in: the task takes the case’s accepted matches (propose resources and let the partner accept)',
      field: 'form.matches',
    });
  }
  if (kind === 'DELIVER' && given.items !== undefined) {
    throw new AppError('VALIDATION', {
      message:
        'deliveries are not typed in: the task takes the delivery ledger (record what was given on the accepted matches)',
      field: 'form.items',
    });
  }
  if (kind === 'MATCH') {
    const accepted = await db.match.findMany({
      where: { caseId, status: 'ACCEPTED' },
      include: { resource: { select: { name: true, provider: { select: { name: true } } } } },
      orderBy: { createdAt: 'asc' },
    });
    if (accepted.length === 0)
      throw new AppError('VALIDATION', {
        message: 'no match has been accepted yet: propose resources and wait for a partner to accept',
        field: 'form.matches',
      });
    return {
      ...given,
      matches: accepted.map((m) => ({
        category: m.category,
        resource: m.resource.name,
        provider: m.resource.provider.name,
      })),
    };
  }
  if (kind === 'DELIVER') {
    const deliveries = await db.delivery.findMany({
      where: { match: { caseId, status: 'ACCEPTED' } },
      include: { match: { select: { resource: { select: { name: true } } } } },
      orderBy: { deliveredOn: 'asc' },
    });
    if (deliveries.length === 0)
      throw new AppError('VALIDATION', {
        message: 'nothing has been recorded as delivered yet: record deliveries on the matches',
        field: 'form.items',
      });
    const unit = (d: (typeof deliveries)[number]) =>
      d.kind === 'MONEY' ? '元' : d.kind === 'SERVICE' ? '小时' : undefined;
    const amount = (d: (typeof deliveries)[number]) => {
      const value = d.kind === 'MONEY' ? d.amount : d.kind === 'SERVICE' ? d.hours : d.quantity;
      return value === null ? NaN : Number(value);
    };
    return {
      ...given,
      items: deliveries.slice(0, 50).map((d) => ({
        what: `${d.match.resource.name}：${d.description}`.slice(0, 200),
        ...(Number.isFinite(amount(d)) ? { amount: amount(d) } : {}),
        ...(unit(d) ? { unit: unit(d) } : {}),
      })),
    };
  }
  return form;
}

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
    title: task.title,
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
  /** The same check, the task's own columns only (one query): what an action needs before the Update. */
  const findVisibleRow = async (user: SessionUser, id: string) => {
    const task = await deps.db.task.findFirst({ where: { id, case: visibleCases(user) } });
    if (!task) throw notFound(`task ${id}`);
    return task;
  };
  /** Claim or release: the Update, and meanwhile what the answer shows of the task's unit, case and person. */
  const claimOrRelease = async (user: SessionUser, id: string, type: 'CLAIM' | 'RELEASE', key: string | undefined) => {
    const row = await findVisibleRow(user, id);
    const [view, task] = await Promise.all([
      cases.act(row.caseId, { type, taskId: row.id, actor: actorOf(user) }, key),
      deps.db.task.findUniqueOrThrow({ where: { id: row.id }, include: taskInclude }),
    ]);
    // Read while the Update ran: only what the event cannot change (names, case number) is taken from it.
    return afterAction(
      { ...task, ...row, assignee: row.assigneeId === task.assigneeId ? task.assignee : null },
      view,
      user,
    );
  };
  const reload = async (id: string) =>
    toTaskDto(await deps.db.task.findUniqueOrThrow({ where: { id }, include: taskInclude }));
  /**
   * The task after a claim or release, from the row read before it and the workflow's answer (which
   * is what was just projected), so the API does not read the row again; read it when the answer
   * names someone whose name the API does not have.
   */
  const afterAction = async (before: TaskRow, view: CaseView, user: SessionUser) => {
    const after = view.context.tasks.find((t) => t.id === before.id);
    const assigneeName = !after
      ? undefined
      : after.assigneeId === null
        ? null
        : after.assigneeId === user.id
          ? user.displayName
          : after.assigneeId === before.assigneeId
            ? before.assignee?.displayName
            : undefined;
    if (!after || assigneeName === undefined || after.unitId !== before.unitId) return reload(before.id);
    const at = (iso: string | null | undefined) => (iso ? new Date(iso) : null);
    return toTaskDto({
      ...before,
      status: after.status,
      assigneeId: after.assigneeId,
      assignee: assigneeName === null ? null : { displayName: assigneeName },
      dueAt: new Date(after.dueAt),
      breachedAt: at(after.breachedAt),
      completedAt: at(after.completedAt),
      case: {
        ...before.case,
        state: view.state,
        emergency: view.context.emergency,
        flags: (view.context.flags ?? []) as unknown as TaskRow['case']['flags'],
      },
    });
  };

  return (
    new Hono<AppEnv>()
      /** Any signed-in user: tasks assigned to me (scope=mine) or of my unit and the units below it (scope=unit). */
      .get('/', validate('query', ZTaskListQuerySchema), async (c) => {
        const user = c.get('user');
        const { filter = {}, sort, range } = c.req.valid('query');
        const byUnit = filter.scope !== 'mine';
        const where: Prisma.TaskWhereInput = {
          ...(byUnit ? { unit: subtree(user) } : { assigneeId: user.id }),
          // A task's unit is always in its case's chain (the community it started in and the centers
          // above it), so a task of a unit in my subtree is of a case I can see: the case condition —
          // an OR over two joins that made PostgreSQL scan every case for a district's queue — is kept
          // only for my own tasks and for partners, who see no case.
          ...(byUnit && user.role !== 'PARTNER' ? {} : { case: visibleCases(user) }),
          status: filter.status ?? 'OPEN',
          ...(filter.kind ? { kind: filter.kind } : {}),
          ...(filter.caseId ? { caseId: filter.caseId } : {}),
          ...(filter.overdue ? { dueAt: { lt: new Date() } } : {}),
        };
        const [rows, total] = await Promise.all([
          deps.db.task.findMany({
            where,
            include: taskInclude,
            orderBy: [{ [sort[0]]: sort[1].toLowerCase() }, { id: 'asc' }],
            skip: range[0],
            take: range[1] - range[0] + 1,
          }),
          deps.db.task.count({ where }),
        ]);
        c.header('Content-Range', contentRange('tasks', range, rows.length, total));
        return c.json(rows.map(toTaskDto));
      })
      /** Any signed-in user who can see the case: one task. */
      .get('/:id', validate('param', ZTaskParams), async (c) =>
        c.json(toTaskDto(await findVisible(c.get('user'), c.req.valid('param').id))),
      )
      /** A user whose role may do the task, within its unit's jurisdiction: takes the task. */
      .post('/:id/claim', validate('param', ZTaskParams), async (c) => {
        return c.json(await claimOrRelease(c.get('user'), c.req.valid('param').id, 'CLAIM', keyedId(c, 'act')));
      })
      /** The assignee, or a supervisor over the task's unit: gives the task back to the queue. */
      .post('/:id/release', validate('param', ZTaskParams), async (c) => {
        return c.json(await claimOrRelease(c.get('user'), c.req.valid('param').id, 'RELEASE', keyedId(c, 'act')));
      })
      /** The assignee: completes the task with its form, which moves the case on. */
      .post('/:id/complete', validate('param', ZTaskParams), validate('json', ZCompleteBodySchema), async (c) => {
        const user = c.get('user');
        const task = await findVisibleRow(user, c.req.valid('param').id);
        const form = await withLedger(deps.db, task.kind, task.caseId, c.req.valid('json').form);
        const event = eventFromForm(task.kind as TaskKind, task.id, form, actorOf(user));
        const view = await cases.act(task.caseId, event, keyedId(c, 'act'));
        return c.json({ caseId: task.caseId, state: view.state });
      })
  );
}
