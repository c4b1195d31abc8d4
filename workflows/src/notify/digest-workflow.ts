import { proxyActivities } from '@temporalio/workflow';
import type { DigestActivities, DigestRun } from './digest.ts';

const { writeMorningDigests } = proxyActivities<DigestActivities>({
  startToCloseTimeout: '2 minutes',
  retry: { initialInterval: '5 seconds', maximumInterval: '5 minutes' },
});

/**
 * Started by the Temporal Schedule `morning-digest` every day at 08:30 Beijing time; the activity
 * decides by the project's calendar whether it is a working day. `at` is for tests and reruns.
 */
export async function morningDigestWorkflow(input: { at?: string } = {}): Promise<DigestRun> {
  return writeMorningDigests({ at: input.at ?? new Date().toISOString() });
}
