import { describe, expect, it } from 'vitest';
import { demoPerson } from './demo-person.ts';
import { DEMO_PATHS, pathOf, planCase } from './demo-plan.ts';

const DAY = 86_400_000;

describe('the demo plan (pure)', () => {
  it('a small demo still takes every path; about 300 take each several times', () => {
    expect(new Set(Array.from({ length: 40 }, (_, i) => pathOf(i, 40)))).toEqual(new Set(DEMO_PATHS));
    const counts = new Map<string, number>();
    for (let i = 0; i < 300; i += 1) counts.set(pathOf(i, 300), (counts.get(pathOf(i, 300)) ?? 0) + 1);
    for (const path of DEMO_PATHS) expect(counts.get(path), path).toBeGreaterThanOrEqual(2);
  });

  it('is the same for the same index (a retried load finds its own work), and stays within six months', () => {
    for (let i = 0; i < 300; i += 1) {
      const { random: _a, ...first } = planCase(i, 300, 15);
      const { random: _b, ...again } = planCase(i, 300, 15);
      expect(again).toEqual(first);
      expect(first.lagMs + first.spanMs).toBeLessThan(183 * DAY);
    }
  });

  it('a case left in matching is within its SLA (a MATCH breach would escalate it on its own)', () => {
    for (let i = 0; i < 300; i += 1) {
      const plan = planCase(i, 300, 15);
      if (plan.path === 'matching' || plan.path === 'meetingMatching') expect(plan.lagMs).toBeLessThan(2 * DAY);
    }
  });

  it('demo people never share an identity number, each with a valid GB 11643 check digit', () => {
    const ids = Array.from({ length: 1200 }, (_, i) => demoPerson(i, '510104000000', '水井坊社区').idNumber);
    expect(new Set(ids).size).toBe(ids.length);
    const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    for (const id of ids) {
      const sum = weights.reduce((acc, w, i) => acc + w * Number(id[i]), 0);
      expect(id).toMatch(/^\d{17}[\dX]$/);
      expect(id[17]).toBe('10X98765432'[sum % 11]);
    }
  });
});
