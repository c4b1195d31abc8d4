// Issue 14, reads at scale (`npm run scale`): the unit queue, the SLA view and the manager's home
// page with 100,000 and then 1,000,000 cases (5,000,000 tasks) bulk-loaded, each next to plain SQL;
// p95 at each scale, its growth, and the ratio to plain SQL.
import { queueReads } from './queue-reads.ts';
import type { BenchResult } from './results.ts';

/** BENCH_SCALE_READS_SCALES (e.g. 10000,100000) tries the benchmark smaller. */
const SCALES = (process.env.BENCH_SCALE_READS_SCALES ?? '100000,1000000').split(',').map(Number);

/**
 * Reads at 100,000 and 1,000,000 cases: targets p95 < 30 ms at 1,000,000 and < 1.5× the figure at
 * 100,000 for the unit queues, the SLA view and the manager's home page. `npm run scale -- reads` runs it
 * and writes its figures, targets and notes into scale.json.
 */
export function readsAtScale(): Promise<BenchResult> {
  return queueReads({
    name: 'scale-reads',
    scales: SCALES,
    iterations: Number(process.env.BENCH_SCALE_READS_ITERATIONS ?? 300),
    budgetMs: Number(process.env.BENCH_SCALE_READS_BUDGET_S ?? 30) * 1000,
    managerHome: true,
    vsSqlTarget: false,
  });
}
