import { ScheduleAlreadyRunning, type Client } from '@temporalio/client';

export const MORNING_DIGEST_SCHEDULE_ID = 'morning-digest';

/**
 * The Temporal Schedule of the morning digest: every day at 08:30 Asia/Shanghai (the workflow skips
 * what the project's calendar says is no working day, so a 调休 Saturday gets one and a holiday none).
 * Every worker ensures it at start; the first creates it, the others find it there.
 */
export async function ensureMorningDigestSchedule(client: Client, taskQueue: string): Promise<'CREATED' | 'EXISTS'> {
  try {
    await client.schedule.create({
      scheduleId: MORNING_DIGEST_SCHEDULE_ID,
      spec: { calendars: [{ hour: 8, minute: 30 }], timezone: 'Asia/Shanghai' },
      action: {
        type: 'startWorkflow',
        workflowType: 'morningDigestWorkflow',
        taskQueue,
        workflowId: 'morning-digest-run',
        args: [{}],
      },
      policies: { overlap: 'SKIP', catchupWindow: '1 hour' },
    });
    return 'CREATED';
  } catch (error) {
    if (error instanceof ScheduleAlreadyRunning) return 'EXISTS';
    throw error;
  }
}
