import { describe, expect, it } from 'vitest';
import type { CaseContext } from './machine.ts';
import { nextDeadline } from './timers.ts';

const context = (followUpDueAt: string | null, dueAt = '2026-11-10T00:00:00.000Z') =>
  ({
    tasks: [{ status: 'OPEN', dueAt, warnAt: '2026-11-05T00:00:00.000Z', warnedAt: null, breachedAt: null }],
    followUpDueAt,
    closedAt: null,
  }) as unknown as CaseContext;

describe('timer deadlines', () => {
  it('the earliest pending instant wakes the workflow', () => {
    expect(nextDeadline(context('2026-11-03T00:00:00.000Z'), 'followUp.waiting')).toBe(
      Date.parse('2026-11-03T00:00:00.000Z'),
    );
  });

  it('a deadline whose events were refused does not wake it again: later ones still do', () => {
    const refusedAt = Date.parse('2026-11-03T00:00:01.000Z');
    expect(nextDeadline(context('2026-11-03T00:00:00.000Z'), 'suspended', refusedAt)).toBe(
      Date.parse('2026-11-05T00:00:00.000Z'),
    );
  });
});
