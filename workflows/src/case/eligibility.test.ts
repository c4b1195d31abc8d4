import { describe, expect, it } from 'vitest';
import { initialTransition, transition } from 'xstate';
import { caseMachine, refusalOf, type CaseEvent, type CaseSnapshot } from './machine.ts';
import { TASK_KINDS, type Actor, type SlaPolicy } from './types.ts';

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
  const full = { ...event, at: at() } as unknown as CaseEvent;
  const refusal = refusalOf(snapshot, full);
  if (refusal) throw new Error(`refused ${full.type}: ${refusal.code}`);
  return transition(caseMachine, snapshot, full)[0];
}
function work(snapshot: CaseSnapshot, actor: Actor, event: Record<string, unknown>) {
  const task = snapshot.context.tasks.find((t) => t.status === 'OPEN')!;
  return send(send(snapshot, { type: 'CLAIM', taskId: task.id, actor }), { ...event, taskId: task.id, actor });
}
const screening = () =>
  work(
    initialTransition(caseMachine, {
      caseId: 'case-1',
      origin: 'SELF_APPLICATION',
      units,
      emergency: false,
      openedAt: '2026-11-02T01:00:00.000Z',
      sla: SLA,
      intakeAssigneeId: null,
    })[0],
    station,
    { type: 'REGISTERED', verified: true },
  );

describe('§二 无缝衔接 SCREENED with eligibility and referral details', () => {
  it('keeps each referral’s department, date and number, and the suggestions with the decisions', () => {
    const eligibility = {
      suggestions: [
        { scheme: 'DIBAO', eligible: 'YES', reasons: ['家庭月人均收入 ¥700.00 低于 …'], standardId: 's1' },
        { scheme: 'YILIAO', eligible: 'YES', reasons: ['…'], standardId: 's2' },
      ],
      decisions: [
        { scheme: 'DIBAO', refer: true },
        { scheme: 'YILIAO', refer: false, overrideReason: '已参加医保' },
      ],
    };
    const after = work(screening(), caseworker, {
      type: 'SCREENED',
      referrals: ['DIBAO', 'LINSHI'],
      outcome: 'GOV_AID_ONLY',
      eligibility,
      referralDetails: [
        { scheme: 'DIBAO', department: '街道社会事务办', referredOn: '2026-11-02', referenceNo: 'ZJ-1' },
      ],
    });
    expect(after.context.referrals).toEqual([
      {
        scheme: 'DIBAO',
        outcome: 'PENDING',
        department: '街道社会事务办',
        referredOn: '2026-11-02',
        referenceNo: 'ZJ-1',
      },
      { scheme: 'LINSHI', outcome: 'PENDING' },
    ]);
    expect(after.context.eligibility).toEqual({ ...eligibility, at: expect.any(String), by: caseworker.id });
    // The outcome later keeps the details.
    const granted = work(after, caseworker, {
      type: 'GOV_AID_GRANTED',
      outcomes: { DIBAO: 'GRANTED', LINSHI: 'DENIED' },
    });
    expect(granted.context.referrals[0]).toMatchObject({ outcome: 'GRANTED', referenceNo: 'ZJ-1' });
  });

  it('a SCREENED without them (as recorded before issue 17) records what it did before', () => {
    const after = work(screening(), caseworker, { type: 'SCREENED', referrals: ['DIBAO'], outcome: 'RESIDUAL_NEED' });
    expect(after.context.referrals).toEqual([{ scheme: 'DIBAO', outcome: 'PENDING' }]);
    expect(after.context.eligibility).toBeUndefined();
  });
});
