import { ScheduleAlreadyRunning, ScheduleOverlapPolicy, type Client } from '@temporalio/client';
import { CASES_TASK_QUEUE } from '@guanai/workflows';

export const DISCLOSURE_SCHEDULE_ID = 'disclosure-monthly';

/**
 * §四(七): the monthly disclosure is published by a Temporal Schedule — at 02:00 Beijing time on the
 * 1st, for the month before. Creating it again is harmless (the schedule already running stays).
 */
export async function ensureDisclosureSchedule(
  client: Client,
  { taskQueue = CASES_TASK_QUEUE, threshold = 3 }: { taskQueue?: string; threshold?: number } = {},
) {
  try {
    await client.schedule.create({
      scheduleId: DISCLOSURE_SCHEDULE_ID,
      spec: { calendars: [{ dayOfMonth: 1, hour: 2, minute: 0 }], timezone: 'Asia/Shanghai' },
      action: {
        type: 'startWorkflow',
        workflowType: 'disclosureWorkflow',
        taskQueue,
        args: [{ threshold }],
        workflowId: 'disclosure',
      },
      policies: { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: '31 days' },
    });
  } catch (error) {
    if (!(error instanceof ScheduleAlreadyRunning)) throw error;
  }
  return client.schedule.getHandle(DISCLOSURE_SCHEDULE_ID);
}
