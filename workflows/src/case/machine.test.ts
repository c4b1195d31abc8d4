import { describe, expect, it } from 'vitest';
import { initialTransition, transition } from 'xstate';
import { acceptedEventTypes, caseMachine, refusalOf, stateName, type CaseEvent, type CaseInput, type CaseSnapshot } from './machine.ts';
import { DEFAULT_SLA_HOURS, type Actor, type GovScheme } from './types.ts';
import type { ActRequest } from './messages.ts';

const units = { community: 'c1', township: 't1', district: 'd1', city: 'y1' };
const station: Actor = { id: 'u-station', role: 'STATION_WORKER', unitId: 'c1' };
const caseworker: Actor = { id: 'u-cw', role: 'CASEWORKER', unitId: 't1' };
const caseworker2: Actor = { id: 'u-cw2', role: 'CASEWORKER', unitId: 't1' };
const supervisor: Actor = { id: 'u-sup', role: 'SUPERVISOR', unitId: 't1' };
const districtCaseworker: Actor = { id: 'u-dcw', role: 'CASEWORKER', unitId: 'd1' };
const otherTownship: Actor = { id: 'u-other', role: 'CASEWORKER', unitId: 't2' };
const otherSupervisor: Actor = { id: 'u-osup', role: 'SUPERVISOR', unitId: 't2' };
const discoverer: Actor = { id: 'u-disc', role: 'DISCOVERER', unitId: 'c1' };

const T0 = '2026-11-02T01:00:00.000Z';
let clock = Date.parse(T0);
const at = () => new Date((clock += 60_000)).toISOString();

function open(overrides: Partial<CaseInput> = {}): CaseSnapshot {
  const input: CaseInput = {
    caseId: 'case-1',
    origin: 'SELF_APPLICATION',
    units,
    emergency: false,
    openedAt: T0,
    sla: DEFAULT_SLA_HOURS,
    intakeAssigneeId: station.id,
    ...overrides,
  };
  return initialTransition(caseMachine, input)[0];
}

type Send = ActRequest;
function send(snapshot: CaseSnapshot, event: Send): CaseSnapshot {
  const full = { ...event, at: at() } as CaseEvent;
  const refusal = refusalOf(snapshot, full);
  if (refusal) throw new Error(`refused ${event.type}: ${refusal.code} ${refusal.message}`);
  return transition(caseMachine, snapshot, full)[0];
}
function refusal(snapshot: CaseSnapshot, event: Send) {
  const full = { ...event, at: at() } as CaseEvent;
  const result = refusalOf(snapshot, full);
  // A refusal changes nothing (a finished actor processes no events at all).
  if (snapshot.status === 'active') expect(transition(caseMachine, snapshot, full)[0]).toBe(snapshot);
  return result?.code;
}
const openTask = (snapshot: CaseSnapshot) => {
  const open = snapshot.context.tasks.filter((task) => task.status === 'OPEN');
  expect(open).toHaveLength(1);
  return open[0]!;
};
const state = (snapshot: CaseSnapshot) => stateName(snapshot.value);

/** Claims the open task as `actor` and completes it with `event`. */
function work(snapshot: CaseSnapshot, actor: Actor, event: Record<string, unknown> & { type: string }): CaseSnapshot {
  const task = openTask(snapshot);
  const claimed = task.assigneeId === actor.id ? snapshot : send(snapshot, { type: 'CLAIM', taskId: task.id, actor } as Send);
  return send(claimed, { ...event, taskId: task.id, actor } as unknown as Send);
}

const registered = () => work(open(), station, { type: 'REGISTERED', verified: true });
const screened = (outcome: 'RESIDUAL_NEED' | 'GOV_AID_ONLY' | 'NO_NEED') =>
  work(registered(), caseworker, { type: 'SCREENED', referrals: outcome === 'NO_NEED' ? [] : ['DIBAO'], outcome });
const assessed = () => work(screened('RESIDUAL_NEED'), caseworker, { type: 'ASSESSED', needs: [{ category: 'MEDICAL', severity: 'HIGH' }] });
const submitted = () => work(assessed(), caseworker, { type: 'PLAN_SUBMITTED', summary: '协调医疗救助与慈善项目' });

describe('intake (§四(一) discovery)', () => {
  it('opens in intake with a REGISTER task at the community station, held by the registering station worker', () => {
    const snapshot = open();
    expect(state(snapshot)).toBe('intake');
    expect(snapshot.context.owningUnitId).toBe('c1');
    const task = openTask(snapshot);
    expect(task).toMatchObject({ kind: 'REGISTER', unitId: 'c1', assigneeId: station.id, createdAt: T0 });
    expect(Date.parse(task.dueAt) - Date.parse(T0)).toBe(DEFAULT_SLA_HOURS.REGISTER.normal * 3_600_000);
  });

  it('an outreach report leaves the REGISTER task unassigned in the station queue', () => {
    expect(openTask(open({ origin: 'OUTREACH', intakeAssigneeId: null })).assigneeId).toBeNull();
  });

  it('REGISTERED hands the case to the township center and opens screening there', () => {
    const snapshot = registered();
    expect(state(snapshot)).toBe('screening');
    expect(snapshot.context.owningUnitId).toBe('t1');
    expect(snapshot.context.tasks[0]).toMatchObject({ kind: 'REGISTER', status: 'DONE', completedById: station.id });
    expect(openTask(snapshot)).toMatchObject({ kind: 'SCREEN', unitId: 't1', assigneeId: null });
  });

  it('refuses REGISTERED from a discoverer, from another unit, or for an unknown task', () => {
    const snapshot = open({ intakeAssigneeId: null });
    const taskId = openTask(snapshot).id;
    expect(refusal(snapshot, { type: 'CLAIM', taskId, actor: discoverer })).toBe('FORBIDDEN');
    expect(refusal(snapshot, { type: 'CLAIM', taskId, actor: otherTownship })).toBe('FORBIDDEN');
    expect(refusal(snapshot, { type: 'REGISTERED', taskId, verified: true, actor: station })).toBe('NOT_ASSIGNEE');
    expect(refusal(snapshot, { type: 'REGISTERED', taskId: 'nope', verified: true, actor: station })).toBe('TASK_NOT_FOUND');
  });

  it('refuses events that intake does not take', () => {
    const snapshot = open();
    expect(refusal(snapshot, { type: 'SCREENED', taskId: openTask(snapshot).id, referrals: [], outcome: 'NO_NEED', actor: caseworker })).toBe('NOT_ALLOWED_IN_STATE');
    expect(refusal(snapshot, { type: 'ASSESSED', taskId: 'x', needs: [], actor: caseworker })).toBe('NOT_ALLOWED_IN_STATE');
  });
});

describe('claim and release', () => {
  it('a township caseworker claims the SCREEN task; a second claim is refused', () => {
    const snapshot = registered();
    const taskId = openTask(snapshot).id;
    const claimed = send(snapshot, { type: 'CLAIM', taskId, actor: caseworker });
    expect(openTask(claimed).assigneeId).toBe(caseworker.id);
    expect(refusal(claimed, { type: 'CLAIM', taskId, actor: caseworker2 })).toBe('TASK_TAKEN');
    expect(refusal(claimed, { type: 'CLAIM', taskId, actor: caseworker })).toBe('TASK_TAKEN');
  });

  it('a caseworker of a parent unit may claim; a station worker, another township or an unknown task may not', () => {
    const snapshot = registered();
    const taskId = openTask(snapshot).id;
    expect(openTask(send(snapshot, { type: 'CLAIM', taskId, actor: districtCaseworker })).assigneeId).toBe(districtCaseworker.id);
    expect(refusal(snapshot, { type: 'CLAIM', taskId, actor: station })).toBe('FORBIDDEN');
    expect(refusal(snapshot, { type: 'CLAIM', taskId, actor: otherTownship })).toBe('FORBIDDEN');
    expect(refusal(snapshot, { type: 'CLAIM', taskId: 'case-1:99', actor: caseworker })).toBe('TASK_NOT_FOUND');
  });

  it('the assignee or a supervisor releases; nobody else does', () => {
    const snapshot = registered();
    const taskId = openTask(snapshot).id;
    expect(refusal(snapshot, { type: 'RELEASE', taskId, actor: caseworker })).toBe('NOT_ASSIGNEE');
    const claimed = send(snapshot, { type: 'CLAIM', taskId, actor: caseworker });
    expect(refusal(claimed, { type: 'RELEASE', taskId, actor: caseworker2 })).toBe('NOT_ASSIGNEE');
    expect(openTask(send(claimed, { type: 'RELEASE', taskId, actor: caseworker })).assigneeId).toBeNull();
    expect(openTask(send(claimed, { type: 'RELEASE', taskId, actor: supervisor })).assigneeId).toBeNull();
  });

  it('completing needs the claim: unclaimed or someone else’s task is refused', () => {
    const snapshot = registered();
    const taskId = openTask(snapshot).id;
    const screen = { type: 'SCREENED' as const, taskId, referrals: [] as GovScheme[], outcome: 'RESIDUAL_NEED' as const };
    expect(refusal(snapshot, { ...screen, actor: caseworker })).toBe('NOT_ASSIGNEE');
    const claimed = send(snapshot, { type: 'CLAIM', taskId, actor: caseworker });
    expect(refusal(claimed, { ...screen, actor: caseworker2 })).toBe('NOT_ASSIGNEE');
  });
});

describe('screening (§四(二))', () => {
  it('§四(二) only residual need goes on: RESIDUAL_NEED opens a needs assessment', () => {
    const snapshot = screened('RESIDUAL_NEED');
    expect(state(snapshot)).toBe('assessment');
    expect(snapshot.context.referrals).toEqual([{ scheme: 'DIBAO', outcome: 'PENDING' }]);
    expect(openTask(snapshot)).toMatchObject({ kind: 'ASSESS', unitId: 't1' });
  });

  it('§四(二) no residual need: NO_NEED closes the case as no_need', () => {
    const snapshot = screened('NO_NEED');
    expect(state(snapshot)).toBe('closed');
    expect(snapshot.status).toBe('done');
    expect(snapshot.context.closureReason).toBe('no_need');
    expect(snapshot.context.tasks.every((task) => task.status !== 'OPEN')).toBe(true);
  });

  it('§二 无缝衔接 government aid only: the case is monitored, granted aid goes to follow-up and closes as gov_aid_only', () => {
    const monitoring = screened('GOV_AID_ONLY');
    expect(state(monitoring)).toBe('monitoring');
    const followUp = work(monitoring, caseworker, { type: 'GOV_AID_GRANTED' });
    expect(state(followUp)).toBe('followUp');
    expect(followUp.context.referrals).toEqual([{ scheme: 'DIBAO', outcome: 'GRANTED' }]);
    const closed = work(followUp, caseworker, { type: 'FOLLOWED_UP', resolved: true });
    expect(closed.context.closureReason).toBe('gov_aid_only');
  });

  it('§二 无缝衔接 government aid denied: the case goes to needs assessment', () => {
    const assessment = work(screened('GOV_AID_ONLY'), caseworker, { type: 'GOV_AID_DENIED' });
    expect(state(assessment)).toBe('assessment');
    expect(assessment.context.referrals[0]?.outcome).toBe('DENIED');
  });
});

describe('assessment and plan', () => {
  it('ASSESSED records classified needs and opens plan drafting', () => {
    const snapshot = assessed();
    expect(state(snapshot)).toBe('planning.drafting');
    expect(snapshot.context.assessments).toHaveLength(1);
    expect(snapshot.context.assessments[0]?.needs).toEqual([{ category: 'MEDICAL', severity: 'HIGH' }]);
    expect(openTask(snapshot).kind).toBe('PLAN');
  });

  it('a submitted plan waits for a supervisor, who may return it with a reason', () => {
    const waiting = submitted();
    expect(state(waiting)).toBe('planning.awaitingApproval');
    expect(openTask(waiting)).toMatchObject({ kind: 'APPROVE_PLAN', unitId: 't1' });
    expect(refusal(waiting, { type: 'CLAIM', taskId: openTask(waiting).id, actor: caseworker })).toBe('FORBIDDEN');
    const returned = work(waiting, supervisor, { type: 'PLAN_RETURNED', reason: '补充住房需求' });
    expect(state(returned)).toBe('planning.drafting');
    expect(returned.context.plan?.returns).toEqual([expect.objectContaining({ reason: '补充住房需求', by: supervisor.id })]);
  });

  it('an approved plan goes on to matching', () => {
    const matching = work(submitted(), supervisor, { type: 'PLAN_APPROVED' });
    expect(state(matching)).toBe('matching');
    expect(matching.context.plan?.approvedAt).not.toBeNull();
    expect(openTask(matching).kind).toBe('MATCH');
  });

  it('follow-up with needs remaining re-assesses and keeps the earlier assessment', () => {
    const followUp = work(screened('GOV_AID_ONLY'), caseworker, { type: 'GOV_AID_GRANTED' });
    const again = work(followUp, caseworker, { type: 'FOLLOWED_UP', resolved: false });
    expect(state(again)).toBe('assessment');
    const first = work(again, caseworker, { type: 'ASSESSED', needs: [{ category: 'CARE', severity: 'LOW' }] });
    expect(first.context.assessments).toHaveLength(1);
  });
});

describe('closure by a supervisor', () => {
  it('closes from any open state with a reason and cancels the open task', () => {
    for (const snapshot of [open(), registered(), screened('GOV_AID_ONLY'), assessed(), submitted()]) {
      const closed = send(snapshot, { type: 'CLOSE', reason: 'unreachable', actor: supervisor });
      expect(state(closed)).toBe('closed');
      expect(closed.context.closureReason).toBe('unreachable');
      expect(closed.context.tasks.filter((task) => task.status === 'OPEN')).toEqual([]);
      expect(closed.context.tasks.at(-1)?.status).toBe('CANCELLED');
    }
  });

  it('refuses closure by a caseworker or by a supervisor of another township', () => {
    const snapshot = registered();
    expect(refusal(snapshot, { type: 'CLOSE', reason: 'declined', actor: caseworker })).toBe('FORBIDDEN');
    expect(refusal(snapshot, { type: 'CLOSE', reason: 'declined', actor: otherSupervisor })).toBe('FORBIDDEN');
  });

  it('a closed case takes no more events', () => {
    const closed = screened('NO_NEED');
    expect(refusal(closed, { type: 'CLOSE', reason: 'duplicate', actor: supervisor })).toBe('NOT_ALLOWED_IN_STATE');
  });
});

describe('SLA', () => {
  it('急难 an emergency case gets the emergency durations', () => {
    const snapshot = open({ emergency: true });
    const task = openTask(snapshot);
    expect(Date.parse(task.dueAt) - Date.parse(task.createdAt)).toBe(DEFAULT_SLA_HOURS.REGISTER.emergency * 3_600_000);
  });
});

describe('every state takes exactly its events', () => {
  const common = ['CLAIM', 'RELEASE', 'CLOSE'];
  const cases: [string, () => CaseSnapshot, string[]][] = [
    ['intake', open, ['REGISTERED']],
    ['screening', registered, ['SCREENED']],
    ['monitoring', () => screened('GOV_AID_ONLY'), ['GOV_AID_GRANTED', 'GOV_AID_DENIED']],
    ['assessment', () => screened('RESIDUAL_NEED'), ['ASSESSED']],
    ['planning.drafting', assessed, ['PLAN_SUBMITTED']],
    ['planning.awaitingApproval', submitted, ['PLAN_APPROVED', 'PLAN_RETURNED']],
    ['matching', () => work(submitted(), supervisor, { type: 'PLAN_APPROVED' }), []],
    ['followUp', () => work(screened('GOV_AID_ONLY'), caseworker, { type: 'GOV_AID_GRANTED' }), ['FOLLOWED_UP']],
  ];
  it.each(cases)('%s', (name, reach, own) => {
    const snapshot = reach();
    expect(state(snapshot)).toBe(name);
    expect([...acceptedEventTypes(snapshot)].sort()).toEqual([...common, ...own].sort());
  });
});
