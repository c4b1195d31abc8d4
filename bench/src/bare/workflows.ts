// Benchmark-only workflow: the bare Temporal Update round trip that a case action is compared with.
import { condition, defineSignal, defineUpdate, setHandler } from '@temporalio/workflow';

/** Does nothing and answers at once: client → server → worker → server → client, and nothing else. */
export const noopUpdate = defineUpdate<number, [number]>('noop');
export const stopSignal = defineSignal('stop');

export async function bareWorkflow(): Promise<void> {
  let stopped = false;
  setHandler(noopUpdate, (n: number) => n);
  setHandler(stopSignal, () => {
    stopped = true;
  });
  await condition(() => stopped);
}
