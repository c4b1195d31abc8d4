import { writeSync } from 'node:fs';

/**
 * Fault injection for the chaos run (api/src/chaos): a process started with
 * `GUANAI_FAULT_POINTS="api.after-update:0.2,worker.effect:0.3"` kills itself (SIGKILL: nothing is
 * flushed, no handler runs) at a named point with that probability. Without the variable — in
 * production — a fault point does nothing.
 */
const points = new Map(
  (process.env.GUANAI_FAULT_POINTS ?? '')
    .split(',')
    .map((entry) => entry.trim().split(':'))
    .filter(([name, probability]) => name && Number(probability) > 0)
    .map(([name, probability]) => [name!, Number(probability)]),
);

export function faultPoint(name: string): void {
  const probability = points.get(name);
  if (!probability || Math.random() >= probability) return;
  // A line the chaos run counts (a write to a pipe is synchronous), then the kill.
  writeSync(2, `FAULT-POINT ${name}\n`);
  process.kill(process.pid, 'SIGKILL');
}
