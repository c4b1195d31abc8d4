import { describe, expect, it } from 'vitest';
import { ensureTemporalCli } from '../../../scripts/temporal-cli.mjs';
import { runChaos } from '../chaos/run.ts';

/**
 * The fault-injection run in a shortened form (`npm run chaos` is the full one): a few cases through
 * their lifecycle while the worker and the API are killed with SIGKILL and the Temporal dev server is
 * restarted on the same file; then claim races.
 */
describe('fault injection (shortened)', () => {
  it('every case reaches follow-up with nothing done twice, and every claim race has exactly one winner', async () => {
    const report = await runChaos({
      cases: 6,
      workerKillEvery: [10, 25],
      apiKillEvery: [15, 35],
      temporalRestarts: 1,
      claimRaces: 100,
      temporalCli: ensureTemporalCli(),
    });
    const failed = Object.entries(report.checks).filter(([, c]) => c.failed > 0);
    expect(failed, JSON.stringify(failed, null, 2)).toEqual([]);
    expect(report.injected.workerKills).toBeGreaterThan(0);
    expect(report.injected.apiKills).toBeGreaterThan(0);
    expect(report.injected.temporalRestarts).toBe(1);
    expect(report.claimRaces).toEqual({ rounds: 100, singleWinner: 100 });
  }, 900_000);
});
