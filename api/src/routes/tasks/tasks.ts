import type { Prisma } from '@guanai/db';
import { subtree, visibleCases } from '../../auth/jurisdiction.ts';
import { claimOrReleaseTask } from '../../domain/tasks/claim-or-release-task.ts';
import { completeTask } from '../../domain/tasks/complete-task.ts';
import { findVisibleTask } from '../../domain/tasks/find-visible-task.ts';
import { taskInclude, toTaskDto } from '../../domain/tasks/task-dto.ts';
import { openTasksUnder, unitQueuePage } from '../../domain/tasks/unit-queue.ts';
import type { AppDeps } from '../../env.ts';
import { createRouter } from '../../openapi/router.ts';
import { keyedId } from '../../request/idempotency.ts';
import type { CaseClient } from '../../temporal/case-client.ts';
import { contentRange } from '../../validation.ts';
import { claimTask, completeTask as completeTaskRoute, getTask, listTasks, releaseTask } from './tasks.types.ts';

/** Routes under /api/tasks: the work queues, and taking, giving back and completing a task. */
export function taskRoutes(deps: AppDeps, cases: CaseClient) {
  const { db } = deps;
  return (
    createRouter()
      /** Any signed-in user: tasks assigned to me (scope=mine) or of my unit and the units below it (scope=unit). */
      .openapi(listTasks, async (c) => {
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
        // A unit queue (not one case's tasks, which its own index finds) is read unit by unit; its
        // total of open tasks comes from the per-unit counters. Both cost the subtree's units, not its tasks.
        const perUnit = byUnit && user.role !== 'PARTNER' && !filter.caseId;
        const status = filter.status ?? 'OPEN';
        const [rows, total] = await Promise.all([
          perUnit
            ? unitQueuePage(db, {
                path: user.orgUnit.path,
                status,
                kind: filter.kind,
                overdue: filter.overdue,
                sort,
                range,
              })
            : db.task.findMany({
                where,
                include: taskInclude,
                orderBy: [{ [sort[0]]: sort[1].toLowerCase() }, { id: 'asc' }],
                skip: range[0],
                take: range[1] - range[0] + 1,
              }),
          perUnit && status === 'OPEN' && !filter.kind && !filter.overdue
            ? openTasksUnder(db, user.orgUnit.path)
            : db.task.count({ where }),
        ]);
        c.header('Content-Range', contentRange('tasks', range, rows.length, total));
        return c.json(rows.map(toTaskDto), 200);
      })
      /** Any signed-in user who can see the case: one task. */
      .openapi(getTask, async (c) =>
        c.json(toTaskDto(await findVisibleTask(db, c.get('user'), c.req.valid('param').id)), 200),
      )
      /** A user whose role may do the task, within its unit's jurisdiction: takes the task. */
      .openapi(claimTask, async (c) => {
        const task = await claimOrReleaseTask({
          db,
          cases,
          user: c.get('user'),
          taskId: c.req.valid('param').id,
          type: 'CLAIM',
          key: keyedId(c, 'act'),
        });
        return c.json(task, 200);
      })
      /** The assignee, or a supervisor over the task's unit: gives the task back to the queue. */
      .openapi(releaseTask, async (c) => {
        const task = await claimOrReleaseTask({
          db,
          cases,
          user: c.get('user'),
          taskId: c.req.valid('param').id,
          type: 'RELEASE',
          key: keyedId(c, 'act'),
        });
        return c.json(task, 200);
      })
      /** The assignee: completes the task with its form, which moves the case on. */
      .openapi(completeTaskRoute, async (c) => {
        const after = await completeTask({
          db,
          cases,
          user: c.get('user'),
          taskId: c.req.valid('param').id,
          form: c.req.valid('json').form,
          key: keyedId(c, 'act'),
        });
        return c.json(after, 200);
      })
  );
}
