import type { Client } from '@temporalio/client';
import { CASES_TASK_QUEUE, type DisclosureInput, type PublishResult } from '@guanai/workflows';
import type { SessionUser } from '../../auth/session.ts';
import { AppError } from '../../errors/app-error.ts';

/**
 * Publishes a month now (the schedule does it monthly), through the same workflow. The disclosure is
 * one city-wide snapshot (§四(七)), so a district's manager, who answers for part of it only, does not
 * publish it for everyone; and only a month that has ended (Beijing time) is published.
 */
export async function publishDisclosure({
  temporal,
  taskQueue,
  threshold,
  user,
  period,
  requestId,
}: {
  temporal: Client;
  taskQueue: string | undefined;
  threshold: number | undefined;
  user: SessionUser;
  period: string;
  requestId: string;
}): Promise<PublishResult> {
  if (user.orgUnit.level !== 'CITY') {
    throw new AppError('FORBIDDEN', {
      message: `the disclosure is city-wide: it is published by the city's managers, not at ${user.orgUnit.name}`,
    });
  }
  if (period >= new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 7)) {
    throw new AppError('VALIDATION', { message: 'only a month that has ended can be published', field: 'period' });
  }
  const input: DisclosureInput = { period, threshold: threshold ?? 3 };
  return temporal.workflow.execute<(input: DisclosureInput) => Promise<PublishResult>>('disclosureWorkflow', {
    taskQueue: taskQueue ?? CASES_TASK_QUEUE,
    workflowId: `disclosure-${period}-${requestId}`,
    args: [input],
  });
}
