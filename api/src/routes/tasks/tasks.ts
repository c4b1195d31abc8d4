import { claimOrReleaseTask } from '../../domain/tasks/claim-or-release-task.ts';
import { completeTask } from '../../domain/tasks/complete-task.ts';
import { countTasks } from '../../domain/tasks/count-tasks.ts';
import { exportFormat } from '../../domain/exports/write-table.ts';
import { exportTasks } from '../../domain/tasks/export-tasks.ts';
import { findVisibleTask } from '../../domain/tasks/find-visible-task.ts';
import { taskInclude, toTaskDto } from '../../domain/tasks/task-dto.ts';
import { narrowsQueue, taskListWhere } from '../../domain/tasks/task-list-where.ts';
import { isOutsider } from '../../auth/jurisdiction.ts';
import { openTasksUnder, unitQueuePage } from '../../domain/tasks/unit-queue.ts';
import type { AppDeps } from '../../env.ts';
import { sendExport } from '../../openapi/file-export.ts';
import { createRouter } from '../../openapi/router.ts';
import { keyedId } from '../../request/idempotency.ts';
import type { CaseClient } from '../../temporal/case-client.ts';
import { createHandoverClient } from '../../temporal/handover-client.ts';
import { handOverTasks } from '../../domain/tasks/hand-over-tasks.ts';
import { reassignTask } from '../../domain/tasks/reassign-task.ts';
import { contentRange } from '../../validation.ts';
import {
  claimTask,
  completeTask as completeTaskRoute,
  countTasks as countTasksRoute,
  exportTasks as exportTasksRoute,
  getTask,
  handOverTasks as handOverTasksRoute,
  listTasks,
  reassignTask as reassignTaskRoute,
  releaseTask,
} from './tasks.types.ts';

/** Routes under /api/tasks: the work queues, and taking, giving back and completing a task. */
export function taskRoutes(deps: AppDeps, cases: CaseClient) {
  const { db } = deps;
  const handovers = createHandoverClient(deps.temporal, deps.taskQueue);
  return (
    createRouter()
      /**
       * Any signed-in user: tasks assigned to me (scope=mine) or of my unit and the units below it
       * (scope=unit), narrowed by the inbox's filters (tasks.types.ts ZTaskListFilterSchema).
       */
      .openapi(listTasks, async (c) => {
        const user = c.get('user');
        const { filter = {}, sort, range } = c.req.valid('query');
        const byUnit = filter.scope !== 'mine';
        const where = taskListWhere(user, filter);
        // A plain unit queue (not one case's tasks, which its own index finds, nor one narrowed by the
        // inbox's filters, which one indexed query finds) is read unit by unit; its total of open tasks
        // comes from the per-unit counters. Both cost the subtree's units, not its tasks.
        const perUnit = byUnit && !isOutsider(user) && !filter.caseId && !narrowsQueue(filter);
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
      /** Any signed-in user: the inbox's tab counts (each the total of its tab's list). */
      .openapi(countTasksRoute, async (c) => c.json(await countTasks(db, c.get('user')), 200))
      /** Any signed-in user: the filtered list as CSV or Excel (only what the list shows); audited. */
      .openapi(exportTasksRoute, async (c) => {
        const { filter = {}, sort, format } = c.req.valid('query');
        const file = await exportTasks({
          db,
          user: c.get('user'),
          filter,
          sort,
          format: exportFormat(format, c.req.header('Accept')),
        });
        return sendExport(c, file);
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
      /** The assignee, or a supervisor over the task's unit (with a reason): gives the task back to the queue. */
      .openapi(releaseTask, async (c) => {
        const body = (c.req.valid('json') as { reason?: string } | undefined) ?? {};
        const task = await claimOrReleaseTask({
          db,
          cases,
          user: c.get('user'),
          taskId: c.req.valid('param').id,
          type: 'RELEASE',
          key: keyedId(c, 'act'),
          ...(body.reason ? { note: body.reason } : {}),
        });
        return c.json(task, 200);
      })
      /** A supervisor over the task's unit: hands it to a colleague of their subtree, with a reason. */
      .openapi(reassignTaskRoute, async (c) => {
        const { assigneeId, reason } = c.req.valid('json');
        const task = await reassignTask({
          db,
          cases,
          user: c.get('user'),
          taskId: c.req.valid('param').id,
          assigneeId,
          reason,
          key: keyedId(c, 'act'),
        });
        return c.json(task, 200);
      })
      /** A supervisor: hands tasks of their subtree to a colleague or back to their queues, through one workflow. */
      .openapi(handOverTasksRoute, async (c) => {
        const { taskIds, assigneeId, reason } = c.req.valid('json');
        const output = await handOverTasks({
          db,
          handovers,
          user: c.get('user'),
          taskIds,
          assigneeId,
          reason,
          key: keyedId(c, 'handover'),
        });
        return c.json(output, 200);
      })
      /** The assignee: completes the task with its form, which moves the case on. */
      .openapi(completeTaskRoute, async (c) => {
        const after = await completeTask({
          db,
          cases,
          user: c.get('user'),
          taskId: c.req.valid('param').id,
          form: c.req.valid('json').form,
          answers: c.req.valid('json').answers,
          key: keyedId(c, 'act'),
        });
        return c.json(after, 200);
      })
  );
}
