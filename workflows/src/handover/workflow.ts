import { proxyActivities, workflowInfo } from '@temporalio/workflow';
import type { HandoverActivities } from './activities.ts';
import {
  handoverUpdateId,
  type HandoverInput,
  type HandoverItem,
  type HandoverOutput,
  type HandoverResult,
} from './messages.ts';

const { handOverTask, applyUserChange, claimedTasks } = proxyActivities<HandoverActivities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '500 milliseconds', maximumInterval: '10 seconds' },
});

/** Cases asked at once: enough to hand 200 tasks on quickly, few enough not to crowd the workers. */
const AT_ONCE = 10;

/**
 * Hands tasks on (issue 15 item 2): a supervisor's bulk reassignment or release, or an admin's
 * deactivation or move of a user (their change first, then their claimed tasks). It runs apart from
 * the request that started it, so nothing is lost if the API dies on the way; its id comes from the
 * request's Idempotency-Key, so a retried request joins this run; and every task's Update has a
 * deterministic id, so each case takes its event once. Each task is one case's event, written by
 * that case's own workflow (the case machine stays the only author of what happens to a case).
 */
export async function handoverWorkflow(input: HandoverInput): Promise<HandoverOutput> {
  const { workflowId } = workflowInfo();
  let items: HandoverItem[] = input.items ?? [];
  const change = input.userChange;
  if (change) {
    await applyUserChange({ change, actor: input.actor, workflowId });
    const claimed = await claimedTasks({ userId: change.userId });
    items = claimed.map((task) => ({ ...task, assignee: change.handoverTo, note: change.note }));
  }
  const results: HandoverResult[] = [];
  for (let i = 0; i < items.length; i += AT_ONCE) {
    const batch = items.slice(i, i + AT_ONCE);
    results.push(...(await Promise.all(batch.map((item) => handOver(input, item, workflowId)))));
  }
  return { results };
}

/** One task; a colleague who may not take it (another kind, another unit) leaves it to its queue instead. */
async function handOver(input: HandoverInput, item: HandoverItem, workflowId: string): Promise<HandoverResult> {
  const result = await handOverTask({ item, actor: input.actor, updateId: handoverUpdateId(workflowId, item.taskId) });
  if (result.outcome !== 'REFUSED' || !input.userChange || !item.assignee || result.code !== 'INVALID') return result;
  const queued = { ...item, assignee: null };
  return handOverTask({
    item: queued,
    actor: input.actor,
    updateId: handoverUpdateId(workflowId, `${item.taskId}:queue`),
  });
}
