import { proxyActivities, workflowInfo } from '@temporalio/workflow';
import type { DisclosureActivities, PublishResult } from './activities.ts';
import { previousPeriod } from './period.ts';

const { publishDisclosure } = proxyActivities<DisclosureActivities>({
  startToCloseTimeout: '5 minutes',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute' },
});

export interface DisclosureInput {
  /** YYYY-MM; a scheduled run publishes the month before it started (Beijing time). */
  period?: string;
  /** Fewest recipients of a township, month and category whose rows are shown. */
  threshold?: number;
}

/** §四(七) 过程信息公开: publishes one month's disclosure; run monthly by the `disclosure-monthly` schedule. */
export async function disclosureWorkflow(input: DisclosureInput = {}): Promise<PublishResult> {
  const period = input.period ?? previousPeriod(workflowInfo().startTime);
  return publishDisclosure({ period, threshold: input.threshold ?? 3 });
}
