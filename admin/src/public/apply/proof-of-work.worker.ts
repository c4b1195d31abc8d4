import { searchRange, type WorkerAnswer, type WorkerRequest } from './proof-of-work.ts';

/** The proof of work off the page's thread (a module worker: `self` is its scope): finds the solution, posts it back. */
self.onmessage = async ({ data }: MessageEvent<WorkerRequest>) => {
  try {
    for (let from = 0; ; from += 1 << 20) {
      const solution = await searchRange(data, from, 1 << 20);
      if (solution !== null) {
        self.postMessage({ solution } satisfies WorkerAnswer);
        return;
      }
    }
  } catch (error) {
    self.postMessage({ error: (error as Error).message } satisfies WorkerAnswer);
  }
};
