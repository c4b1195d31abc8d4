import { describe, expect, it } from 'vitest';
import { initialTransition, transition } from 'xstate';
import { caseMachine, refusalOf, stateName, type CaseEvent, type CaseSnapshot } from '../case/machine.ts';
import { TASK_KINDS, type Actor, type SlaPolicy } from '../case/types.ts';
import type { FormAnswers } from './types.ts';

/** The machine keeps each defined form's answers with their version (issue 17); events without them change nothing. */
const units = { community: 'c1', township: 't1', district: 'd1', city: 'y1' };
const station: Actor = { id: 'u-station', role: 'STATION_WORKER', unitId: 'c1' };
const caseworker: Actor = { id: 'u-cw', role: 'CASEWORKER', unitId: 't1' };
const SLA: SlaPolicy = Object.fromEntries(
  TASK_KINDS.map((kind) => [
    kind,
    { normal: 72, emergency: 12, unit: 'HOURS' as const, warnAt: 0.75, onBreach: 'NOTIFY' as const },
  ]),
);
let clock = Date.parse('2026-11-02T01:00:00.000Z');
const at = () => new Date((clock += 60_000)).toISOString();

function send(snapshot: CaseSnapshot, event: Record<string, unknown>): CaseSnapshot {
  const full = { ...event, at: at() } as CaseEvent;
  const refusal = refusalOf(snapshot, full);
  if (refusal) throw new Error(`refused ${full.type}: ${refusal.message}`);
  return transition(caseMachine, snapshot, full)[0];
}
function work(snapshot: CaseSnapshot, actor: Actor, event: Record<string, unknown>): CaseSnapshot {
  const task = snapshot.context.tasks.find((t) => t.status === 'OPEN')!;
  const claimed = task.assigneeId === actor.id ? snapshot : send(snapshot, { type: 'CLAIM', taskId: task.id, actor });
  return send(claimed, { ...event, taskId: task.id, actor });
}
const answers = (kind: FormAnswers['kind'], version: number, values: Record<string, unknown>): FormAnswers => ({
  definitionId: `def-${kind}-${version}`,
  kind,
  version,
  districtId: null,
  values,
});

describe('recordFormAnswers', () => {
  const opened = initialTransition(caseMachine, {
    caseId: 'case-forms',
    origin: 'SELF_APPLICATION',
    units,
    emergency: false,
    openedAt: '2026-11-02T01:00:00.000Z',
    sla: SLA,
    intakeAssigneeId: station.id,
  })[0];
  const registered = work(opened, station, { type: 'REGISTERED', verified: true });

  it('keeps the answers with their version, who gave them, when and at which task', () => {
    const screened = work(registered, caseworker, {
      type: 'SCREENED',
      referrals: [],
      outcome: 'RESIDUAL_NEED',
      answers: answers('SCREENING', 1, { householdSize: 2 }),
    });
    const assessed = work(screened, caseworker, {
      type: 'ASSESSED',
      needs: [{ category: 'HOUSING', severity: 'HIGH' }],
      answers: answers('ASSESSMENT', 3, { housing: 'RENTED' }),
    });
    expect(stateName(assessed.value)).toBe('planning.drafting');
    expect(assessed.context.formAnswers).toEqual([
      expect.objectContaining({ kind: 'SCREENING', version: 1, by: caseworker.id, taskId: expect.any(String) }),
      expect.objectContaining({
        kind: 'ASSESSMENT',
        version: 3,
        values: { housing: 'RENTED' },
        at: expect.any(String),
      }),
    ]);
  });

  it('adds nothing for an event without answers (recorded histories replay as they were)', () => {
    const screened = work(registered, caseworker, { type: 'SCREENED', referrals: [], outcome: 'RESIDUAL_NEED' });
    expect(screened.context).not.toHaveProperty('formAnswers');
  });
});
