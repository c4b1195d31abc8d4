import { ActivityFailure, ApplicationFailure, proxyActivities, sleep } from '@temporalio/workflow';
import type { NotifyActivities } from './activities.ts';

/**
 * How long a delivery keeps trying: Temporal retries the send with backoff (30 s doubling to 15 min)
 * until `giveUpMs` after it was first due, then the delivery fails for good and admins see it.
 */
export interface DeliveryPolicy {
  /** One try's limit (a worker killed mid-send is noticed after it). */
  attemptTimeoutMs: number;
  initialIntervalMs: number;
  maximumIntervalMs: number;
  giveUpMs: number;
}

export const DEFAULT_DELIVERY_POLICY: DeliveryPolicy = {
  attemptTimeoutMs: 30_000,
  initialIntervalMs: 30_000,
  maximumIntervalMs: 15 * 60_000,
  giveUpMs: 24 * 3_600_000,
};

export interface DeliverNotificationInput {
  notificationId: string;
  policy?: DeliveryPolicy;
}

export interface DeliveryOutcome {
  deliveryId: string;
  channelKind: string;
  status: 'SENT' | 'FAILED';
}

export const deliveryWorkflowId = (notificationId: string) => `notify-${notificationId}`;

/**
 * One workflow per notification (id `notify-<id>`): its deliveries (one per channel the recipient
 * chose) wait out quiet hours on a durable timer and are retried on their own, so one recipient's
 * unreachable gateway delays nobody else, and the history of each stays a handful of events. The
 * workflow id makes a second start of the same notification a no-op.
 */
export async function deliverNotification(input: DeliverNotificationInput): Promise<DeliveryOutcome[]> {
  const policy = input.policy ?? DEFAULT_DELIVERY_POLICY;
  const { planDeliveries, giveUpDelivery } = proxyActivities<NotifyActivities>({
    startToCloseTimeout: '30 seconds',
    retry: { initialInterval: '1 second', maximumInterval: '1 minute' },
  });
  const { sendDelivery } = proxyActivities<NotifyActivities>({
    startToCloseTimeout: policy.attemptTimeoutMs,
    scheduleToCloseTimeout: policy.giveUpMs,
    retry: {
      initialInterval: policy.initialIntervalMs,
      backoffCoefficient: 2,
      maximumInterval: policy.maximumIntervalMs,
      nonRetryableErrorTypes: ['CHANNEL_REFUSED', 'FAILED', 'NO_DELIVERY'],
    },
  });
  const planned = await planDeliveries({ notificationId: input.notificationId });
  return Promise.all(
    planned.map(async ({ deliveryId, channelKind, notBefore }): Promise<DeliveryOutcome> => {
      const wait = Date.parse(notBefore) - Date.now();
      if (wait > 0) await sleep(wait);
      try {
        await sendDelivery({ deliveryId });
        return { deliveryId, channelKind, status: 'SENT' };
      } catch (error) {
        await giveUpDelivery({ deliveryId, reason: reasonOf(error) });
        return { deliveryId, channelKind, status: 'FAILED' };
      }
    }),
  );
}

function reasonOf(error: unknown): string {
  const cause = error instanceof ActivityFailure ? error.cause : error;
  if (cause instanceof ApplicationFailure) return cause.message;
  return cause instanceof Error ? cause.message : 'failed';
}
