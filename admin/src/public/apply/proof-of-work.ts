/**
 * The proof of work the public application asks for (GET /api/public/applications/challenge): the smallest
 * non-negative integer `solution` such that SHA-256 of `${nonce}:${solution}` (UTF-8) starts with `bits` zero bits.
 * A phone finds 16 bits in a second or two; a script sending thousands of applications pays that each time.
 */
export interface Challenge {
  nonce: string;
  bits: number;
}

/** How many hashes are computed at once: SubtleCrypto is asynchronous, so a batch keeps it busy. */
const BATCH = 256;

/** The number of zero bits the digest starts with. */
export function leadingZeroBits(digest: Uint8Array): number {
  let bits = 0;
  for (const byte of digest) {
    if (byte === 0) {
      bits += 8;
      continue;
    }
    return bits + Math.clz32(byte) - 24;
  }
  return bits;
}

/**
 * Searches `[from, from + count)` in batches, in order, and answers the first solution there, or null. `pause`
 * runs between batches (on the page's own thread it yields to the page, so that the spinner keeps turning).
 */
export async function searchRange(
  { nonce, bits }: Challenge,
  from: number,
  count: number,
  pause: () => Promise<void> = async () => {},
): Promise<number | null> {
  const encoder = new TextEncoder();
  for (let start = from; start < from + count; start += BATCH) {
    const candidates = Array.from({ length: Math.min(BATCH, from + count - start) }, (_, i) => start + i);
    const digests = await Promise.all(
      candidates.map((n) => crypto.subtle.digest('SHA-256', encoder.encode(`${nonce}:${n}`))),
    );
    const found = digests.findIndex((digest) => leadingZeroBits(new Uint8Array(digest)) >= bits);
    if (found >= 0) return candidates[found]!;
    await pause();
  }
  return null;
}

/** A message to and from the worker (proof-of-work.worker.ts). */
export type WorkerRequest = Challenge;
export type WorkerAnswer = { solution: number } | { error: string };

/** On the page's own thread: a batch at a time, giving the page a turn between batches. */
async function solveHere(challenge: Challenge): Promise<number> {
  const yieldToPage = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
  for (let from = 0; ; from += 1 << 20) {
    const solution = await searchRange(challenge, from, 1 << 20, yieldToPage);
    if (solution !== null) return solution;
  }
}

/** In a Web Worker, so the page stays responsive; null when the browser cannot run one. */
function solveInWorker(challenge: Challenge): Promise<number> | null {
  if (typeof Worker === 'undefined') return null;
  let worker: Worker;
  try {
    worker = new Worker(new URL('./proof-of-work.worker.ts', import.meta.url), { type: 'module' });
  } catch {
    return null;
  }
  return new Promise<number>((resolve, reject) => {
    worker.onmessage = ({ data }: MessageEvent<WorkerAnswer>) => {
      worker.terminate();
      if ('solution' in data) resolve(data.solution);
      else reject(new Error(data.error));
    };
    worker.onerror = (event) => {
      worker.terminate();
      reject(new Error(event.message || 'the proof-of-work worker failed'));
    };
    worker.postMessage(challenge satisfies WorkerRequest);
  });
}

/** Solves a challenge: in a Web Worker when the browser has them, else on the page's thread a batch at a time. */
export async function solveChallenge(challenge: Challenge): Promise<number> {
  const inWorker = solveInWorker(challenge);
  if (inWorker) {
    try {
      return await inWorker;
    } catch {
      // A worker that cannot start (an old browser, a blocked script): the page's own thread still gets there.
    }
  }
  return solveHere(challenge);
}
