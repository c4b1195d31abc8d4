import type { Client } from '@temporalio/client';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import type { Db } from '@guanai/db';
import { deliveryWorkflowId, type DeliveryPolicy } from './workflow.ts';

export interface OutboxRelayOptions {
  db: Db;
  client: Client;
  taskQueue: string;
  /** How often the outbox is read when the last pass found nothing (default 250 ms). */
  intervalMs?: number;
  /** Rows per pass. */
  batch?: number;
  policy?: DeliveryPolicy;
  signal?: AbortSignal;
}

/**
 * The outbox relay: hands each undispatched notification to its delivery workflow, once. Every worker
 * runs one; rows are taken with FOR UPDATE SKIP LOCKED, so relays on several machines share the outbox
 * without waiting on each other. A notification whose recipient has chosen no channel is marked
 * dispatched without a workflow. A crash after a start and before the mark starts it again on the
 * next pass, which the workflow id turns into a no-op.
 */
export async function relayOnce({ db, client, taskQueue, batch = 100, policy }: OutboxRelayOptions): Promise<number> {
  return db.$transaction(
    async (tx) => {
      const rows = await tx.$queryRaw<{ id: bigint; wanted: boolean }[]>`
      SELECT n.id, CASE WHEN jsonb_typeof(p.channels -> n.kind) = 'array' THEN jsonb_array_length(p.channels -> n.kind) > 0 ELSE false END AS wanted
      FROM notification n LEFT JOIN notification_preference p ON p.user_id = n.user_id
      WHERE n.dispatched_at IS NULL ORDER BY n.id LIMIT ${batch} FOR UPDATE OF n SKIP LOCKED`;
      await Promise.all(
        rows
          .filter((row) => row.wanted)
          .map(async ({ id }) => {
            try {
              await client.workflow.start('deliverNotification', {
                taskQueue,
                workflowId: deliveryWorkflowId(String(id)),
                args: [{ notificationId: String(id), ...(policy ? { policy } : {}) }],
              });
            } catch (error) {
              if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
            }
          }),
      );
      if (rows.length > 0) {
        await tx.$executeRaw`UPDATE notification SET dispatched_at = now() WHERE id = ANY(${rows.map((r) => r.id)}::bigint[])`;
      }
      return rows.length;
    },
    { timeout: 30_000 },
  );
}

/** Runs the relay until the signal aborts: at once again after a full batch, else after `intervalMs`. */
export async function runOutboxRelay(options: OutboxRelayOptions): Promise<void> {
  const { intervalMs = 250, batch = 100, signal } = options;
  while (!signal?.aborted) {
    let taken = 0;
    try {
      taken = await relayOnce(options);
    } catch (error) {
      // The database or Temporal is away for a moment: the rows stay in the outbox for the next pass.
      if (!signal?.aborted) console.warn(`outbox relay: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (taken < batch) await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
