import { randomUUID } from 'node:crypto';
import type { Db } from '@guanai/db';
import type { HandoverOutput } from '@guanai/workflows';
import type { SessionUser } from '../../auth/session.ts';
import type { HandoverClient } from '../../temporal/handover-client.ts';
import { actorOf } from './actor-of.ts';
import { chooseAssignee, handoverNote } from './choose-assignee.ts';
import { supervisedTasks } from './supervised-tasks.ts';

/**
 * A supervisor hands tasks of their subtree on in bulk — to a colleague, or back to each task's unit
 * queue (`assigneeId` null) — with a reason. Everything is checked first (a 422 or 404 naming the
 * field, and nothing sent); then one handover workflow sends each case its Update and answers per
 * task (a task completed meanwhile is refused by its case, the others go on). `key` (from the
 * Idempotency-Key) names the workflow, so a retried request gets the same run's answer.
 */
export async function handOverTasks({
  db,
  handovers,
  user,
  taskIds,
  assigneeId,
  reason,
  key,
}: {
  db: Db;
  handovers: HandoverClient;
  user: SessionUser;
  taskIds: string[];
  assigneeId: string | null;
  reason: string;
  key: string | undefined;
}): Promise<HandoverOutput> {
  const tasks = await supervisedTasks(db, user, taskIds);
  const chosen = assigneeId ? await chooseAssignee({ db, user, assigneeId, tasks }) : null;
  const note = handoverNote(reason, chosen);
  return handovers.run(key ?? randomUUID(), {
    actor: actorOf(user),
    items: tasks.map((task) => ({ caseId: task.caseId, taskId: task.id, assignee: chosen?.actor ?? null, note })),
  });
}
