import { describe, expect, it } from 'vitest';
import { runChaos } from '../chaos/run.ts';

/**
 * Issue 14, shortened (`npm run scale` runs the longer one): the same code on a real Temporal cluster
 * persisted in PostgreSQL — frontend, history, matching and the internal worker as four processes,
 * made and migrated here from nothing — with two case workers and two API replicas behind the
 * round-robin proxy, as `npm run cluster` runs them. Cases move through their whole lifecycle through
 * both replicas while a worker and a replica are killed with SIGKILL and Temporal's matching and then
 * history service are killed and started again; then every case is checked as `npm run chaos` checks it.
 */
describe('on a Temporal cluster in PostgreSQL, several workers and API replicas', () => {
  it('every case ends where its path leads through both replicas, with a worker, a replica, matching and history killed mid-run: nothing lost, nothing done twice', async () => {
    const report = await runChaos({
      cases: 6,
      workerKillEvery: [10, 25],
      apiKillEvery: [20, 45],
      temporalRestarts: 2,
      claimRaces: 20,
      faultPoints: { apiAfterUpdate: 0.02, workerEffect: 0.1, atLeast: 1 },
      topology: { kind: 'cluster', workers: 2, apis: 2 },
    });
    const failed = Object.entries(report.checks).filter(([, c]) => c.failed > 0);
    expect(failed, JSON.stringify(failed, null, 2)).toEqual([]);
    expect(report.injected.workerKills).toBeGreaterThan(0);
    expect(report.injected.apiKills).toBeGreaterThan(0);
    // matching, then history
    expect(report.injected.temporalRestarts).toBe(2);
    // Both replicas answered a fair share (the proxy turns over them).
    expect(report.requests.byReplica).toHaveLength(2);
    const total = report.requests.byReplica.reduce((a, b) => a + b, 0);
    for (const share of report.requests.byReplica) expect(share).toBeGreaterThan(total / 4);
    for (const name of [
      'case is in follow-up (workflow, through the API)',
      'closed case: its match ended, holding nothing (no hold leaks)',
      'meeting case: the resolution recorded once (none lost)',
    ]) {
      expect(report.checks[name]?.checked, name).toBe(2);
    }
    expect(report.claimRaces).toEqual({ rounds: 20, singleWinner: 20 });
  }, 900_000);
});
